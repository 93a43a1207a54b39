import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseCorpusFile } from '../../src/corpus/parse'
import type { LiveExport } from './live-export'
import { listCorpusFiles } from './read-corpus'

export type PullResult = { written: number; removedFiles: string[]; rewrittenFiles: string[] }

/**
 * Folds an export of the live segment into a corpus folder, so that the next
 * build holds exactly what readers see now: the live articles go into
 * `liveFile` (one JSON line each, by id, replacing what a previous pull wrote);
 * an article they replace, or a tombstone deletes, leaves the file it was in
 * (a one-article file is removed, a `.jsonl` file loses that line), so that
 * no id is in the corpus twice.
 */
export function applyPull(corpusRoot: string, liveFile: string, exported: LiveExport): PullResult {
  const live = resolve(liveFile)
  const leaving = new Set([...exported.articles.map((article) => article.id), ...exported.tombstones])
  const removedFiles: string[] = []
  const rewrittenFiles: string[] = []
  for (const { path, relativePath } of listCorpusFiles(corpusRoot).files) {
    if (resolve(path) === live) continue
    const content = readFileSync(path, 'utf8')
    const ids = parseCorpusFile(relativePath, content).articles.map((article) => article.id)
    if (!ids.some((id) => leaving.has(id))) continue
    if (ids.every((id) => leaving.has(id))) {
      rmSync(path)
      removedFiles.push(relativePath)
      continue
    }
    // A .jsonl file with other articles too: only the lines of leaving ids go (each line is one article).
    const kept = content.split('\n').filter((line) => line.trim() === '' || !leaving.has(parseCorpusFile('line.jsonl', line).articles[0]?.id ?? ''))
    writeFileSync(path, kept.join('\n'))
    rewrittenFiles.push(relativePath)
  }
  const lines = [...exported.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((article) => JSON.stringify(article))
  if (lines.length > 0) {
    mkdirSync(dirname(live), { recursive: true })
    writeFileSync(live, `${lines.join('\n')}\n`)
  } else rmSync(live, { force: true })
  return { written: lines.length, removedFiles, rewrittenFiles }
}
