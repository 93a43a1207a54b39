import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, extname, join, relative, sep } from 'node:path'
import type { ArticleInput, CorpusError, ParseResult } from '../../src/corpus/article'
import { CORPUS_EXTENSIONS, decodeCorpusFile, type FilePlace, findDuplicateIds, parseCorpusFile, parseJsonl } from '../../src/corpus/parse'

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
    const parsed = readCorpusFile(relativePath, bytes)
    append(articles, parsed.articles)
    append(errors, parsed.errors)
    idsByFile.push({ file: relativePath, ids: parsed.articles.map((article) => article.id) })
  }
  errors.push(...findDuplicateIds(idsByFile))
  return { articles, errors, files: files.length }
}

/**
 * A V8 string holds at most 2^29 - 24 characters (512 MiB of one-byte text), so a large JSON Lines
 * file is decoded and parsed in pieces of about this many bytes, cut after a line end: a line end
 * (byte 0x0A) is never inside a UTF-8 sequence, and no article spans two lines.
 */
export const JSONL_PIECE_BYTES = 64 * 1024 * 1024

/** Decodes and parses one corpus file; a JSON Lines file larger than `pieceBytes` a piece at a time. */
export function readCorpusFile(relativePath: string, bytes: Uint8Array, pieceBytes = JSONL_PIECE_BYTES): ParseResult {
  if (!relativePath.toLowerCase().endsWith('.jsonl') || bytes.length <= pieceBytes) {
    const decoded = decodeCorpusFile(relativePath, bytes)
    return decoded.ok ? parseCorpusFile(relativePath, decoded.content) : { articles: [], errors: [decoded.error] }
  }
  const result: ParseResult = { articles: [], errors: [] }
  for (const { piece, start } of linePieces(bytes, pieceBytes)) {
    const decoded = decodeCorpusFile(relativePath, piece, start)
    // A bad byte stops the file, as it does a file read whole: what follows it is not trusted either.
    if (!decoded.ok) return { articles: [], errors: [decoded.error] }
    const parsed = parseJsonl(relativePath, decoded.content, start.line)
    append(result.articles, parsed.articles)
    append(result.errors, parsed.errors)
  }
  return result
}

/** The non-blank lines of a JSON Lines file's bytes, of any size: each piece decoded on its own, as `readCorpusFile` does. */
export function jsonlLines(bytes: Uint8Array, pieceBytes = JSONL_PIECE_BYTES): string[] {
  const lines: string[] = []
  const decoder = new TextDecoder()
  for (const { piece } of linePieces(bytes, pieceBytes)) append(lines, decoder.decode(piece).split('\n').filter(Boolean))
  return lines
}

/** `bytes` cut after the first line end at or past every `pieceBytes`, each piece with its place in the file. */
function* linePieces(bytes: Uint8Array, pieceBytes: number): Generator<{ piece: Uint8Array; start: FilePlace }> {
  const start: FilePlace = { byte: 0, line: 1 }
  while (start.byte < bytes.length) {
    const lineEnd = bytes.indexOf(0x0a, Math.min(start.byte + pieceBytes, bytes.length) - 1)
    const end = lineEnd === -1 ? bytes.length : lineEnd + 1
    const piece = bytes.subarray(start.byte, end)
    yield { piece, start: { ...start } }
    for (const byte of piece) if (byte === 0x0a) start.line += 1
    start.byte = end
  }
}

/** `push(...items)` passes every item as an argument: past about 100,000 (one file of a large archive) the stack overflows. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item)
}

export function formatCorpusError({ file, line, field, reason }: CorpusError): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${field}: ${reason}`
}
