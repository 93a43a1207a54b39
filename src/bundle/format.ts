import { storeTables, type OpenedTables } from '../search/corpus-tables'
import type { Bundle, StoredArticle } from './types'

/** Where the article array begins: JSON strings escape `"`, so this cannot occur earlier in the text. */
const ARTICLES_KEY = ',"articles":['
/** The corpus tables follow the article list, so opening a bundle does not parse them: the first search does. */
const TABLES_KEY = ',"tables":{"search":'
/** Their second part (see corpus-tables.ts) is parsed only when a request needs it; no key inside the first part has this name. */
const LOOKUP_KEY = ',"lookup":'

export type BundleHeader = Omit<Bundle, 'articles' | 'tables'>

/** The bundle's text: valid JSON (a `Bundle`), laid out so that `parseBundleHeader` needs no article. */
export function serializeBundle(header: Omit<BundleHeader, 'articleOffsets'>, articles: readonly StoredArticle[]): string {
  // The loader names article i by the index's short id i: the index must hold the articles in bundle order.
  articles.forEach((article, i) => {
    if (header.index.ids[i] !== article.id) throw new Error(`serializeBundle: article ${i} is "${article.id}" but the index has "${header.index.ids[i]}" there`)
  })
  if (header.index.ids.length !== articles.length) throw new Error('serializeBundle: the index and the article list differ in length')
  const parts = articles.map((article) => JSON.stringify(article))
  const articleOffsets: number[] = []
  let offset = 1
  for (const part of parts) {
    articleOffsets.push(offset)
    offset += part.length + 1
  }
  articleOffsets.push(offset)
  const { version, builtAt, index } = header
  const head = JSON.stringify({ version, builtAt, index, articleOffsets } satisfies BundleHeader)
  const tables = storeTables(articles)
  return `${head.slice(0, -1)}${ARTICLES_KEY}${parts.join(',')}]${TABLES_KEY}${JSON.stringify(tables.search)}${LOOKUP_KEY}${JSON.stringify(tables.lookup)}}}`
}

export type ParsedBundle = {
  header: BundleHeader
  /** Article i, parsed from its own slice of the text. */
  article(i: number): StoredArticle
  /** Every article, parsed in one go (faster than one by one when all are needed). */
  allArticles(): StoredArticle[]
  /** The per-article tables searching needs (see corpus-tables.ts), parsed when asked for (their lookup part later still). */
  tables(): OpenedTables
}

/** Parses the header of a bundle's text; articles are parsed on demand. */
export function parseBundle(text: string): ParsedBundle {
  const boundary = text.indexOf(ARTICLES_KEY)
  if (boundary === -1) throw new Error('The search bundle has no article list: rebuild it with npm run build.')
  const header = JSON.parse(`${text.slice(0, boundary)}}`) as BundleHeader
  const base = boundary + ARTICLES_KEY.length - 1
  const offsets = header.articleOffsets
  const end = base + offsets[offsets.length - 1]!
  return {
    header,
    article: (i) => JSON.parse(text.slice(base + offsets[i]!, base + offsets[i + 1]! - 1)) as StoredArticle,
    allArticles: () => JSON.parse(text.slice(base, end)) as StoredArticle[],
    tables: () => {
      const start = end + TABLES_KEY.length
      const lookupAt = text.indexOf(LOOKUP_KEY, start)
      return {
        search: JSON.parse(text.slice(start, lookupAt)) as OpenedTables['search'],
        lookup: () => JSON.parse(text.slice(lookupAt + LOOKUP_KEY.length, text.length - 2)) as ReturnType<OpenedTables['lookup']>,
      }
    },
  }
}
