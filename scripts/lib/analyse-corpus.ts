/**
 * The build's analysis of every article, cached and in parallel: an article's
 * analysis is stored under the hash of its analysed fields and of the analyser's
 * version (analyser-version.ts), so a rebuild analyses only the articles that
 * changed (all of them when the analyser changed), on every core. Entries live
 * under `<cache>/<analyser version>/`; a new version removes the others.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { analyzeArticle, type Analysis, type AnalyzeInput } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import type { ArticleInput } from '../../src/corpus/article'
import { analyserVersion } from './analyser-version'
import {
  analysisInput,
  cacheKey,
  cachePath,
  readCached,
  readInputs,
  spillInputs,
  storedFrom,
  writeCached,
  type CachedRun,
  type InputsRange,
} from './analysis-cache'
import { isRunning } from './processes'
import { createProgress } from './progress'
import { tsWorker } from './ts-worker'

/** Below this many articles to analyse, starting worker threads (each loads the gazetteer) costs more than it saves. */
const PARALLEL_FROM = 2000
/** Articles sent to a worker at a time: large enough to amortise messages, small enough to balance the threads. */
const BATCH = 64

export type AnalysisStats = { analysed: number; cached: number; threads: number; version: string }

/** `threads`: how many threads analyse (default: one per core when there are many articles to analyse, else one). */
export type AnalyseOptions = { cacheDir: string; threads?: number; log?: (line: string) => void }

/**
 * The analysed corpus, held as its inputs and the cache's keys: `read` gives a
 * run of its articles with their analyses read back from the cache, so a build
 * holds the analyses of one shard at a time, not the corpus's.
 */
export type AnalysedCorpus = {
  size: number
  /** Articles `first` to `first + size - 1`, in corpus order. */
  read(first: number, size: number): StoredArticle[]
  /** The same articles as their cache entries, for a build thread to read them itself (`readCachedRun`). */
  run(first: number, size: number): CachedRun
  /**
   * A hash naming what `read` would give for those articles, without reading an analysis: the analyser's version,
   * each article's cache key (what its analysis reads) and its other fields (id, url, …: the rest of a stored article).
   */
  key(first: number, size: number): string
}

export async function analyseCorpus(
  inputs: readonly ArticleInput[],
  { cacheDir: root, threads, log = console.log }: AnalyseOptions,
): Promise<{ corpus: AnalysedCorpus; stats: AnalysisStats }> {
  const version = analyserVersion()
  // One folder per analyser version: another version's entries can never be hit again, so they go.
  const cacheDir = join(root, version)
  // So do the inputs spilled by a build that was killed (`SpilledCorpus`); a running build's stay.
  if (existsSync(root))
    for (const name of readdirSync(root)) {
      const spilledBy = SPILL_FILE.exec(name)?.[1]
      if (name !== version && !(spilledBy !== undefined && isRunning(Number(spilledBy)))) rmSync(join(root, name), { recursive: true, force: true })
    }
  const keys = inputs.map((input) => cacheKey(analysisInput(input)))
  // Entries are only looked for here; one found unreadable when read back is analysed then (`read`).
  const missing = keys.flatMap((key, position) => (existsSync(cachePath(cacheDir, key)) ? [] : [position]))
  const threadCount = Math.min(threads ?? (missing.length < PARALLEL_FROM ? 1 : availableParallelism()), Math.max(1, Math.ceil(missing.length / BATCH)))
  if (missing.length > 0)
    log(`  analysing ${missing.length} of ${inputs.length} articles (${inputs.length - missing.length} cached) on ${threadCount} thread(s)`)
  const progress = createProgress('analysed', missing.length, { log })
  let done = 0
  const store = (position: number, analysis: Analysis) => {
    writeCached(cacheDir, keys[position]!, analysis)
    progress(++done)
  }
  if (threadCount === 1) {
    for (const position of missing) store(position, analyzeArticle(analysisInput(inputs[position]!)))
  } else {
    await analyseInWorkers(
      missing.map((position) => ({ position, input: analysisInput(inputs[position]!) })),
      threadCount,
      store,
    )
  }
  return {
    corpus: new SpilledCorpus(inputs, keys, version, root),
    stats: { analysed: missing.length, cached: inputs.length - missing.length, threads: threadCount, version },
  }
}

/** The files a build spills its inputs to, in the cache's folder, named by the build's process and numbered. */
const SPILL_FILE = /^inputs-(\d+)-\d+\.jsonl$/
let spills = 0

/**
 * The analysed corpus with its inputs on disk (`spillInputs`, in the cache's folder, removed when the process
 * exits, or by the next build if it is killed): it holds each article's cache key and the JSON of its fields but
 * the text (for `key`), not the texts.
 */
class SpilledCorpus implements AnalysedCorpus {
  readonly size: number
  private readonly cacheDir: string
  private readonly file: string
  private readonly offsets: Float64Array
  private readonly fields: string[]

  constructor(
    inputs: readonly ArticleInput[],
    private readonly keys: readonly string[],
    private readonly version: string,
    root: string,
  ) {
    this.cacheDir = join(root, version)
    mkdirSync(root, { recursive: true })
    this.file = join(root, `inputs-${process.pid}-${spills++}.jsonl`)
    process.once('exit', () => rmSync(this.file, { force: true }))
    this.offsets = spillInputs(inputs, this.file)
    this.fields = inputs.map(({ text: _text, ...fields }) => JSON.stringify(fields))
    this.size = inputs.length
  }

  read(first: number, size: number): StoredArticle[] {
    return readInputs(this.range(first, size)).map((input, i) => storedFrom(input, this.analysisOf(first + i, input)))
  }

  run(first: number, size: number): CachedRun {
    return { cacheDir: this.cacheDir, inputs: this.range(first, size), keys: this.keys.slice(first, first + size) }
  }

  key(first: number, size: number): string {
    const hash = createHash('sha256').update(this.version)
    for (let position = first; position < first + size; position++) hash.update(this.keys[position]!).update(this.fields[position]!).update('\n')
    return hash.digest('hex')
  }

  private range(first: number, size: number): InputsRange {
    return { file: this.file, start: this.offsets[first]!, end: this.offsets[first + size]! }
  }

  private analysisOf(position: number, input: ArticleInput): Analysis {
    const cached = readCached(this.cacheDir, this.keys[position]!)
    if (cached) return cached
    const analysis = analyzeArticle(analysisInput(input))
    writeCached(this.cacheDir, this.keys[position]!, analysis)
    return analysis
  }
}

type Job = { position: number; input: AnalyzeInput }

/** Runs the jobs on `threadCount` worker threads, each taking the next batch as it finishes one. */
async function analyseInWorkers(jobs: readonly Job[], threadCount: number, store: (position: number, analysis: Analysis) => void): Promise<void> {
  const script = new URL('./analysis-worker.ts', import.meta.url).href
  let next = 0
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = tsWorker(script)
      let batch: Job[] = []
      const send = () => {
        batch = jobs.slice(next, next + BATCH)
        next += batch.length
        if (batch.length === 0) void worker.terminate().then(() => resolve())
        else worker.postMessage(batch.map((job) => job.input))
      }
      worker.on('message', (results: Analysis[]) => {
        results.forEach((analysis, k) => store(batch[k]!.position, analysis))
        send()
      })
      worker.on('error', reject)
      worker.on('online', send)
    })
  await Promise.all(Array.from({ length: threadCount }, run))
}
