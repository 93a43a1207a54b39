import { type CorpusError, type ParseResult, validateArticle } from './article'
import { parseMarkdown } from './parse-markdown'
import { parseTxt } from './parse-txt'

export const CORPUS_EXTENSIONS = ['.txt', '.md', '.jsonl'] as const

/** The id of an article that has no `id` field: its path below the corpus folder, without extension. */
export function idFromPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.[^./]+$/, '')
}

export type DecodeResult = { ok: true; content: string } | { ok: false; error: CorpusError }

/** Where a piece of a file starts: its byte offset and line number in the whole file. */
export type FilePlace = { byte: number; line: number }

/**
 * Decodes a corpus file's bytes as strict UTF-8: a bad byte would otherwise
 * become U+FFFD in served text. On failure names the byte offset (and line) of
 * the first bad sequence; `start` places `bytes` in its file when they are one
 * piece of it (a large JSON Lines file is read in pieces).
 */
export function decodeCorpusFile(relativePath: string, bytes: Uint8Array, start: FilePlace = { byte: 0, line: 1 }): DecodeResult {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  try {
    return { ok: true, content: strict.decode(bytes) }
  } catch {
    // Whether a prefix holds an invalid sequence only grows with its length (streaming leaves an
    // unfinished sequence at the end alone): the shortest failing prefix ends at the first bad byte.
    let valid = 0
    let invalid = bytes.length
    while (invalid - valid > 1) {
      const middle = Math.floor((valid + invalid) / 2)
      if (decodesAsPrefix(bytes.subarray(0, middle))) valid = middle
      else invalid = middle
    }
    // The failing byte may follow the unfinished sequence it breaks: then the bad sequence starts at that sequence's lead byte.
    let offset = invalid - 1
    if (!decodesAsPrefix(bytes.subarray(0, offset), false)) while (offset > 0 && (bytes[offset]! & 0xc0) !== 0xc0) offset -= 1
    const line = start.line + bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length
    const reason = `not valid UTF-8: the first bad sequence starts at byte offset ${start.byte + offset}; save the file as UTF-8`
    return { ok: false, error: { file: relativePath, line, field: '(file)', reason } }
  }
}

function decodesAsPrefix(bytes: Uint8Array, stream = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream })
    return true
  } catch {
    return false
  }
}

/**
 * Parses one corpus file of any supported format into validated articles.
 * `relativePath` is the file's path below the corpus folder, with `/` separators.
 */
export function parseCorpusFile(relativePath: string, content: string): ParseResult {
  const extension = relativePath.slice(relativePath.lastIndexOf('.')).toLowerCase()
  if (content.replace(/^\uFEFF/, '').trim() === '') {
    return { articles: [], errors: [{ file: relativePath, field: '(file)', reason: 'the file is empty: remove it or give it an article' }] }
  }
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

/** Parses JSON Lines, one article a line; `firstLine` is the number of content's first line in its file. */
export function parseJsonl(file: string, content: string, firstLine = 1): ParseResult {
  const result: ParseResult = { articles: [], errors: [] }
  content.split('\n').forEach((text, at) => {
    if (text.trim() === '') return
    const line = firstLine + at
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch (error) {
      result.errors.push({ file, line, field: '(line)', reason: `not valid JSON: ${(error as Error).message}` })
      return
    }
    const parsed = validateArticle(record, file, line)
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
