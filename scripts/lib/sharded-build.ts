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
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { StoredArticle } from '../../src/article'
import { entityAssets, PART_UNITS, FORMAT, parseBundle, serializeBundle, type BundleFiles } from '../../src/bundle/format'
import { openBundle, type LoadedBundle, type OpenOptions } from '../../src/bundle/open'
import { shardSuggestionsOf } from '../../src/bundle/shard-suggestions'
import {
  CorpusFigures,
  serializeCompactShard,
  serializeShardFigures,
  shardCounts,
  type CompactIndex,
  type ShardCounts,
} from '../../src/search/index/compact-index'
import { INDEX_OPTIONS } from '../../src/search/options'
import { toSearchDocument } from '../../src/search/search'
import { collectIndex, type CollectedIndex } from '../../src/search/index/collect-index'
import type { RegistryArticle, StoredRegistry } from '../../src/corpus-services/entity-registry'
import { mergeRegistrySheets } from '../../src/corpus-services/registry-build'
import { registrySheet, type RegistrySheet } from '../../src/corpus-services/registry-sheet'
import { corpusSuggestions, PhraseCounts, suggestionSheet, type SuggestionSheet } from '../../src/search/suggest'
import { partitionRegistry, registryPartJson } from '../../src/shards/entity-parts'
import type { FrontManifest } from '../../src/shards/front-worker'
import type { ShardPlace } from '../../src/shards/shard'
import { isRunning } from './processes'
import { createProgress } from './progress'
import { PhraseThread, writeShardPhrases, type KeptPhrases } from './phrase-files'
import { readCachedRun, type CachedRun } from './analysis-cache'
import { ShardThreads } from './shard-threads'
import { layoutRanges, type ShardLayout } from './shard-split'
import { readWranglerToml, type WranglerSettings } from './wrangler-config'

/**
 * A shard's files. What its own articles and the code alone give: its bundle (`text`), its index, its assets
 * (article packs and facts table, under `version`, the shard's key: `shardKey`). What the whole build gives,
 * rewritten at every build: `figures`, its corpus figures module (src/search/index/shard-figures.ts), which its
 * index opens with; `suggestions`, its suggestion index's module (made against the whole corpus's); `entities`,
 * its part of the entity registry, assets under the build's folder.
 */
export type ShardFiles = BundleFiles & {
  index: CompactIndex
  figures: Uint8Array
  suggestions: string
  entities: Map<string, string>
  place: ShardPlace
  version: string
}
/** `registryBytes`: the whole corpus's entity registry as one Worker would hold it, which the shards' parts cut (for the build's report). */
export type ShardedBundles = { manifest: FrontManifest; shards: ShardFiles[]; registryBytes: number }

/**
 * Where a sharded build reads its articles: a run of them at a time, in corpus
 * order (the build reads them back from the analysis cache, `AnalysedCorpus`),
 * so that it holds one shard's articles, not the corpus's.
 */
export type ArticleSource = {
  size: number
  read(first: number, size: number): StoredArticle[]
  /** The same articles as the analysis cache's entries, for a shard thread to read them itself (`readCachedRun`); without it, they are sent read. */
  run?(first: number, size: number): CachedRun
  /** A hash that names articles `first` to `first + size - 1` as `read` would give them, without reading them. */
  key(first: number, size: number): string
}

/** A corpus held in memory as a source (the tests, small corpora): a run is named by its articles' JSON. */
export function inMemory(articles: readonly StoredArticle[]): ArticleSource {
  return {
    size: articles.length,
    read: (first, size) => articles.slice(first, first + size),
    key: (first, size) => {
      const hash = createHash('sha256')
      for (const article of articles.slice(first, first + size)) hash.update(JSON.stringify(article)).update('\n')
      return hash.digest('hex')
    },
  }
}

/**
 * A shard's key: what names its bundle, index and own assets (packs, facts table) and so the folder of those
 * assets: the hash of its articles (`ArticleSource.key`) and of `writer`, the version of the code that writes
 * them. Two builds that give a shard the same key write it byte for byte the same.
 */
