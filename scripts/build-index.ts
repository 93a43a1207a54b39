/**
 * Builds the search bundle the Worker serves: reads the corpus, analyses every
 * article (summary, keywords, facts, a headline where there is no title),
 * indexes it with MiniSearch and writes, atomically, the Worker's two modules
 * (`generated/search.bundle`: header and corpus tables; `generated/search.bin`:
 * the index's bytes) and its static assets (`generated/assets/<version>/`: the
 * article packs and the facts table). Analyses are cached by content in
 * `generated/.analysis-cache/` and computed on every core for large corpora.
 *
 *   npm run build                 # the bundled corpus/
 *   CORPUS=path npm run build     # another folder (read recursively) or .jsonl file
 *   THREADS=N npm run build       # analyse, and make shards, on N threads (default: every core for large corpora)
 *   SHARDS=3 npm run build        # shard Workers behind a front Worker (default: as many as the corpus needs)
 *   ARTICLES_PER_SHARD=N npm run build  # without SHARDS: shards of N articles filled in turn (default 10,000)
 *
 * A corpus too large for one isolate (or SHARDS > 1) is written as a sharded
 * build instead, under `generated/sharded/` (scripts/lib/sharded-build.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { PART_UNITS, FORMAT, packSizeFor, registryText, serializeBundle } from '../src/bundle/format'
import type { StoredRegistry } from '../src/corpus-services/entity-registry'
import { serializeCompactIndex } from '../src/search/index/compact-index'
import { buildIndex } from '../src/search/search'
import { analyseCorpus, type AnalysedCorpus, type AnalysisStats } from './lib/analyse-corpus'
import { sourceVersion } from './lib/analyser-version'
import { assetsDirOf, indexPathOf } from './lib/bundle-files'
import { isRunning } from './lib/processes'
import { createProgress } from './lib/progress'
import { formatCorpusError, readCorpus } from './lib/read-corpus'
import { planShards, previousShards, removeShardedBuild, writeShardedBuild, type ArticleSource } from './lib/sharded-build'
import { ARTICLES_PER_SHARD, shardCount } from './lib/shard-split'

const BUNDLE_PATH = resolve(process.env.BUNDLE_PATH ?? 'generated/search.bundle')
const INDEX_PATH = indexPathOf(BUNDLE_PATH)
const ASSETS_DIR = assetsDirOf(BUNDLE_PATH)
/**
 * Analyses by content and analyser version (scripts/lib/analyse-corpus.ts): a rebuild analyses only what changed.
 * `ANALYSIS_CACHE=DIR` shares one cache between builds of several folders (the scale bench).
 */
const ANALYSIS_CACHE = resolve(process.env.ANALYSIS_CACHE ?? join(dirname(BUNDLE_PATH), '.analysis-cache'))
/** The largest static asset file Cloudflare accepts (Workers limits: 25 MiB per asset file). */
const ASSET_FILE_LIMIT = 25 * 1024 * 1024
/** A version's assets folder is named after the version alone; anything else in ASSETS_DIR is not the build's. */
const VERSION_NAME = /^[0-9a-f]{16}$/

