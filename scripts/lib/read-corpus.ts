import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join, relative, sep } from 'node:path'
import type { ArticleInput, CorpusError } from '../../src/corpus/article'
import { CORPUS_EXTENSIONS, findDuplicateIds, parseCorpusFile } from '../../src/corpus/parse'

/** Files a corpus folder may hold that are about the corpus, not articles in it. */
const NOT_ARTICLES = /^(readme|license|licence|notice)(\.[\w.]+)?$/i

export type CorpusReadResult = { articles: ArticleInput[]; errors: CorpusError[]; files: number }

/** Lists the article files below `root` (a folder, read recursively, or a single file), sorted for reproducible builds. */
export function listCorpusFiles(root: string): Array<{ path: string; relativePath: string }> {
  if (!statSync(root).isDirectory()) return [{ path: root, relativePath: basename(root) }]
  const files: Array<{ path: string; relativePath: string }> = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (CORPUS_EXTENSIONS.includes(extname(entry.name).toLowerCase() as never) && !NOT_ARTICLES.test(entry.name)) {
        files.push({ path, relativePath: relative(root, path).split(sep).join('/') })
      }
    }
  }
  walk(root)
  return files
}

/** Reads and validates every article file, collecting every problem instead of stopping at the first. */
export function readCorpus(root: string): CorpusReadResult {
  const errors: CorpusError[] = []
  const articles: ArticleInput[] = []
  const idsByFile: Array<{ file: string; ids: string[] }> = []
  const files = listCorpusFiles(root)
  for (const { path, relativePath } of files) {
    let content: string
    try {
      content = readFileSync(path, 'utf8')
    } catch (error) {
      errors.push({ file: relativePath, field: '(file)', reason: `cannot be read: ${(error as Error).message}` })
      continue
    }
    const parsed = parseCorpusFile(relativePath, content)
    articles.push(...parsed.articles)
    errors.push(...parsed.errors)
    idsByFile.push({ file: relativePath, ids: parsed.articles.map((article) => article.id) })
  }
  errors.push(...findDuplicateIds(idsByFile))
  return { articles, errors, files: files.length }
}

export function formatCorpusError({ file, line, field, reason }: CorpusError): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${field}: ${reason}`
}
