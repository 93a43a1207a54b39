/**
 * A sharded build: the corpus cut into shard Workers (scripts/lib/shard-split.ts)
 * behind one front Worker, each shard a bundle of its own with its own compact
 * index (`serializeCompactShard`) and the corpus-wide figures it scores with
 * (`serializeShardFigures`, a module of their own), and the Worker
 * configs that serve them (`generated/sharded/front/wrangler.jsonc`,
 * `generated/sharded/shard-N/wrangler.jsonc`, service bindings from the front
 * to each shard).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { StoredArticle } from '../../src/article'
import { entitiesAsset, PART_UNITS, FORMAT, packSizeFor, parseBundle, serializeBundle, type BundleFiles } from '../../src/bundle/format'
import { CorpusFigures, serializeCompactShard, serializeShardFigures, type CompactIndex } from '../../src/search/index/compact-index'
import { INDEX_OPTIONS } from '../../src/search/options'
import { toSearchDocument } from '../../src/search/search'
import { collectIndex, type CollectedIndex } from '../../src/search/index/collect-index'
import { storeRegistry, type RegistryArticle } from '../../src/corpus-services/entity-registry'
import { corpusSuggestions, PhraseCounts, type StoredSuggestions } from '../../src/search/suggest'
import { partitionRegistry } from '../../src/shards/entity-parts'
import type { FrontManifest } from '../../src/shards/front-worker'
import type { ShardPlace } from '../../src/shards/shard'
import { isRunning } from './processes'
import { createProgress } from './progress'
import { PhraseThread, type KeptPhrases } from './phrase-files'
import { layoutRanges, type ShardLayout } from './shard-split'
import { tsWorker } from './ts-worker'
import { readWranglerToml, type WranglerSettings } from './wrangler-config'

/** `figures`: the shard's corpus figures module (src/search/index/shard-figures.ts), which its index opens with. */
export type ShardFiles = BundleFiles & { index: CompactIndex; figures: Uint8Array; place: ShardPlace; version: string }
/** `registryBytes`: the whole corpus's entity registry as one Worker would hold it, which the shards' parts cut (for the build's report). */
export type ShardedBundles = { manifest: FrontManifest; shards: ShardFiles[]; registryBytes: number }

/**
 * Where a sharded build reads its articles: a run of them at a time, in corpus
 * order (the build reads them back from the analysis cache, `AnalysedCorpus`),
 * so that it holds one shard's articles, not the corpus's.
 */
export type ArticleSource = { size: number; read(first: number, size: number): StoredArticle[] }

/** A corpus held in memory as a source (the tests, small corpora). */
export function inMemory(articles: readonly StoredArticle[]): ArticleSource {
  return { size: articles.length, read: (first, size) => articles.slice(first, first + size) }
}

/**
 * What every shard needs of the whole corpus, computed once: each shard's compact
 * index and its corpus-wide figures, its part of the entity registry, the
 * corpus's suggestion index and the build's version. The shards' bundles and
 * assets are made from it one at a time (`shardFiles`), their articles read again.
 */
export type ShardPlan = {
  manifest: FrontManifest
  source: ArticleSource
  ranges: { first: number; size: number }[]
  indexes: CompactIndex[]
  /** Each shard's corpus figures (`serializeShardFigures`). */
  figures: Uint8Array[]
  /** Each shard's part of the corpus's entity registry (JSON), and the whole registry's size, for the build's report. */
  registryParts: string[]
  registryBytes: number
  suggestions: StoredSuggestions
}

/**
 * Reads the corpus a shard at a time, once: each shard's compact index is
 * written from its own articles alone, and what the corpus-wide figures need is
 * summed from it (`CorpusFigures`), with the phrases' counts and the articles'
 * facts for the entity registry; the articles are hashed into the build's
 * version. Then each shard's figures are written from the sum. Only one
 * shard's articles and collected index are in memory at a time: the whole
 * corpus's analysed articles held about 350 MiB of live heap at 20,000
 * synthetic articles, its index and JSON form 550 MiB (docs/scaling.md).
 * `build` is the one version front and shards answer with.
 */
