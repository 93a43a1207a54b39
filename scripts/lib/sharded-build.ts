/**
 * A sharded build: the corpus cut into shard Workers (scripts/lib/shard-split.ts)
 * behind one front Worker, each shard a bundle of its own whose compact index
 * keeps the corpus-wide statistics (`serializeCompactShard`), and the Worker
 * configs that serve them (`generated/sharded/front/wrangler.jsonc`,
 * `generated/sharded/shard-N/wrangler.jsonc`, service bindings from the front
 * to each shard).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { StoredArticle } from '../../src/article'
import { PART_UNITS, FORMAT, packSizeFor, serializeBundle, type BundleFiles } from '../../src/bundle/format'
import MiniSearch from 'minisearch'
import { CorpusFigures, serializeCompactShard, type CompactIndex } from '../../src/search/index/compact-index'
import { INDEX_OPTIONS, type SearchDocument } from '../../src/search/options'
import { buildIndex, toSearchDocument } from '../../src/search/search'
import { storeRegistry } from '../../src/corpus-services/entity-registry'
import { partitionRegistry } from '../../src/shards/entity-parts'
import type { FrontManifest } from '../../src/shards/front-worker'
import type { ShardPlace } from '../../src/shards/shard'
import { isRunning } from './processes'
import { shardRanges } from './shard-split'

export type ShardFiles = BundleFiles & { index: CompactIndex; place: ShardPlace; version: string }
/** `registryBytes`: the whole corpus's entity registry as one Worker would hold it, which the shards' parts cut (for the build's report). */
export type ShardedBundles = { manifest: FrontManifest; shards: ShardFiles[]; registryBytes: number }

/**
 * What every shard needs of the whole corpus, computed once: each shard's compact
 * index (with the corpus-wide statistics) and the build's version. The shards'
 * bundles and assets are made from it one at a time (`shardFiles`), so a build
 * never holds more than one shard's assets.
 */
export type ShardPlan = {
  manifest: FrontManifest
  articles: readonly StoredArticle[]
  ranges: { first: number; size: number }[]
  indexes: CompactIndex[]
  /** Each shard's part of the corpus's entity registry (JSON), and the whole registry's size, for the build's report. */
  registryParts: string[]
  registryBytes: number
}

/**
 * Indexes each shard's articles on their own, twice: once to sum the corpus-wide figures (`CorpusFigures`), once
 * to write its compact index with them. Only one shard's index is in memory at a time: the whole corpus's index and
 * its JSON form held about 550 MiB of live heap at 20,000 synthetic articles, so about 7 GiB at 250,000, past
 * Node's default heap; indexing every shard but the last twice is the price (docs/scaling.md). `build` is the one version front and
 * shards answer with.
 */
export function planShards(articles: readonly StoredArticle[], shardCount: number, builtAt: string): ShardPlan {
  const ranges = shardRanges(articles.length, shardCount)
  const figures = new CorpusFigures()
  let lastIndex: MiniSearch<SearchDocument> | undefined
  for (const { first, size } of ranges) {
    const { index, firstSeen } = ownIndex(articles.slice(first, first + size))
    figures.add(index, firstSeen)
    lastIndex = index
  }
  // The last shard's index is still here: it is written first, and only the others are indexed again.
  const indexes: CompactIndex[] = new Array(ranges.length)
  for (let shard = ranges.length - 1; shard >= 0; shard--) {
    const { first, size } = ranges[shard]!
    indexes[shard] = serializeCompactShard(lastIndex ?? buildIndex(articles.slice(first, first + size)), figures)
    lastIndex = undefined
  }
  // The registry merges names across every article, so it is built once for the corpus, then cut by entity and by document.
  const registry = storeRegistry(articles)
  const registryParts = partitionRegistry(registry, articles, ranges).map((part) => JSON.stringify(part))
  // Article by article: one JSON string of the whole corpus passes V8's longest string near 60,000 articles.
  const hash = createHash('sha256').update(JSON.stringify([FORMAT, PART_UNITS, shardCount]))
  for (const article of articles) hash.update(JSON.stringify(article)).update('\n')
  for (const index of indexes) hash.update(JSON.stringify(index.header)).update(index.binary)
  // Its merging rules are code, not content: the parts go into the build's version.
  for (const part of registryParts) hash.update(part)
  const build = hash.digest('hex').slice(0, 16)
  const manifest: FrontManifest = { build, builtAt, documents: articles.length, shards: ranges.map(({ size }) => ({ documents: size })) }
  return { manifest, articles, ranges, indexes, registryParts, registryBytes: Buffer.byteLength(JSON.stringify(registry)) }
}