function shardKey(source: ArticleSource, { first, size }: { first: number; size: number }, writer: string): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, PART_UNITS, writer, size, source.key(first, size)]))
    .digest('hex')
    .slice(0, 16)
}

/**
 * What every shard needs of the whole corpus, computed once: each shard's compact
 * index and its corpus-wide figures, its part of the entity registry, its
 * suggestion index (made against the corpus's) and the build's version. The shards' bundles and
 * assets are made from it one at a time (`shardFiles`), their articles read again.
 */
export type ShardPlan = {
  manifest: FrontManifest
  source: ArticleSource
  ranges: { first: number; size: number }[]
  /** Each shard's key (`shardKey`). */
  keys: string[]
  /** For each shard an earlier build had with the same key, that shard's folder (its files are reused as they are). */
  reused: (string | undefined)[]
  /** For each shard collected by this build, what `CorpusFigures` read of it (`ShardCounts`, JSON), to keep beside it. */
  counts: (string | undefined)[]
  /** For each shard collected by this build, its entity registry sheet (registry-sheet.ts, JSON), to keep beside it. */
  sheets: (string | undefined)[]
  /** For each shard collected by this build, its suggestion sheet (`suggestionSheet`, JSON): what its suggestion index reads of its articles, to keep beside it. */
  suggestionSheets: (string | undefined)[]
  /**
   * For each shard collected by this build, its phrase counts' file (phrase-files.ts) in `phrasesDir`, to keep
   * beside it; none when the phrases were counted in memory.
   */
  phraseFiles: (string | undefined)[]
  /** Where those files are until the build is written (`writeShardedBuild` removes it, or `removePlanFiles`). */
  phrasesDir?: string
  /** The articles whose phrases this build counted: a shard reused by key has its counts read from its kept file. */
  phrasesCounted: number
  indexes: CompactIndex[]
  /** Each shard's corpus figures (`serializeShardFigures`). */
  figures: Uint8Array[]
  /** Each shard's part of the corpus's entity registry (JSON), and the whole registry's size, for the build's report. */
  registryParts: string[]
  registryBytes: number
  /** Each shard's suggestion index (`shardSuggestions`, JSON): its own names and titles, what the whole corpus's keeps of them, ranked as there. */
  suggestions: string[]
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
 * `build` is the one version front and shards answer with. `writer`: the version of the code that writes a
 * shard's files, part of each shard's key (the build gives the hash of its sources). `previous`: the shards of
 * an earlier build by key (`previousShards`): a shard whose key is there is not collected again, its index and
 * share of the figures are read from that build's files, and with the phrase thread its articles are not read
 * at all: its phrase counts and registry facts are that build's kept files too. `threads`: with more than one,
 * and two shards or more to collect, each such shard is read, collected, written and its phrases counted on a shard
 * thread (`passShard`), this thread summing their shares of the figures in corpus order: the same plan.
 */
export async function planShards(
  articles: readonly StoredArticle[] | ArticleSource,
  layout: number | ShardLayout,
  builtAt: string,
  {
    phraseThread = false,
    progress = false,
    log = console.log,
    writer = FORMAT,
    previous = () => undefined,
    threads = 1,
  }: { phraseThread?: boolean; progress?: boolean; log?: (line: string) => void; writer?: string; previous?: PreviousShards; threads?: number } = {},
): Promise<ShardPlan> {
  const source = isSource(articles) ? articles : inMemory(articles)
  // A number: that many shards, balanced.
  const ranges = layoutRanges(source.size, typeof layout === 'number' ? { shards: layout } : layout)
  // Two passes over the corpus, minutes each at 250,000 articles: each says how far it is.
  const passProgress = (verb: string) => (progress ? createProgress(verb, source.size, { log }) : () => {})
  const counted = passProgress('counted for the corpus-wide figures')
  const figures = new CorpusFigures()
  const keys = ranges.map((range) => shardKey(source, range, writer))
  const earliers = keys.map((key) => previous(key))
  // Two shards or more to collect and threads to spare: each is collected, written and counted on a shard thread.
  const fresh = ranges.flatMap((_, shard) => (earliers[shard] ? [] : [shard]))
  const passThreads = Math.min(threads, fresh.length)
  // The build counts the phrases (every phrase of the corpus, millions) on a thread of its own, on disk (the
  // threaded pass counts them on the shard threads, onto files the phrase thread merges); tests in memory.
  const phrases: Phrases = phraseThread || passThreads > 1 ? new PhraseThread() : inMemoryPhrases()
  const pass = passThreads > 1 ? new ThreadedPass(source, ranges, fresh, passThreads, phrases.dir!) : undefined
  const facts: RegistryArticle[] = []
  // What the registry reads of each shard's articles, made from them alone: kept by shard key, so a reused shard's is read, not made.
  const sheets: RegistrySheet[] = []
  const sheetTexts: (string | undefined)[] = new Array(ranges.length)
  // What the suggestions read of each shard's articles, likewise kept by shard key.
  const suggestionSheets: SuggestionSheet[] = []
  const suggestionSheetTexts: (string | undefined)[] = new Array(ranges.length)
  const reused: (string | undefined)[] = new Array(ranges.length)
  const counts: (string | undefined)[] = new Array(ranges.length)
  const phraseFiles: (string | undefined)[] = new Array(ranges.length)
  let phrasesCounted = 0
  let planned = false
  const indexes: CompactIndex[] = new Array(ranges.length)
  let kept: KeptPhrases
  let shardFigures: Uint8Array[]
  try {
    for (const [shard, { first, size }] of ranges.entries()) {
      const earlier = earliers[shard]
      if (earlier && phrases.addCounted) {
        // Reused by key: nothing of its articles is read back, what the build needs of them is in its kept files.
        await phrases.addCounted(earlier.phrases)
        for (const article of readFacts(earlier.facts)) facts.push(article)
        sheets.push(readSheet(earlier.sheet))
        suggestionSheets.push(JSON.parse(readFileSync(earlier.suggestions, 'utf8')) as SuggestionSheet)
      } else if (pass) {
        // Collected on a shard thread; its share of the figures is summed here, in corpus order, as a reused shard's.
        const done = await pass.take(shard)
        phraseFiles[shard] = done.phrases
        await phrases.addCounted!(done.phrases)
        phrasesCounted += size
        figures.addCounts(JSON.parse(done.counts) as ShardCounts)
        indexes[shard] = done.index
        counts[shard] = done.counts
        for (const article of done.facts) facts.push(article)
        const sheet = registrySheet(done.facts)
        sheets.push(sheet)
        sheetTexts[shard] = JSON.stringify(sheet)
        suggestionSheets.push(done.suggestions)
        suggestionSheetTexts[shard] = JSON.stringify(done.suggestions)
      } else {
        const mine = source.read(first, size)
        // The shard's phrases are counted on their thread while this one collects its index.
        phraseFiles[shard] = await phrases.add(mine)
        phrasesCounted += size
        if (!earlier) {
          const index = collectShard(mine)
          figures.add(index)
          indexes[shard] = serializeCompactShard(index)
          counts[shard] = JSON.stringify(shardCounts(index))
        }
        for (const article of mine) facts.push(registryArticle(article))
        const sheet = registrySheet(mine)
        sheets.push(sheet)
        if (!earlier) sheetTexts[shard] = JSON.stringify(sheet)
        suggestionSheets.push(suggestionSheet(mine))
        if (!earlier) suggestionSheetTexts[shard] = JSON.stringify(suggestionSheets[shard])
      }
      if (earlier) {
        figures.addCounts(earlier.counts)
        indexes[shard] = earlier.index
        reused[shard] = earlier.dir
      }
      counted(first + size)
    }
    // The phrase thread merges its files while the shards' figures are written.
    const keptPhrases = phrases.kept()
    keptPhrases.catch(() => {})
    shardFigures = indexes.map((index) => serializeShardFigures(index, figures))
    kept = await keptPhrases
    planned = true
  } finally {
    await pass?.close()
    // The collected shards' phrase files stay until the build keeps them beside their shards.
    await phrases.close(planned)
  }
  // The registry merges names across every article: the shards' sheets are merged for the whole corpus, then cut by entity and by document.
  const registry = mergeRegistrySheets(sheets)
  const registryParts = partitionRegistry(registry, facts, ranges).map(registryPartJson)
  const suggestions = corpusSuggestions(suggestionSheets, kept)
  const suggestionsOf = shardSuggestionsOf(suggestions)
  // The shards' keys name their own files; what the whole corpus gives them (figures, registry parts, suggestions) is hashed in too.
  const hash = createHash('sha256')
    .update(JSON.stringify([FORMAT, PART_UNITS, keys]))
    .update(JSON.stringify(suggestions))
  for (const figures of shardFigures) hash.update(figures)
  // The registry's merging rules are code, not content: the parts go into the build's version.
  for (const part of registryParts) hash.update(part)
  const build = hash.digest('hex').slice(0, 16)
  const manifest: FrontManifest = { build, builtAt, documents: source.size, shards: ranges.map(({ size }) => ({ documents: size })) }
  return {
    manifest,
    source,
    ranges,
    keys,
    reused,
    counts,
    sheets: sheetTexts,
    suggestionSheets: suggestionSheetTexts,
    phraseFiles,
    ...(phrases.dir === undefined ? {} : { phrasesDir: phrases.dir }),
    phrasesCounted,
    indexes,
    figures: shardFigures,
    registryParts,
    registryBytes: registryJsonBytes(registry),
    suggestions: suggestionSheets.map((sheet) => JSON.stringify(suggestionsOf(sheet))),
  }
}

/**
 * The bytes of the registry's JSON (`JSON.stringify`), counted entity by entity and key by key: the build only
 * reports it, and as one string it would pass V8's longest (about 512 MiB) past some 150,000 synthetic articles
 * (17 MiB at 5,000).
 */
export function registryJsonBytes({ entities, keys }: StoredRegistry): number {
  const entries = Object.entries(keys)
  // '{"entities":[' … '],"keys":{' … '}}' and the commas between entities and between keys.
  let bytes = '{"entities":[],"keys":{}}'.length + Math.max(entities.length - 1, 0) + Math.max(entries.length - 1, 0)
  for (const entity of entities) bytes += Buffer.byteLength(JSON.stringify(entity))
  for (const [key, index] of entries) bytes += Buffer.byteLength(JSON.stringify(key)) + 1 + JSON.stringify(index).length
  return bytes
}

/** Where `planShards` counts the phrases: the phrase thread, on disk, which merges a reused shard's kept counts (`addCounted`), or in memory. */
type Phrases = {
  dir?: string
  add(articles: readonly StoredArticle[]): Promise<string | undefined>
  addCounted?(file: string): Promise<void>
  kept(): Promise<KeptPhrases>
  close(keepFiles: boolean): Promise<void>
}

/** Removes what a plan holds on disk until its build is written (its new shards' phrase files): `writeShardedBuild` does, or a caller that writes none. */
export function removePlanFiles(plan: ShardPlan) {
  if (plan.phrasesDir !== undefined) rmSync(plan.phrasesDir, { recursive: true, force: true })
}

/** The phrases counted in memory, as the phrase thread counts them, every shard's articles (the tests, small corpora). */
function inMemoryPhrases(): Phrases {
  const counts = new PhraseCounts()
  return {
    add: async (articles) => void counts.add(articles),
    kept: async () => counts.kept(),
    close: async () => {},
  }
}

/**
 * A shard of an earlier build with a key of this build's: where its files are, its index, its share of the
 * figures, and the files of its phrase counts, of its articles' facts (`RegistryArticle`s), of its registry sheet
 * and of its suggestion sheet.
 */
export type ReusedShard = { dir: string; index: CompactIndex; counts: ShardCounts; phrases: string; facts: string; sheet: string; suggestions: string }
export type PreviousShards = (key: string) => ReusedShard | undefined

/** The build-side file beside a shard (not in its Worker) that keeps its `ShardCounts` under its key. */
const countsFile = (key: string) => `counts-${key}.json`
const COUNTS_FILE = /^counts-([0-9a-f]{16})\.json$/
/** The build-side file beside a shard that keeps its phrase counts (phrase-files.ts) under its key. */
const phrasesFile = (key: string) => `phrases-${key}.tsv`
/** The build-side file beside a shard that keeps what the registry reads of its articles (`RegistryArticle`s, JSON). */
const factsFile = (key: string) => `facts-${key}.json`
/** The build-side file beside a shard that keeps its entity registry sheet (registry-sheet.ts) under its key. */
const sheetFile = (key: string) => `registry-${key}.json`
/** The build-side file beside a shard that keeps its suggestion sheet (`suggestionSheet`, JSON) under its key. */
const suggestionSheetFile = (key: string) => `suggestion-sheet-${key}.json`

function readFacts(path: string): RegistryArticle[] {
  return JSON.parse(readFileSync(path, 'utf8')) as RegistryArticle[]
}

function readSheet(path: string): RegistrySheet {
  return JSON.parse(readFileSync(path, 'utf8')) as RegistrySheet
}

/**
 * The shards of the sharded build served from `root` (generated/), by key: what a new build may reuse. A shard
 * whose files cannot be read (a folder removed by hand) is not offered; the build then collects it again.
 */
export function previousShards(root: string): PreviousShards {
  const byKey = new Map<string, string>()
  const served = shardedDir(root)
  if (existsSync(served)) {
    const dir = realpathSync(served)
    for (const entry of readdirSync(dir).filter((name) => /^shard-\d+$/.test(name)))
      for (const name of readdirSync(join(dir, entry))) {
        const [, key] = COUNTS_FILE.exec(name) ?? []
        if (key) byKey.set(key, join(dir, entry))
      }
  }
  return (key) => {
    const dir = byKey.get(key)
    if (dir === undefined) return undefined
    try {
      const { header } = parseBundle(readFileSync(join(dir, 'search.bundle')))
      if (
        header.version !== key ||
        ![phrasesFile(key), factsFile(key), sheetFile(key), suggestionSheetFile(key)].every((name) => statSync(join(dir, name)).isFile())
      )
        return undefined
      return {
        dir,
        index: { header: header.index, binary: readFileSync(join(dir, 'search.bin')) },
        counts: JSON.parse(readFileSync(join(dir, countsFile(key)), 'utf8')) as ShardCounts,
        phrases: join(dir, phrasesFile(key)),
        facts: join(dir, factsFile(key)),
        sheet: join(dir, sheetFile(key)),
        suggestions: join(dir, suggestionSheetFile(key)),
      }
    } catch {
      return undefined
    }
  }
}

function isSource(articles: readonly StoredArticle[] | ArticleSource): articles is ArticleSource {
  return !Array.isArray(articles)
}

/** What the corpus-wide registry reads of an article: not its text, summary or keywords. */
function registryArticle({ id, title, date, facts }: StoredArticle): RegistryArticle {
  return { id, title, ...(date === undefined ? {} : { date }), facts }
}

/** A shard's own index, collected as MiniSearch would index its articles (`buildIndex`), for its compact index alone. */
function collectShard(articles: readonly StoredArticle[]): CollectedIndex {
  return collectIndex(articles.map(toSearchDocument), INDEX_OPTIONS)
}

/** What a shard thread gives of a shard in the threaded pass (`passShard`). */
export type ShardPass = { index: CompactIndex; counts: string; facts: RegistryArticle[]; suggestions: SuggestionSheet; phrases: string }
/** A shard for the threaded pass: its articles (or their cache entries) and the file its phrase counts go to. */
export type PassMessage = { pass: { articles: StoredArticle[] | CachedRun; phrases: string } }

/**
 * A shard's part of the index phase, on a shard thread: its compact index written from what its articles alone
 * give, what `CorpusFigures` reads of it (`ShardCounts`, JSON), its phrases counted onto their file, and what the
 * registry and the suggestions read of its articles. The same as the one-thread pass makes of the shard.
 */
export async function passShard({ pass }: PassMessage): Promise<ShardPass> {
  const articles = Array.isArray(pass.articles) ? pass.articles : await readCachedRun(pass.articles)
  // One at a time, the collected index dropped before the phrases are counted: the two are a shard thread's largest.
  const { index, counts } = collectedShard(articles)
  return {
    index,
    counts,
    phrases: writeShardPhrases(articles, pass.phrases),
    facts: articles.map(registryArticle),
    suggestions: suggestionSheet(articles),
  }
}

function collectedShard(articles: readonly StoredArticle[]): { index: CompactIndex; counts: string } {
  const collected = collectShard(articles)
  return { index: serializeCompactShard(collected), counts: JSON.stringify(shardCounts(collected)) }
}

/**
 * The pass's shards to collect, on `threadCount` shard threads: taken in corpus order (`take`), each sent when
 * it is fewer than `threadCount` shards ahead of the one taken, so the threads stay busy and at most that many
 * shards' articles and answers wait.
 */
class ThreadedPass {
  private readonly threads: ShardThreads
  private readonly answers = new Map<number, Promise<ShardPass>>()
  private sent = 0

  constructor(
    private readonly source: ArticleSource,
    private readonly ranges: readonly { first: number; size: number }[],
    private readonly fresh: readonly number[],
    private readonly threadCount: number,
    private readonly phrasesDir: string,
  ) {
    this.threads = new ShardThreads(threadCount)
  }

  async take(shard: number): Promise<ShardPass> {
    const ahead = this.fresh.indexOf(shard) + this.threadCount
    for (; this.sent < Math.min(ahead, this.fresh.length); this.sent++) {
      const next = this.fresh[this.sent]!
      const { first, size } = this.ranges[next]!
      const articles = this.source.run?.(first, size) ?? this.source.read(first, size)
      const answer = this.threads.run<ShardPass>({ pass: { articles, phrases: join(this.phrasesDir, `shard-${next}.tsv`) } } satisfies PassMessage)
      // Awaited in its turn; a failure before then is that turn's to throw, not an unhandled rejection.
      answer.catch(() => {})
      this.answers.set(next, answer)
    }
    const answer = this.answers.get(shard)!
    this.answers.delete(shard)
    return answer
  }

  close(): Promise<void> {
    return this.threads.close()
  }
}

/** What makes one shard's files besides its articles: the build's, and the shard's index and part of the registry. */
export type ShardJob = {
  shard: number
  first: number
  key: string
  /** An earlier build's folder of this shard (the same key), whose own files are linked rather than made again. */
  reuse?: string
  /** What `CorpusFigures` read of the shard (`ShardCounts`, JSON) when this build collected it. */
  counts?: string
  /** Its phrase counts' file when this build counted them (phrase-files.ts), to keep beside it. */
  phrases?: string
  /** Its entity registry sheet (JSON) when this build made it, to keep beside it. */
  sheet?: string
  /** How many articles it holds (a reused shard's are not read to count them). */
  size: number
  /** What its suggestion index reads of its articles (`suggestionSheet`, JSON) when this build made it, to keep beside it. */
  suggestionSheet?: string
  build: string
  index: CompactIndex
  figures: Uint8Array
  registryPart: string
  /** Its suggestion index (`shardSuggestions`, JSON). */
  suggestions: string
}

function shardJob(
  { manifest, ranges, keys, reused, counts, sheets, suggestionSheets, phraseFiles, indexes, figures, registryParts, suggestions }: ShardPlan,
  shard: number,
): ShardJob {
  const { first, size } = ranges[shard]!
  const [reuse, count, phrases, sheet, suggestionSheet] = [reused[shard], counts[shard], phraseFiles[shard], sheets[shard], suggestionSheets[shard]]
  return {
    shard,
    first,
    key: keys[shard]!,
    ...(reuse === undefined ? {} : { reuse }),
    ...(count === undefined ? {} : { counts: count }),
    ...(phrases === undefined ? {} : { phrases }),
    ...(sheet === undefined ? {} : { sheet }),
    ...(suggestionSheet === undefined ? {} : { suggestionSheet }),
    size,
    build: manifest.build,
    index: indexes[shard]!,
    figures: figures[shard]!,
    registryPart: registryParts[shard]!,
    suggestions: suggestions[shard]!,
  }
}

/**
 * Shard `shard`'s files. Its bundle and own assets hold what its articles give, under its key (no build time:
 * the build's is the front's), so that a build that does not change its articles writes them the same.
 */
export function shardFiles(job: ShardJob, mine: readonly StoredArticle[]): ShardFiles {
  const files = serializeBundle({ version: job.key, builtAt: '', index: job.index.header }, mine, { entities: null, suggestionsApart: true })
  return { ...files, ...buildFiles(job), index: job.index, version: job.key, place: { firstPosition: job.first } }
}

/** What a shard's build rewrites whether or not its articles changed: what the whole corpus gives it. */
function buildFiles({ build, figures, registryPart, suggestions }: ShardJob): Pick<ShardFiles, 'figures' | 'suggestions' | 'entities'> {
  return { figures, suggestions, entities: entityAssets(build, registryPart) }
}

/** A shard's files opened as its Worker opens them (the tests, in process). */
export function openShardFiles(shard: ShardFiles, options: OpenOptions = {}): LoadedBundle {
  const read = (name: string) => {
    const text = shard.assets.get(name) ?? shard.entities.get(name)
    return text === undefined ? Promise.reject(new Error(`no asset ${name}`)) : Promise.resolve(text)
  }
  return openBundle(shard.text, shard.index.binary, read, {
    ...options,
    figures: shard.figures,
    suggestions: shard.suggestions,
    entities: { version: [...shard.entities.keys()][0]!.split('/')[0]!, parts: shard.entities.size },
  })
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
export type WrittenShard = { documents: number; modules: number; assets: [string, number][]; registryPart: number; reused: boolean }

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
    // A reused shard's articles are not read back: what the whole build gives it is made from its plan's job alone.
    const articlesOf = (s: number): ShardArticles => {
      const { first, size } = plan.ranges[s]!
      return plan.reused[s] === undefined ? plan.source.read(first, size) : undefined
    }
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
    removePlanFiles(plan)
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
/** What `writeShard` reads of a shard's articles: all of them when this build makes its files, none when it is reused. */
export type ShardArticles = StoredArticle[] | undefined

/**
 * Makes and writes one shard's files (its bundle, index, entry, config and assets); what the build reports of
 * them. A shard an earlier build wrote with the same key (`job.reuse`) has its own files hard-linked from there
 * (they are never written in place, so the earlier build keeps its own until it is removed); only what the
 * whole build gives it is written.
 */
export function writeShard({ dir, src, settings, job }: ShardWrite, articles: ShardArticles): WrittenShard {
  let own: { modules: number; assets: [string, number][] }
  let files: Pick<ShardFiles, 'figures' | 'suggestions' | 'entities'>
  let documents: number
  if (articles === undefined) {
    own = linkOwnFiles(job.reuse!, dir, job.key)
    files = buildFiles(job)
    documents = job.size
  } else {
    const shard = shardFiles(job, articles)
    files = shard
    documents = articles.length
    writeFiles(dir, {
      'search.bundle': shard.text,
      'search.bin': shard.index.binary,
      [countsFile(job.key)]: job.counts!,
      [factsFile(job.key)]: JSON.stringify(articles.map(registryArticle)),
      [sheetFile(job.key)]: job.sheet!,
      [suggestionSheetFile(job.key)]: job.suggestionSheet!,
    })
    // Copied, not moved: the phrase thread's folder may be on another file system.
    if (job.phrases !== undefined) copyFileSync(job.phrases, join(dir, phrasesFile(job.key)))
    writeAssets(dir, shard.assets)
    own = {
      modules: Buffer.byteLength(shard.text) + shard.index.binary.length,
      assets: [...shard.assets].map(([asset, text]) => [asset, Buffer.byteLength(text)]),
    }
  }
  const entityParts = files.entities.size
  writeFiles(dir, {
    'figures.bin': files.figures,
    'suggestions.bin': files.suggestions,
    'index.ts': [
      '// Written by npm run build (scripts/lib/sharded-build.ts): shard ' + job.shard + ' of build ' + job.build + '.',
      "import bundleBytes from './search.bundle'",
      "import indexBytes from './search.bin'",
      "import figures from './figures.bin'",
      "import suggestions from './suggestions.bin'",
      `import { shardWorker } from '${src}/shards/shard-worker'`,
      '',
      `export default shardWorker(bundleBytes, indexBytes, figures, suggestions, ${JSON.stringify({ build: job.build, entityParts, firstPosition: job.first })})`,
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
  writeAssets(dir, files.entities)
  const registryPart = [...files.entities.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  return {
    documents,
    modules: own.modules + files.figures.length + Buffer.byteLength(files.suggestions),
    assets: [...own.assets, ...[...files.entities].map(([asset, text]): [string, number] => [asset, Buffer.byteLength(text)])],
    registryPart,
    reused: job.reuse !== undefined,
  }
}

function writeAssets(dir: string, assets: ReadonlyMap<string, string>) {
  for (const [asset, text] of assets) writeFiles(join(dir, 'assets', dirname(asset)), { [asset.slice(dirname(asset).length + 1)]: text })
}

/** Hard-links a shard's own files (bundle, index, counts, phrase counts, facts, registry and suggestion sheets, assets under its key) from an earlier build's folder; their sizes. */
function linkOwnFiles(from: string, dir: string, key: string): { modules: number; assets: [string, number][] } {
  mkdirSync(join(dir, 'assets', key), { recursive: true })
  for (const name of ['search.bundle', 'search.bin', countsFile(key), phrasesFile(key), factsFile(key), sheetFile(key), suggestionSheetFile(key)])
    linkSync(join(from, name), join(dir, name))
  const assets: [string, number][] = readdirSync(join(from, 'assets', key)).map((name) => {
    linkSync(join(from, 'assets', key, name), join(dir, 'assets', key, name))
    return [`${key}/${name}`, statSync(join(dir, 'assets', key, name)).size]
  })
  return { modules: statSync(join(dir, 'search.bundle')).size + statSync(join(dir, 'search.bin')).size, assets }
}

/**
 * The shards made on `threadCount` threads, each taking the next shard as it
 * finishes one. This thread reads each shard's articles (from the analysis
 * cache) just before sending them, so at most one shard's articles per thread
 * are held at a time.
 */
async function writeOnThreads(
  jobs: readonly ShardWrite[],
  articlesOf: (shard: number) => ShardArticles,
  threadCount: number,
  written: (shard: number, files: WrittenShard) => void,
): Promise<void> {
  const threads = new ShardThreads(threadCount)
  let next = 0
  // One sender per thread: each reads a shard's articles only when the thread before it is free.
  const sender = async () => {
    while (next < jobs.length) {
      const shard = next++
      written(shard, await threads.run<WrittenShard>({ write: jobs[shard]!, mine: articlesOf(shard) } satisfies ShardMessage))
    }
  }
  try {
    await Promise.all(Array.from({ length: threadCount }, sender))
  } finally {
    await threads.close()
  }
}

/** What a shard thread is sent: one shard to write and what it reads of its articles. */
export type ShardMessage = { write: ShardWrite; mine: ShardArticles }

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