async function main(): Promise<number> {
  const started = performance.now()
  const corpus = resolve(process.env.CORPUS ?? 'corpus')
  if (!existsSync(corpus)) {
    console.error(`build failed: CORPUS "${corpus}" does not exist. Give a folder or a .jsonl file.`)
    return 1
  }
  const phases = new Phases()
  const read = await readAndAnalyse(corpus, phases)
  if (typeof read === 'number') return read
  const { analysed, stats, files, shards, perShard, threads } = read
  // A sharded build reads the analyses back a shard at a time; one Worker's bundle holds the whole corpus anyway.
  // Each shard's files are made on a thread of their own, as many as the analysis may use.
  if (shards > 1) return buildSharded(analysed, stats, shards, perShard, threads ?? availableParallelism(), corpus, files, started, phases)
  const articles = analysed.read(0, analysed.size)

  const index = serializeCompactIndex(buildIndex(articles))
  phases.end('index')
  // The version names the content and its layout: a version's assets folder, once written, never needs rewriting.
  const entities = registryText(articles)
  const version = createHash('sha256')
    .update(JSON.stringify([FORMAT, packSizeFor(articles.length), PART_UNITS, articles, index.header]))
    .update(index.binary)
    .update(entities)
    .digest('hex')
    .slice(0, 16)
  const { text, assets } = serializeBundle({ version, builtAt: new Date().toISOString(), index: index.header }, articles, { entities })

  mkdirSync(dirname(BUNDLE_PATH), { recursive: true })
  removeStaleTemporaries()
  const temporary = `${BUNDLE_PATH}.${process.pid}.tmp`
  const temporaryIndex = `${INDEX_PATH}.${process.pid}.tmp`
  let wroteAssets = false
  try {
    // The assets first, under their version's own folder: the previous bundle names the previous folder, so until the
    // bundle's rename below the Worker's modules and assets stay a matching pair whatever happens.
    wroteAssets = writeVersionAssets(version, assets)
    // Then the index bytes: the bundle names their length, so a half-done pair is refused at load, never misread.
    writeFileSync(temporaryIndex, index.binary)
    writeFileSync(temporary, text)
    replacePair(temporaryIndex, temporary)
  } catch (error) {
    rmSync(temporary, { force: true })
    rmSync(temporaryIndex, { force: true })
    if (wroteAssets) removeAssets(version)
    console.error(`build failed: cannot write ${BUNDLE_PATH}: ${(error as Error).message}; the previous bundle is unchanged.`)
    return 1
  }
  removeOtherVersions(version)
  removeShardedBuild(dirname(BUNDLE_PATH))
  phases.end('bundle')
  const { entities: registered } = JSON.parse(entities) as StoredRegistry
  const merged = registered.filter((entity) => entity.aliases.length > 0)
  console.log(
    `entity registry: ${registered.length} entities, ${merged.length} of them under more than one name ` +
      `(${merged.reduce((sum, entity) => sum + entity.aliases.length, 0)} other names merged), ${(Buffer.byteLength(entities) / 1024).toFixed(0)} KiB`,
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  const assetBytes = [...assets.values()].reduce((sum, asset) => sum + Buffer.byteLength(asset), 0)
  console.log(
    `built ${BUNDLE_PATH}: ${articles.length} articles from ${files} file(s) of ${corpus}, ` +
      `Worker modules ${((Buffer.byteLength(text) + index.binary.length) / 1024 / 1024).toFixed(2)} MiB with the index, ` +
      `static assets ${(assetBytes / 1024 / 1024).toFixed(2)} MiB in ${assets.size} files, version ${version}, in ${seconds} s ` +
      `(${stats.analysed} articles analysed on ${stats.threads} thread(s), ${stats.cached} from the analysis cache)`,
  )
  console.log(`  ${phases.summary()}`)
  return 0
}

/**
 * The corpus read, checked and analysed, and the build's settings; an exit code when they are wrong. A function of
 * its own so that the inputs are dropped once analysed (the analysed corpus has them on disk): a local of `main`
 * stays alive while `main` awaits the rest of the build.
 */
async function readAndAnalyse(
  corpus: string,
  phases: Phases,
): Promise<number | { analysed: AnalysedCorpus; stats: AnalysisStats; files: number; shards: number; perShard: number; threads: number | undefined }> {
  const { articles: inputs, errors, files } = readCorpus(corpus)
  phases.end('read')
  if (errors.length > 0) {
    const bad = new Set(errors.map((error) => error.file)).size
    console.error(`build failed: ${errors.length} problem(s) in ${bad} file(s) of ${corpus}; the previous bundle is unchanged.`)
    for (const error of errors) console.error(`  ${formatCorpusError(error)}`)
    return 1
  }
  if (inputs.length === 0) {
    console.error(`build failed: no articles (.txt, .md, .jsonl) found in ${corpus}; the previous bundle is unchanged.`)
    return 1
  }

  const perShard = Number(process.env.ARTICLES_PER_SHARD ?? ARTICLES_PER_SHARD)
  if (!(Number.isInteger(perShard) && perShard >= 1)) {
    console.error(`build failed: ARTICLES_PER_SHARD must be a whole number of articles, 1 or more (got "${process.env.ARTICLES_PER_SHARD}")`)
    return 1
  }
  const shards = shardCount(inputs.length, process.env.SHARDS, perShard)
  if (typeof shards !== 'number') {
    console.error(`build failed: ${shards.error} The previous bundle is unchanged.`)
    return 1
  }
  const threads = process.env.THREADS === undefined ? undefined : Number(process.env.THREADS)
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    console.error(`build failed: THREADS must be a whole number of threads, 1 or more (got "${process.env.THREADS}")`)
    return 1
  }
  const { corpus: analysed, stats } = await analyseCorpus(inputs, { cacheDir: ANALYSIS_CACHE, ...(threads ? { threads } : {}) })
  phases.end('analysis')
  return { analysed, stats, files, shards, perShard, threads }
}