export async function planShards(
  articles: readonly StoredArticle[] | ArticleSource,
  layout: number | ShardLayout,
  builtAt: string,
  { phraseThread = false, progress = false, log = console.log }: { phraseThread?: boolean; progress?: boolean; log?: (line: string) => void } = {},
): Promise<ShardPlan> {
  const source = isSource(articles) ? articles : inMemory(articles)
  // A number: that many shards, balanced.
  const ranges = layoutRanges(source.size, typeof layout === 'number' ? { shards: layout } : layout)
  // Two passes over the corpus, minutes each at 250,000 articles: each says how far it is.
  const passProgress = (verb: string) => (progress ? createProgress(verb, source.size, { log }) : () => {})
  const counted = passProgress('counted for the corpus-wide figures')
  const figures = new CorpusFigures()
  // The build counts the phrases (every phrase of the corpus, millions) on a thread of its own, on disk; tests in memory.
  const phrases = phraseThread ? new PhraseThread() : inMemoryPhrases()
  const facts: RegistryArticle[] = []
  // Article by article: one JSON string of the whole corpus passes V8's longest string near 60,000 articles.
  const hash = createHash('sha256').update(JSON.stringify([FORMAT, PART_UNITS, ranges.length]))
  const indexes: CompactIndex[] = new Array(ranges.length)
  let kept: KeptPhrases
  let shardFigures: Uint8Array[]
  try {
    for (const [shard, { first, size }] of ranges.entries()) {
      const mine = source.read(first, size)
      // The shard's phrases are counted on their thread while this one collects its index.
      await phrases.add(mine)
      const index = collectShard(mine)
      figures.add(index)
      indexes[shard] = serializeCompactShard(index)
      for (const article of mine) {
        hash.update(JSON.stringify(article)).update('\n')
        facts.push(registryArticle(article))
      }
      counted(first + size)
    }
    // The phrase thread merges its files while the shards' figures are written.
    const keptPhrases = phrases.kept()
    keptPhrases.catch(() => {})
    shardFigures = indexes.map((index) => serializeShardFigures(index, figures))
    kept = await keptPhrases
  } finally {
    await phrases.close()
  }
  // The registry merges names across every article, so it is built once for the corpus, then cut by entity and by document.
  const registry = storeRegistry(facts)
  const registryParts = partitionRegistry(registry, facts, ranges).map((part) => JSON.stringify(part))
  indexes.forEach((index, shard) => hash.update(JSON.stringify(index.header)).update(index.binary).update(shardFigures[shard]!))
  // Its merging rules are code, not content: the parts go into the build's version.
  for (const part of registryParts) hash.update(part)
  const build = hash.digest('hex').slice(0, 16)
  const manifest: FrontManifest = { build, builtAt, documents: source.size, shards: ranges.map(({ size }) => ({ documents: size })) }
  const suggestions = corpusSuggestions(facts, kept)
  return {
    manifest,
    source,
    ranges,
    indexes,
    figures: shardFigures,
    registryParts,
    registryBytes: Buffer.byteLength(JSON.stringify(registry)),
    suggestions,
  }
}

/** The phrases counted in memory, as the phrase thread counts them (`PhraseThread`'s interface). */
function inMemoryPhrases(): Pick<PhraseThread, 'add' | 'kept' | 'close'> {
  const counts = new PhraseCounts()
  return {
    add: async (articles) => counts.add(articles),
    kept: async () => counts.kept(),
    close: async () => {},
  }
}

function isSource(articles: readonly StoredArticle[] | ArticleSource): articles is ArticleSource {
  return !Array.isArray(articles)
}

/** What the corpus-wide registry and suggestions read of an article: not its text, summary or keywords. */
function registryArticle({ id, title, date, facts }: StoredArticle): RegistryArticle {
  return { id, title, ...(date === undefined ? {} : { date }), facts }
}

/** A shard's own index, collected as MiniSearch would index its articles (`buildIndex`), for its compact index alone. */
function collectShard(articles: readonly StoredArticle[]): CollectedIndex {
  return collectIndex(articles.map(toSearchDocument), INDEX_OPTIONS)
}