/** A shard's own index, as `buildIndex` makes it, and its terms in the order the index first saw them (which shapes its tree). */
function ownIndex(articles: readonly StoredArticle[]): { index: MiniSearch<SearchDocument>; firstSeen: Set<string> } {
  const firstSeen = new Set<string>()
  const { processTerm } = INDEX_OPTIONS
  const index = new MiniSearch<SearchDocument>({
    ...INDEX_OPTIONS,
    processTerm: (term, field) => {
      const processed = processTerm!(term, field)
      for (const each of Array.isArray(processed) ? processed : [processed]) if (each) firstSeen.add(each)
      return processed
    },
  })
  index.addAll(articles.map(toSearchDocument))
  return { index, firstSeen }
}

/** Shard `shard`'s bundle text, index and assets. */
function shardFiles({ manifest, articles, ranges, indexes, registryParts }: ShardPlan, shard: number): ShardFiles {
  const { first, size } = ranges[shard]!
  const mine = articles.slice(first, first + size)
  const index = indexes[shard]!
  // A shard's assets folder is named after its own version, which names its content and the build it belongs to.
  const version = createHash('sha256')
    .update(`${manifest.build} ${shard} ${packSizeFor(mine.length)}`)
    .digest('hex')
    .slice(0, 16)
  const files = serializeBundle({ version, builtAt: manifest.builtAt, index: index.header }, mine, { corpus: articles, entities: registryParts[shard]! })
  return { ...files, index, version, place: { firstPosition: first } }
}

/** Every shard's bundle, in memory (the tests open them in process; the build writes them one at a time instead). */
export function shardedBundles(articles: readonly StoredArticle[], shardCount: number, builtAt: string): ShardedBundles {
  const plan = planShards(articles, shardCount, builtAt)
  return { manifest: plan.manifest, shards: plan.ranges.map((_, shard) => shardFiles(plan, shard)), registryBytes: plan.registryBytes }
}

type RateLimit = { name: string; namespace_id: string; simple: { limit: number; period: number } }

type DurableObjectBinding = { name: string; class_name: string }
type Migration = { tag: string; new_sqlite_classes: string[] }

/**
 * The one Worker's name, compatibility date, rate limits and Durable Objects (the live segment's, with its
 * migrations), from wrangler.toml: the front keeps them all (it is what the public calls, and it holds the
 * live segment: docs/live.md), shards add `-shard-N` to the name.
 */
function workerSettings(): {
  name: string
  compatibilityDate: string
  ratelimits: RateLimit[]
  durableObjects: DurableObjectBinding[]
  migrations: Migration[]
} {
  const toml = readFileSync('wrangler.toml', 'utf8')
  const name = /^name\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? 'news-edge'
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? '2026-11-01'
  const ratelimits = [
    ...toml.matchAll(
      /\[\[ratelimits\]\]\s*name\s*=\s*"([^"]+)"\s*namespace_id\s*=\s*"([^"]+)"\s*simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*(\d+)\s*\}/g,
    ),
  ].map(([, limiter, namespace, limit, period]) => ({ name: limiter!, namespace_id: namespace!, simple: { limit: Number(limit), period: Number(period) } }))
  const durableObjects = [...toml.matchAll(/\[\[durable_objects\.bindings\]\]\s*name\s*=\s*"([^"]+)"\s*class_name\s*=\s*"([^"]+)"/g)].map(
    ([, binding, className]) => ({ name: binding!, class_name: className! }),
  )
  const migrations = [...toml.matchAll(/\[\[migrations\]\]\s*tag\s*=\s*"([^"]+)"\s*new_sqlite_classes\s*=\s*\[([^\]]*)\]/g)].map(([, tag, classes]) => ({
    tag: tag!,
    new_sqlite_classes: [...classes!.matchAll(/"([^"]+)"/g)].map(([, className]) => className!),
  }))
  return { name, compatibilityDate, ratelimits, durableObjects, migrations }
}

/** As wrangler.toml's: search.bundle as a Data module (held outside the JS heap), first, before the widget's Text rule. */
const DATA_RULE = { type: 'Data', globs: ['**/search.bundle', '**/*.bin'], fallthrough: false }
const TEXT_RULE = { type: 'Text', globs: ['**/*.bundle'], fallthrough: false }
const MODULE_RULES = [DATA_RULE, TEXT_RULE]

/** The sharded build's folder: `root/sharded`, a link to `root/sharded-<build>` switched in one rename. */
export function shardedDir(root: string): string {
  return join(root, 'sharded')
}

/** The Worker configs of the served sharded build, front first (as `wrangler dev -c … -c …` wants them); none if the last build was one Worker. */
export function shardedConfigs(root: string): string[] {
  const dir = shardedDir(root)
  if (!existsSync(join(dir, 'front', 'manifest.json'))) return []
  const manifest = JSON.parse(readFileSync(join(dir, 'front', 'manifest.json'), 'utf8')) as FrontManifest
  return [join(dir, 'front', 'wrangler.jsonc'), ...manifest.shards.map((_, shard) => join(dir, `shard-${shard}`, 'wrangler.jsonc'))]
}

/**
 * Writes a sharded build under `root` (generated/): every file into a
 * temporary folder, renamed to `sharded-<build>`, then the `sharded` link
 * switched to it in one rename, so front and shards always come from one
 * build, whatever kills the build midway. Older builds' folders are removed after.
 */