/** The corpus as shard Workers behind a front Worker; the one-Worker bundle stays as it was (npm test and tsc read it). */
async function buildSharded(
  analysed: AnalysedCorpus,
  stats: AnalysisStats,
  shards: number,
  perShard: number,
  threads: number,
  corpus: string,
  files: number,
  started: number,
  phases: Phases,
): Promise<number> {
  // The articles read back from the analysis cache, counted for the report: a reused shard's are not read.
  let readBack = 0
  const articles: ArticleSource = {
    size: analysed.size,
    key: (first, size) => analysed.key(first, size),
    read: (first, size) => {
      readBack += size
      return analysed.read(first, size)
    },
    // What a shard thread reads back itself.
    run: (first, size) => {
      readBack += size
      return analysed.run(first, size)
    },
  }
  // Without SHARDS, shards are filled in turn, so articles appended later leave the full shards' articles (and indexes) as they were.
  const layout = process.env.SHARDS ? { shards } : { perShard }
  // The code that writes a shard's files (its thread's imports, transitively) is part of every shard's key.
  const writer = sourceVersion(resolve('scripts/lib/shard-thread.ts'), resolve('generated'))
  // Shards of the served build with the same key (the same articles, written by the same code) are reused as they are.
  const previous = previousShards(dirname(BUNDLE_PATH))
  const plan = await planShards(articles, layout, new Date().toISOString(), { phraseThread: true, progress: true, writer, previous, threads })
  phases.end('index')
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(2)
  const sizes: string[] = []
  const tooLarge: string[] = []
  const progress = createProgress('written into shards', articles.size)
  let writtenArticles = 0
  const target = await writeShardedBuild(dirname(BUNDLE_PATH), plan, {
    threads,
    written: (s, shard) => {
      progress((writtenArticles += shard.documents))
      const assets = shard.assets.map(([, bytes]) => bytes)
      for (const [name, bytes] of shard.assets) if (bytes > ASSET_FILE_LIMIT) tooLarge.push(`shard ${s}: ${name} is ${mib(bytes)} MiB`)
      sizes[s] =
        `${shard.reused ? 'reused, ' : ''}${shard.documents} articles, modules ${mib(shard.modules)} MiB, ` +
        `assets ${mib(assets.reduce((sum, bytes) => sum + bytes, 0))} MiB in ${assets.length} files (largest ${mib(Math.max(...assets))} MiB; entity registry part ${mib(shard.registryPart)} MiB)`
    },
  })
  phases.end('shards')
  console.log(
    `built ${target}: ${articles.size} articles from ${files} file(s) of ${corpus} in ${shards} shards, build ${plan.manifest.build}, in ${((performance.now() - started) / 1000).toFixed(2)} s ` +
      `(${stats.analysed} articles analysed on ${stats.threads} thread(s), ${stats.cached} from the analysis cache), shards made on ${Math.min(threads, shards)} thread(s), ` +
      `${plan.reused.filter((dir) => dir !== undefined).length} of them reused from the previous build ` +
      `(phrases counted in ${plan.phrasesCounted} articles, ${readBack} articles read back from the analysis cache: the reused shards' kept files stand for theirs)`,
  )
  sizes.forEach((line, shard) => console.log(`  shard ${shard}: ${line}`))
  console.log(`  the whole entity registry, which the parts cut by entity and by document: ${mib(plan.registryBytes)} MiB`)
  // wrangler dev and wrangler deploy both refuse such a Worker ("Asset too large"): say which file, at build time.
  for (const line of tooLarge)
    console.warn(`  warning: ${line}, over the ${ASSET_FILE_LIMIT / 1024 / 1024} MiB a static asset may be: wrangler dev and deploy refuse it`)
  console.log(`  ${phases.summary()}`)
  return 0
}

/**
 * Seconds per phase of the build, with the CPU seconds of all its threads (on a shared machine the first depends on
 * the others' load, the second much less), and the process's peak resident memory (what bounds the corpus a machine can build).
 */