/** What makes one shard's files besides its articles: the build's, and the shard's index and part of the registry. */
export type ShardJob = {
  shard: number
  first: number
  build: string
  builtAt: string
  index: CompactIndex
  figures: Uint8Array
  registryPart: string
  suggestions: StoredSuggestions
}

function shardJob({ manifest, ranges, indexes, figures, registryParts, suggestions }: ShardPlan, shard: number): ShardJob {
  const { build, builtAt } = manifest
  const { first } = ranges[shard]!
  return { shard, first, build, builtAt, index: indexes[shard]!, figures: figures[shard]!, registryPart: registryParts[shard]!, suggestions }
}

/** Shard `shard`'s bundle text, index, figures and assets. */
export function shardFiles({ shard, first, build, builtAt, index, figures, registryPart, suggestions }: ShardJob, mine: readonly StoredArticle[]): ShardFiles {
  // A shard's assets folder is named after its own version, which names its content and the build it belongs to.
  const version = createHash('sha256')
    .update(`${build} ${shard} ${packSizeFor(mine.length)}`)
    .digest('hex')
    .slice(0, 16)
  const files = serializeBundle({ version, builtAt, index: index.header }, mine, { corpusSuggestions: suggestions, entities: registryPart })
  return { ...files, index, figures, version, place: { firstPosition: first } }
}

/** Every shard's bundle, in memory (the tests open them in process; the build writes them one at a time instead). */
export async function shardedBundles(articles: readonly StoredArticle[], layout: number | ShardLayout, builtAt: string): Promise<ShardedBundles> {
  const plan = await planShards(articles, layout, builtAt)
  return {
    manifest: plan.manifest,
    shards: plan.ranges.map(({ first, size }, shard) => shardFiles(shardJob(plan, shard), plan.source.read(first, size))),
    registryBytes: plan.registryBytes,
  }
}

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

/** What the build reports of a shard it wrote: its articles, its modules' bytes, each asset's name and bytes, its part of the registry's bytes. */
export type WrittenShard = { documents: number; modules: number; assets: [string, number][]; registryPart: number }

/**
 * Writes a sharded build under `root` (generated/): every file into a
 * temporary folder, renamed to `sharded-<build>`, then the `sharded` link
 * switched to it in one rename, so front and shards always come from one
 * build, whatever kills the build midway. Older builds' folders are removed
 * after. The shards are made on `threads` worker threads (scripts/lib/shard-thread.ts),
 * each given one shard's articles at a time.
 */