export function writeShardedBuild(root: string, plan: ShardPlan, written: (shard: number, files: ShardFiles) => void = () => {}): string {
  const { name, compatibilityDate, ratelimits, durableObjects, migrations } = workerSettings()
  const { build } = plan.manifest
  const target = join(root, `sharded-${build}`)
  const temporary = `${target}.${process.pid}.tmp`
  // The entries import the Worker code from this checkout's src/, relative to where they end up.
  const src = relative(join(target, 'front'), resolve('src')).split(sep).join('/')
  rmSync(temporary, { recursive: true, force: true })
  try {
    // One shard at a time, its files dropped once written: the build holds one shard's assets, not the corpus's.
    plan.ranges.forEach((_, s) => {
      const shard = shardFiles(plan, s)
      const dir = join(temporary, `shard-${s}`)
      writeFiles(dir, {
        'search.bundle': shard.text,
        'search.bin': shard.index.binary,
        'index.ts': [
          '// Written by npm run build (scripts/lib/sharded-build.ts): shard ' + s + ' of build ' + build + '.',
          "import bundleBytes from './search.bundle'",
          "import indexBytes from './search.bin'",
          `import { shardWorker } from '${src}/shards/shard-worker'`,
          '',
          `export default shardWorker(bundleBytes, indexBytes, ${JSON.stringify({ build, ...shard.place })})`,
          '',
        ].join('\n'),
        'wrangler.jsonc': jsonc({
          name: `${name}-shard-${s}`,
          main: './index.ts',
          compatibility_date: compatibilityDate,
          // Reached only through the front's service binding.
          workers_dev: false,
          rules: MODULE_RULES,
          assets: { directory: './assets', binding: 'ASSETS', run_worker_first: true },
        }),
      })
      for (const [asset, text] of shard.assets) writeFiles(join(dir, 'assets', dirname(asset)), { [asset.slice(dirname(asset).length + 1)]: text })
      written(s, shard)
    })
    writeFiles(join(temporary, 'front'), {
      'manifest.json': JSON.stringify(plan.manifest),
      'index.ts': [
        '// Written by npm run build (scripts/lib/sharded-build.ts): the front Worker of build ' + build + '.',
        "import manifest from './manifest.json'",
        `import { frontWorker } from '${src}/shards/front-worker'`,
        // The live segment's Durable Object class lives in the front, as in the one Worker (src/index.ts).
        `export { LiveSegment } from '${src}/live/segment'`,
        '',
        'export default frontWorker(manifest)',
        '',
      ].join('\n'),
      'wrangler.jsonc': jsonc({
        name,
        main: './index.ts',
        compatibility_date: compatibilityDate,
        // The widget and the InstantSearch client, which the front serves as the one Worker does (no corpus module).
        rules: [TEXT_RULE],
        services: plan.ranges.map((_, s) => ({ binding: `SHARD_${s}`, service: `${name}-shard-${s}` })),
        vars: { CORS_ORIGINS: '*', CORS_POST_ORIGINS: '' },
        ratelimits,
        durable_objects: { bindings: durableObjects },
        migrations,
        dev: { ip: '127.0.0.1', port: 8787 },
      }),
    })
    rmSync(target, { recursive: true, force: true })
    renameSync(temporary, target)
  } finally {
    rmSync(temporary, { recursive: true, force: true })
  }
  const link = shardedDir(root)
  const nextLink = `${link}.${process.pid}.tmp`
  rmSync(nextLink, { force: true })
  symlinkSync(`sharded-${build}`, nextLink)
  renameSync(nextLink, link)
  removeOtherShardedBuilds(root, `sharded-${build}`)
  return target
}

/** After a one-Worker build, the sharded one is no longer what is served: its link and folders go. */
export function removeShardedBuild(root: string) {
  rmSync(shardedDir(root), { force: true })
  removeOtherShardedBuilds(root, undefined)
}

/** Sharded builds other than `keep` (and temporaries of builds that are gone). */
function removeOtherShardedBuilds(root: string, keep: string | undefined) {
  const current = existsSync(shardedDir(root)) ? readlinkSync(shardedDir(root)) : keep
  for (const entry of existsSync(root) ? readdirSync(root) : []) {
    const [, , pid] = /^sharded-[0-9a-f]{16}(\.(\d+)\.tmp)?$/.exec(entry) ?? []
    if (!entry.startsWith('sharded-') || entry === current) continue
    if (pid !== undefined && Number(pid) !== process.pid && isRunning(Number(pid))) continue
    rmSync(join(root, entry), { recursive: true, force: true })
  }
}

function writeFiles(dir: string, files: Record<string, string | Uint8Array>) {
  mkdirSync(dir, { recursive: true })
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
}

function jsonc(config: object): string {
  return `// Written by npm run build (scripts/lib/sharded-build.ts); rebuild rather than edit.\n${JSON.stringify(config, null, 2)}\n`
}
