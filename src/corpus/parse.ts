import { type ParseResult, validateArticle } from './article'
import { parseMarkdown } from './parse-markdown'
import { parseTxt } from './parse-txt'

export const CORPUS_EXTENSIONS = ['.txt', '.md', '.jsonl'] as const

/** The id of an article that has no `id` field: its path below the corpus folder, without extension. */
export function idFromPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.[^./]+$/, '')
}

/**
 * Parses one corpus file of any supported format into validated articles.
 * `relativePath` is the file's path below the corpus folder, with `/` separators.
 */
export function parseCorpusFile(relativePath: string, content: string): ParseResult {
  const extension = relativePath.slice(relativePath.lastIndexOf('.')).toLowerCase()
  switch (extension) {
    case '.txt': {
      const { date, text } = parseTxt(content)
      return validateArticle({ id: idFromPath(relativePath), ...(date === undefined ? {} : { date }), text }, relativePath)
    }
    case '.md': {
      const parsed = parseMarkdown(content)
      if (!parsed.ok) return { articles: [], errors: [{ file: relativePath, field: 'front matter', reason: parsed.reason }] }
      return validateArticle({ id: idFromPath(relativePath), ...parsed.meta, text: parsed.text }, relativePath)
    }
    case '.jsonl':
      return parseJsonl(relativePath, content)
    default:
      return { articles: [], errors: [{ file: relativePath, field: '(file)', reason: `unsupported extension "${extension}": use .txt, .md or .jsonl` }] }
  }
}

function parseJsonl(file: string, content: string): ParseResult {
  const result: ParseResult = { articles: [], errors: [] }
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      result.errors.push({ file, line: index + 1, field: '(line)', reason: `not valid JSON: ${(error as Error).message}` })
      return
    }
    const parsed = validateArticle(record, file, index + 1)
    result.articles.push(...parsed.articles)
    result.errors.push(...parsed.errors)
  })
  return result
}

/** Ids must be unique across the whole corpus; reports every repeat with both places. */
export function findDuplicateIds(files: Array<{ file: string; ids: string[] }>): ParseResult['errors'] {
  const firstSeen = new Map<string, string>()
  const errors: ParseResult['errors'] = []
  for (const { file, ids } of files) {
    for (const id of ids) {
      const earlier = firstSeen.get(id)
      if (earlier === undefined) firstSeen.set(id, file)
      else errors.push({ file, field: 'id', reason: `duplicate id "${id}", already used by ${earlier}` })
    }
  }
  return errors
}