class Phases {
  private last = { time: performance.now(), cpu: cpuSeconds() }
  private readonly seconds: [string, number, number][] = []
  end(name: string) {
    const now = { time: performance.now(), cpu: cpuSeconds() }
    this.seconds.push([name, (now.time - this.last.time) / 1000, now.cpu - this.last.cpu])
    this.last = now
  }
  summary(): string {
    const peak = process.resourceUsage().maxRSS / 1024
    const phases = this.seconds.map(([name, seconds, cpu]) => `${name} ${seconds.toFixed(1)} s (CPU ${cpu.toFixed(1)} s)`)
    return `phases: ${phases.join(', ')}; peak RSS ${peak.toFixed(0)} MiB`
  }
}

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/**
 * Writes a version's assets into a temporary folder and renames it into place
 * in one step. A version names its content, so a folder already there for it
 * holds the same files: it is kept. Returns whether this build made the folder.
 */
function writeVersionAssets(version: string, assets: ReadonlyMap<string, string>): boolean {
  const target = join(ASSETS_DIR, version)
  if (existsSync(target)) return false
  const temporary = `${target}.${process.pid}.tmp`
  try {
    for (const [name, text] of assets) {
      const path = join(ASSETS_DIR, name.replace(`${version}/`, `${version}.${process.pid}.tmp/`))
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    }
    renameSync(temporary, target)
  } finally {
    rmSync(temporary, { recursive: true, force: true })
  }
  return true
}

/** Takes back a version folder this build made (and the assets folder, when that leaves it empty). */
function removeAssets(version: string) {
  rmSync(join(ASSETS_DIR, version), { recursive: true, force: true })
  if (existsSync(ASSETS_DIR) && readdirSync(ASSETS_DIR).length === 0) rmSync(ASSETS_DIR, { recursive: true, force: true })
}

/** After the bundle names `version`, the other versions' assets are nobody's: remove them (wrangler would upload them). */
function removeOtherVersions(version: string) {
  for (const name of readdirSync(ASSETS_DIR)) {
    if (name !== version && VERSION_NAME.test(name)) rmSync(join(ASSETS_DIR, name), { recursive: true, force: true })
  }
}

/**
 * Renames the new index, then the new bundle, into place. If the bundle cannot
 * be renamed (say, a folder has taken its name), the previous index goes back
 * too, so the previous pair stays a pair.
 */
function replacePair(temporaryIndex: string, temporary: string) {
  const previousIndex = `${INDEX_PATH}.${process.pid}.previous.tmp`
  const hadIndex = existsSync(INDEX_PATH)
  if (hadIndex) linkSync(INDEX_PATH, previousIndex)
  try {
    renameSync(temporaryIndex, INDEX_PATH)
    renameSync(temporary, BUNDLE_PATH)
  } catch (error) {
    if (hadIndex) renameSync(previousIndex, INDEX_PATH)
    else rmSync(INDEX_PATH, { force: true })
    throw error
  } finally {
    rmSync(previousIndex, { force: true })
  }
}

/**
 * A build killed while writing leaves its `<bundle or index>.<pid>.tmp` or
 * `assets/<version>.<pid>.tmp/` behind (the files and folders themselves are only
 * ever replaced by a rename, so they stay whole). Remove those of processes that
 * are gone; a concurrent build's are left alone.
 */
function removeStaleTemporaries() {
  const places = [
    { folder: dirname(BUNDLE_PATH), ours: (base: string) => base === basename(BUNDLE_PATH) || base === basename(INDEX_PATH) },
    { folder: ASSETS_DIR, ours: (base: string) => VERSION_NAME.test(base) },
  ]
  for (const { folder, ours } of places) {
    for (const name of existsSync(folder) ? readdirSync(folder) : []) {
      const [, base, pid] = /^(.*)\.(\d+)\.tmp$/.exec(name) ?? []
      if (base !== undefined && ours(base) && Number(pid) !== process.pid && !isRunning(Number(pid)))
        rmSync(join(folder, name), { recursive: true, force: true })
    }
  }
}

// Whatever fails (a folder that cannot be created, a bug in the analysis), say what and that nothing was replaced.
main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`build failed: ${(error as Error).message}; the previous bundle is unchanged.`)
    console.error((error as Error).stack)
    process.exitCode = 1
  },
)
