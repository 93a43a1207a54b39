/**
 * The build's analysis of every article, cached and in parallel: an article's
 * analysis is stored under the hash of its analysed fields and of the analyser's
 * version (analyser-version.ts), so a rebuild analyses only the articles that
 * changed (all of them when the analyser changed), on every core. Entries live
 * under `<cache>/<analyser version>/`; a new version removes the others.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { analyzeArticle, type Analysis, type AnalyzeInput } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import type { ArticleInput } from '../../src/corpus/article'
import { analyserVersion } from './analyser-version'
import { createProgress } from './progress'

/** Below this many articles to analyse, starting worker threads (each loads the gazetteer) costs more than it saves. */
const PARALLEL_FROM = 2000
/** Articles sent to a worker at a time: large enough to amortise messages, small enough to balance the threads. */
const BATCH = 64

export type AnalysisStats = { analysed: number; cached: number; threads: number; version: string }

/** `threads`: how many threads analyse (default: one per core when there are many articles to analyse, else one). */
export type AnalyseOptions = { cacheDir: string; threads?: number; log?: (line: string) => void }

export async function analyseCorpus(
  inputs: readonly ArticleInput[],
  { cacheDir: root, threads, log = console.log }: AnalyseOptions,
): Promise<{ articles: StoredArticle[]; stats: AnalysisStats }> {
  const version = analyserVersion()
  // One folder per analyser version: another version's entries can never be hit again, so they go.
  const cacheDir = join(root, version)
  if (existsSync(root)) for (const name of readdirSync(root)) if (name !== version) rmSync(join(root, name), { recursive: true, force: true })
  const keys = inputs.map((input) => cacheKey(analysisInput(input)))
  const analyses: (Analysis | undefined)[] = keys.map((key) => readCached(cacheDir, key))
  const missing = analyses.flatMap((analysis, position) => (analysis === undefined ? [position] : []))
  const threadCount = Math.min(threads ?? (missing.length < PARALLEL_FROM ? 1 : availableParallelism()), Math.max(1, Math.ceil(missing.length / BATCH)))
  if (missing.length > 0)
    log(`  analysing ${missing.length} of ${inputs.length} articles (${inputs.length - missing.length} cached) on ${threadCount} thread(s)`)
  const progress = createProgress('analysed', missing.length, { log })
  let done = 0
  const store = (position: number, analysis: Analysis) => {
    analyses[position] = analysis
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
  const articles = inputs.map((input, position) => {
    const { title: _title, ...rest } = input
    return { ...rest, ...analyses[position]! }
  })
  return { articles, stats: { analysed: missing.length, cached: inputs.length - missing.length, threads: threadCount, version } }
}

/** What the analysis reads of an article: nothing else may change its result, so nothing else is in its cache key. */
function analysisInput({ text, title, date }: ArticleInput): AnalyzeInput {
  return { text, ...(title ? { title } : {}), ...(date ? { date } : {}) }
}

function cacheKey(input: AnalyzeInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.text, input.title ?? null, input.date ?? null]))
    .digest('hex')
}

function cachePath(cacheDir: string, key: string): string {
  return join(cacheDir, key.slice(0, 2), `${key.slice(2)}.json`)
}

function readCached(cacheDir: string, key: string): Analysis | undefined {
  try {
    return JSON.parse(readFileSync(cachePath(cacheDir, key), 'utf8')) as Analysis
  } catch {
    // Absent, or cut short by a killed build (entries are renamed into place, so only by a full disk): analyse again.
    return undefined
  }
}

function writeCached(cacheDir: string, key: string, analysis: Analysis) {
  const path = cachePath(cacheDir, key)
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(analysis))
  renameSync(temporary, path)
}

type Job = { position: number; input: AnalyzeInput }

/**
 * Runs the jobs on `threadCount` worker threads, each taking the next batch as it
 * finishes one. The workers run TypeScript through tsx's loader, registered in
 * the thread itself (loader hooks are per thread).
 */
async function analyseInWorkers(jobs: readonly Job[], threadCount: number, store: (position: number, analysis: Analysis) => void): Promise<void> {
  const tsx = import.meta.resolve('tsx/esm/api')
  const script = new URL('./analysis-worker.ts', import.meta.url).href
  let next = 0
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}) })`, {
        eval: true,
      })
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
