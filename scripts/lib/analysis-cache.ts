/**
 * The analysis cache's entries (analyse-corpus.ts): where an article's analysis is stored, and a run of the
 * corpus's articles read back from them. Apart from analyse-corpus.ts so that a build thread can read a shard's
 * articles without loading the analyser (about 5 s and 160 MiB a thread), which it needs only for an entry it
 * cannot read.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Analysis, AnalyzeInput } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import type { ArticleInput } from '../../src/corpus/article'

/**
 * A run of the corpus's articles as their cache entries: what a build thread is sent to read them itself
 * (`readCachedRun`) rather than be sent the articles.
 */
export type CachedRun = { cacheDir: string; inputs: ArticleInput[]; keys: string[] }

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
export async function readCachedRun({ cacheDir, inputs, keys }: CachedRun): Promise<StoredArticle[]> {
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
