import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, extname, join, relative, sep } from 'node:path'
import type { ArticleInput, CorpusError } from '../../src/corpus/article'
import { CORPUS_EXTENSIONS, decodeCorpusFile, findDuplicateIds, parseCorpusFile } from '../../src/corpus/parse'

/** Files a corpus folder may hold that are about the corpus, not articles in it. */
const NOT_ARTICLES = /^(readme|license|licence|notice)(\.[\w.]+)?$/i

export type CorpusReadResult = { articles: ArticleInput[]; errors: CorpusError[]; files: number }

/**
 * Lists the article files below `root` (a folder, read recursively, or a single file), sorted for reproducible builds.
 * Symlinks are followed: a linked folder is read like any other, a link into a folder being walked (a loop) or to
 * nothing is reported in `errors` with its path.
 */
export function listCorpusFiles(root: string): { files: Array<{ path: string; relativePath: string }>; errors: CorpusError[] } {
  const files: Array<{ path: string; relativePath: string }> = []
  const errors: CorpusError[] = []
  if (!statSync(root).isDirectory()) return { files: [{ path: root, relativePath: basename(root) }], errors }
  const relativeOf = (path: string) => relative(root, path).split(sep).join('/')
  const walk = (dir: string, ancestors: Set<string>) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue
      const path = join(dir, entry.name)
      let isDirectory = entry.isDirectory()
      if (entry.isSymbolicLink()) {
        let target: string
        try {
          target = realpathSync(path)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          const reason = code === 'ELOOP' ? 'symlink loop: the link leads back to itself' : `dangling symlink: its target cannot be found (${code})`
          errors.push({ file: relativeOf(path), field: '(file)', reason })
          continue
        }
        isDirectory = statSync(target).isDirectory()
        if (isDirectory && ancestors.has(target)) {
          errors.push({ file: relativeOf(path), field: '(file)', reason: `symlink loop: it links to ${target}, a folder that contains it` })
          continue
        }
      }
      if (isDirectory) walk(path, new Set([...ancestors, realpathSync(path)]))
      else if (CORPUS_EXTENSIONS.includes(extname(entry.name).toLowerCase() as never) && !NOT_ARTICLES.test(entry.name)) {
        files.push({ path, relativePath: relativeOf(path) })
      }
    }
  }
  walk(root, new Set([realpathSync(root)]))
  return { files, errors }
}

/** Reads and validates every article file, collecting every problem instead of stopping at the first. */
export function readCorpus(root: string): CorpusReadResult {
  const articles: ArticleInput[] = []
  const idsByFile: Array<{ file: string; ids: string[] }> = []
  const { files, errors } = listCorpusFiles(root)
  for (const { path, relativePath } of files) {
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
    } catch (error) {
      errors.push({ file: relativePath, field: '(file)', reason: `cannot be read: ${(error as Error).message}` })
      continue
    }
    const decoded = decodeCorpusFile(relativePath, bytes)
    if (!decoded.ok) {
      errors.push(decoded.error)
      continue
    }
    const parsed = parseCorpusFile(relativePath, decoded.content)
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
