import MiniSearch, { type SearchResult } from 'minisearch'
import type { StoredArticle } from '../bundle/types'
import { loadCompactIndex, type CompactIndexData } from './compact-index'
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from './options'
import { makeSnippet } from './snippet'

export type SearchParams = {
  q: string
  limit: number
  offset: number
  from?: string
  to?: string
  sort: 'relevance' | 'date'
}

export type SearchHit = { id: string; title: string; date?: string; url?: string; score: number; snippet: string }

export type SearchResponse = { query: string; total: number; offset: number; limit: number; hits: SearchHit[] }

export function toSearchDocument(article: StoredArticle): SearchDocument {
  return { id: article.id, title: article.title, text: article.text, ...(article.date ? { date: article.date } : {}) }
}

export function buildIndex(articles: readonly StoredArticle[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
  index.addAll(articles.map(toSearchDocument))
  return index
}

/** The index as the bundle stores it (compact-index.ts), searchable again with the same options. */
export function loadIndex(data: CompactIndexData): MiniSearch<SearchDocument> {
  return loadCompactIndex(data, INDEX_OPTIONS)
}

/** Runs a query over the index and pages the ranked, date-filtered results; `total` counts every match. */
export function searchArticles(
  index: MiniSearch<SearchDocument>,
  articles: ReadonlyMap<string, StoredArticle>,
  params: SearchParams,
): SearchResponse {
  const inRange = (article: StoredArticle | undefined) =>
    article !== undefined &&
    (params.from === undefined || (article.date !== undefined && article.date >= params.from)) &&
    (params.to === undefined || (article.date !== undefined && article.date <= params.to))
  const results = index.search(params.q, {
    ...QUERY_OPTIONS,
    filter: (result) => inRange(articles.get(result.id as string)),
  })
  if (params.sort === 'date') results.sort((a, b) => compareByDate(articles, a, b))
  const hits = results.slice(params.offset, params.offset + params.limit).map((result) => {
    const article = articles.get(result.id as string)!
    return {
      id: article.id,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      ...(article.url ? { url: article.url } : {}),
      score: Math.round(result.score * 1000) / 1000,
      snippet: makeSnippet(article.text, result.terms),
    }
  })
  return { query: params.q, total: results.length, offset: params.offset, limit: params.limit, hits }
}

/** Newest first; undated articles last; ties keep relevance order. */
function compareByDate(articles: ReadonlyMap<string, StoredArticle>, a: SearchResult, b: SearchResult): number {
  const dateA = articles.get(a.id as string)?.date ?? ''
  const dateB = articles.get(b.id as string)?.date ?? ''
  return dateA === dateB ? b.score - a.score : dateA < dateB ? 1 : -1
}
