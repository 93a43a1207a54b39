import type { StoredArticle } from '../bundle/types'
import { FacetTable, storeFacetTable, type StoredFacetTable } from './facet-table'
import { Lexicon, storeLexicon, type StoredLexicon } from './lexicon'
import { storeSuggestions, type StoredSuggestions } from './suggest'

/**
 * What searching needs of EVERY article, computed at build time so that a
 * search reads only the index and these tables, and fetches article bodies
 * only for the hits it shows: facet values, dates, titles and urls (hits,
 * related articles, sorting by title), the did-you-mean word list and the
 * suggestion index. Article i is short id i of the index. The larger parts
 * are packed strings, unpacked the first time a request needs them.
 */
export type StoredTables = {
  dates: (string | null)[]
  titles: string[]
  urls: (string | null)[]
  facets: StoredFacetTable
  lexicon: StoredLexicon
  suggestions: StoredSuggestions
}

export type CorpusTables = {
  /** Article ids by short id. */
  readonly ids: readonly string[]
  /** The short id of an article id, or undefined. */
  shortId(id: string): number | undefined
  readonly dates: readonly (string | undefined)[]
  /** The newest publication date in the corpus: the reference point of the recency decay. */
  readonly newestDate: string | undefined
  readonly titles: readonly string[]
  readonly urls: readonly (string | undefined)[]
  readonly facets: FacetTable
  readonly lexicon: Lexicon
  readonly suggestions: StoredSuggestions
}

/** Computed by the build from the articles in index order (`storeTables(articles)[i]` is about `articles[i]`). */
export function storeTables(articles: readonly StoredArticle[]): StoredTables {
  return {
    dates: articles.map((article) => article.date ?? null),
    titles: articles.map((article) => article.title),
    urls: articles.map((article) => article.url ?? null),
    facets: storeFacetTable(articles),
    lexicon: storeLexicon(articles),
    suggestions: storeSuggestions(articles),
  }
}

export function reviveTables(stored: StoredTables, ids: readonly string[]): CorpusTables {
  let shortIds: Map<string, number> | undefined
  let lexicon: Lexicon | undefined
  const dates = stored.dates.map((date) => date ?? undefined)
  return {
    ids,
    shortId: (id) => (shortIds ??= new Map(ids.map((each, i) => [each, i]))).get(id),
    dates,
    newestDate: newest(dates),
    titles: stored.titles,
    urls: stored.urls.map((url) => url ?? undefined),
    facets: new FacetTable(stored.facets),
    get lexicon() {
      return (lexicon ??= new Lexicon(stored.lexicon))
    },
    suggestions: stored.suggestions,
  }
}

function newest(dates: Iterable<string | undefined>): string | undefined {
  let found: string | undefined
  for (const date of dates) if (date && (!found || date > found)) found = date
  return found
}
