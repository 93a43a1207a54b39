import type { StoredArticle } from '../bundle/types'
import { articleFacets, reviveFacets, storeFacets, type ArticleFacets, type StoredFacets } from './facets'

/**
 * What searching needs of EVERY article (facet values to count and filter,
 * dates to filter and decay by): small, so the build writes it into the
 * bundle's header and a first search parses no article it does not show.
 */
export type CorpusTables = {
  facets: ReadonlyMap<string, ArticleFacets>
  dates: ReadonlyMap<string, string | undefined>
  /** The newest publication date in the corpus: the reference point of the recency decay. */
  newestDate: string | undefined
}

/** The tables as the bundle's header stores them, article i at position i (JSON has no `undefined`, hence `null`). */
export type StoredTables = { facets: StoredFacets[]; dates: (string | null)[] }

/** An article map that brings its tables along (the bundle's, read from its header). */
type WithTables = ReadonlyMap<string, StoredArticle> & { readonly tables: CorpusTables }

/** Computed at build time from the same `articleFacets` the fallback uses, so the two cannot disagree. */
export function storeTables(articles: readonly StoredArticle[]): StoredTables {
  return { facets: articles.map((article) => storeFacets(articleFacets(article))), dates: articles.map((article) => article.date ?? null) }
}

export function reviveTables(stored: StoredTables, ids: readonly string[]): CorpusTables {
  const dates = new Map(ids.map((id, i) => [id, stored.dates[i] ?? undefined]))
  return { facets: new Map(ids.map((id, i) => [id, reviveFacets(stored.facets[i]!)])), dates, newestDate: newest(dates.values()) }
}

/** The bundle's tables when the articles come from a bundle; otherwise (a plain map) computed from every article. */
export function tablesOf(articles: ReadonlyMap<string, StoredArticle>): CorpusTables {
  if ('tables' in articles) return (articles as WithTables).tables
  const all = [...articles.values()]
  const dates = new Map(all.map((article) => [article.id, article.date]))
  return { facets: new Map(all.map((article) => [article.id, articleFacets(article)])), dates, newestDate: newest(dates.values()) }
}

function newest(dates: Iterable<string | undefined>): string | undefined {
  let found: string | undefined
  for (const date of dates) if (date && (!found || date > found)) found = date
  return found
}