export async function writeShardedBuild(
  root: string,
  plan: ShardPlan,
  { threads = 1, written = () => {} }: { threads?: number; written?: (shard: number, files: WrittenShard) => void } = {},
): Promise<string> {
  // The front keeps the one Worker's rate limits and Durable Objects (it is what the public calls, and it holds the
  // live segment: docs/live.md); shards add `-shard-N` to its name.
  const settings = readWranglerToml()
  const { name, compatibility_date, rules, ratelimits, durable_objects, migrations } = settings
  const { build } = plan.manifest
  const target = join(root, `sharded-${build}`)
  const temporary = `${target}.${process.pid}.tmp`
  // The entries import the Worker code from this checkout's src/, relative to where they end up.
  const src = relative(join(target, 'front'), resolve('src')).split(sep).join('/')
  rmSync(temporary, { recursive: true, force: true })
  try {
    const jobs = plan.ranges.map((_, s) => ({ dir: join(temporary, `shard-${s}`), src, settings, job: shardJob(plan, s) }))
    const articlesOf = (s: number) => plan.source.read(plan.ranges[s]!.first, plan.ranges[s]!.size)
    if (threads <= 1 || jobs.length === 1) {
      // One shard at a time, its files dropped once written: the build holds one shard's assets, not the corpus's.
      jobs.forEach((job, s) => written(s, writeShard(job, articlesOf(s))))
    } else {
      await writeOnThreads(jobs, articlesOf, Math.min(threads, jobs.length), written)
    }
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
        compatibility_date,
        // wrangler.toml's: the widget and the InstantSearch client as Text, served as the one Worker does.
        rules,
        services: plan.ranges.map((_, s) => ({ binding: `SHARD_${s}`, service: `${name}-shard-${s}` })),
        vars: { CORS_ORIGINS: '*', CORS_POST_ORIGINS: '' },
        ratelimits,
        durable_objects,
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

/** One shard to write: its folder, the path from there to src/, the Workers' settings, and what makes its files. */
export type ShardWrite = { dir: string; src: string; settings: WranglerSettings; job: ShardJob }

/** Makes and writes one shard's files (its bundle, index, entry, config and assets); what the build reports of them. */
export function writeShard({ dir, src, settings, job }: ShardWrite, articles: readonly StoredArticle[]): WrittenShard {
  const shard = shardFiles(job, articles)
  writeFiles(dir, {
    'search.bundle': shard.text,
    'search.bin': shard.index.binary,
    'figures.bin': shard.figures,
    'index.ts': [
      '// Written by npm run build (scripts/lib/sharded-build.ts): shard ' + job.shard + ' of build ' + job.build + '.',
      "import bundleBytes from './search.bundle'",
      "import indexBytes from './search.bin'",
      "import figures from './figures.bin'",
      `import { shardWorker } from '${src}/shards/shard-worker'`,
      '',
      `export default shardWorker(bundleBytes, indexBytes, figures, ${JSON.stringify({ build: job.build, ...shard.place })})`,
      '',
    ].join('\n'),
    'wrangler.jsonc': jsonc({
      name: `${settings.name}-shard-${job.shard}`,
      main: './index.ts',
      compatibility_date: settings.compatibility_date,
      // Reached only through the front's service binding.
      workers_dev: false,
      rules: settings.rules,
      assets: { directory: './assets', binding: 'ASSETS', run_worker_first: true },
    }),
  })
  for (const [asset, text] of shard.assets) writeFiles(join(dir, 'assets', dirname(asset)), { [asset.slice(dirname(asset).length + 1)]: text })
  const { entityParts } = parseBundle(shard.text).header
  return {
    documents: articles.length,
    modules: Buffer.byteLength(shard.text) + shard.index.binary.length + shard.figures.length,
    assets: [...shard.assets].map(([asset, text]) => [asset, Buffer.byteLength(text)]),
    registryPart: Array.from({ length: entityParts }, (_, part) => Buffer.byteLength(shard.assets.get(entitiesAsset(shard.version, part))!)).reduce(
      (a, b) => a + b,
      0,
    ),
  }
}

/**
 * The shards made on `threadCount` threads, each taking the next shard as it
 * finishes one. This thread reads each shard's articles (from the analysis
 * cache) just before sending them, so at most one shard's articles per thread
 * are held at a time.
 */
async function writeOnThreads(
  jobs: readonly ShardWrite[],
  articlesOf: (shard: number) => StoredArticle[],
  threadCount: number,
  written: (shard: number, files: WrittenShard) => void,
): Promise<void> {
  const script = new URL('./shard-thread.ts', import.meta.url).href
  let next = 0
  const run = () =>
    new Promise<void>((done, fail) => {
      const worker = tsWorker(script)
      let shard = -1
      let finished = false
      const send = () => {
        if (next >= jobs.length) {
          finished = true
          return void worker.terminate().then(() => done())
        }
        shard = next++
        worker.postMessage({ write: jobs[shard]!, articles: articlesOf(shard) } satisfies ShardMessage)
      }
      worker.on('message', (files: WrittenShard) => {
        written(shard, files)
        send()
      })
      worker.on('error', fail)
      worker.on('exit', () => {
        if (!finished) fail(new Error(`the thread making shard ${shard} stopped`))
      })
      worker.on('online', send)
    })
  await Promise.all(Array.from({ length: threadCount }, run))
}

/** What a shard thread is sent: one shard to write and its articles. */
export type ShardMessage = { write: ShardWrite; articles: StoredArticle[] }

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
