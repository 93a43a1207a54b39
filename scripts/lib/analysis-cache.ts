/**
 * The analysis cache's entries (analyse-corpus.ts): where an article's analysis is stored, and a run of the
 * corpus's articles read back from them. Apart from analyse-corpus.ts so that a build thread can read a shard's
 * articles without loading the analyser (about 5 s and 160 MiB a thread), which it needs only for an entry it
 * cannot read.
 */
import { createHash } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Analysis, AnalyzeInput } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import type { ArticleInput } from '../../src/corpus/article'

/** Where a run of the corpus's inputs is on disk: bytes `start` to `end` of `file`, one input's JSON a line (`spillInputs`). */
export type InputsRange = { file: string; start: number; end: number }

/**
 * A run of the corpus's articles as their cache entries: what a build thread is sent to read them itself
 * (`readCachedRun`) rather than be sent the articles.
 */
export type CachedRun = { cacheDir: string; inputs: InputsRange; keys: string[] }

/**
 * The corpus's inputs written to `file`, one JSON line each, in corpus order; where each line starts (and, last,
 * where the file ends). The analysed corpus reads its inputs back from there a run at a time rather than hold
 * every article's text for the whole build (about 7.5 MiB of heap per 1,000 synthetic articles: docs/scaling.md).
 */
export function spillInputs(inputs: readonly ArticleInput[], file: string): Float64Array {
  const offsets = new Float64Array(inputs.length + 1)
  const descriptor = openSync(file, 'w')
  try {
    for (let at = 0; at < inputs.length; at += SPILL_LINES) {
      const lines = inputs.slice(at, at + SPILL_LINES).map((input) => `${JSON.stringify(input)}\n`)
      lines.forEach((line, i) => (offsets[at + i + 1] = offsets[at + i]! + Buffer.byteLength(line)))
      writeSync(descriptor, lines.join(''))
    }
  } finally {
    closeSync(descriptor)
  }
  return offsets
}

/** Inputs written to the spill file at a time. */
const SPILL_LINES = 1000

/** A run of inputs read back from the spill file (`spillInputs`). */
export function readInputs({ file, start, end }: InputsRange): ArticleInput[] {
  const bytes = Buffer.alloc(end - start)
  const descriptor = openSync(file, 'r')
  try {
    readSync(descriptor, bytes, 0, bytes.length, start)
  } finally {
    closeSync(descriptor)
  }
  return bytes
    .toString('utf8')
    .split('\n')
    .slice(0, -1)
    .map((line: string) => JSON.parse(line) as ArticleInput)
}

/** What the analysis reads of an article: nothing else may change its result, so nothing else is in its cache key. */
export function analysisInput({ text, title, date }: ArticleInput): AnalyzeInput {
  return { text, ...(title ? { title } : {}), ...(date ? { date } : {}) }
}

export function cacheKey(input: AnalyzeInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.text, input.title ?? null, input.date ?? null]))
    .digest('hex')
}

export function cachePath(cacheDir: string, key: string): string {
  return join(cacheDir, key.slice(0, 2), `${key.slice(2)}.json`)
}

export function readCached(cacheDir: string, key: string): Analysis | undefined {
  try {
    return JSON.parse(readFileSync(cachePath(cacheDir, key), 'utf8')) as Analysis
  } catch {
    // Absent, or cut short by a killed build (entries are renamed into place, so only by a full disk): analyse again.
    return undefined
  }
}

export function writeCached(cacheDir: string, key: string, analysis: Analysis) {
  const path = cachePath(cacheDir, key)
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(analysis))
  renameSync(temporary, path)
}

/** An article as the build stores it: its input's fields but the title, then its analysis (which gives the title). */
export function storedFrom(input: ArticleInput, analysis: Analysis): StoredArticle {
  const { title: _title, ...rest } = input
  return { ...rest, ...analysis }
}

/**
 * A run's articles read back from the cache, as `AnalysedCorpus.read` gives them; an entry that cannot be read is
 * analysed again (the analyser loaded then, on this thread) and stored.
 */
export async function readCachedRun({ cacheDir, inputs: range, keys }: CachedRun): Promise<StoredArticle[]> {
  const inputs = readInputs(range)
  const analyses = keys.map((key) => readCached(cacheDir, key))
  if (analyses.includes(undefined)) {
    const { analyzeArticle } = await import('../../src/analysis/analyze')
    analyses.forEach((analysis, at) => {
      if (analysis !== undefined) return
      analyses[at] = analyzeArticle(analysisInput(inputs[at]!))
      writeCached(cacheDir, keys[at]!, analyses[at])
    })
  }
  return inputs.map((input, at) => storedFrom(input, analyses[at]!))
}
