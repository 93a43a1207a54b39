import type { StoredArticle } from '../../article'
import { FacetTable, storeFacetTable, type StoredFacetTable } from './facet-table'
import { Lexicon, storeLexicon, type StoredLexicon } from './lexicon'
import { storeSuggestions, type StoredSuggestions } from '../suggest'

/**
 * What searching needs of EVERY article, computed at build time so that a
 * search reads only the index and these tables, and fetches article bodies
 * only for the hits it shows. Article i is short id i of the index. Two parts,
 * so that the bundle can hand over the second one unparsed: `search` (dates
 * and facet values: every search reads them) and `lookup` (titles and urls
 * for related articles and sorting by title, the did-you-mean word list, the
 * suggestion index: parsed when a request first needs one of them). The
 * larger parts are packed strings, unpacked when first used.
 */
export type StoredTables = { search: SearchTables; lookup: LookupTables }
export type SearchTables = { dates: (string | null)[]; facets: StoredFacetTable }
export type LookupTables = { titles: string[]; urls: (string | null)[]; lexicon: StoredLexicon; suggestions: StoredSuggestions }
/** The tables as a bundle opens them: `lookup` parsed on first use. */
export type OpenedTables = { search: SearchTables; lookup: () => LookupTables }

export type CorpusTables = {
  /** Article ids by short id. */
  readonly ids: readonly string[]
  /** The short id of an article id, or undefined. */
  shortId(id: string): number | undefined
  readonly dates: readonly (string | undefined)[]
  readonly titles: readonly string[]
  readonly urls: readonly (string | undefined)[]
  readonly facets: FacetTable
  readonly lexicon: Lexicon
  readonly suggestions: StoredSuggestions
}

/**
 * Computed by the build from the articles in index order (`storeTables(articles)[i]` is about `articles[i]`).
 * A shard's lexicon holds its own articles' words: a search gathers what every shard knows of its words
 * (`SearchCoordinator.words`), so no shard needs a copy of the whole corpus's.
 */
/**
 * `suggestions`: made by the caller when they are not the articles' own (a shard's are made against the whole
 * corpus: src/bundle/shard-suggestions.ts), so that the articles' own, the costliest table here, are not made for nothing.
 */
export function storeTables(articles: readonly StoredArticle[], suggestions: () => StoredSuggestions = () => storeSuggestions(articles)): StoredTables {
  return {
    search: { dates: articles.map((article) => article.date ?? null), facets: storeFacetTable(articles) },
    lookup: {
      titles: articles.map((article) => article.title),
      urls: articles.map((article) => article.url ?? null),
      lexicon: storeLexicon(articles),
      suggestions: suggestions(),
    },
  }
}

/** `shortId`: the caller's own map of ids to short ids, when it has one (a bundle does), so that no second map is made. */
export function reviveTables(stored: StoredTables | OpenedTables, ids: readonly string[], shortId?: (id: string) => number | undefined): CorpusTables {
  let shortIds: Map<string, number> | undefined
  let lookup: LookupTables | undefined
  let urls: (string | undefined)[] | undefined
  let lexicon: Lexicon | undefined
  const lookups = () => (lookup ??= typeof stored.lookup === 'function' ? stored.lookup() : stored.lookup)
  const dates = stored.search.dates.map((date) => date ?? undefined)
  return {
    ids,
    shortId: shortId ?? ((id) => (shortIds ??= new Map(ids.map((each, i) => [each, i]))).get(id)),
    dates,
    facets: new FacetTable(stored.search.facets),
    get titles() {
      return lookups().titles
    },
    get urls() {
      return (urls ??= lookups().urls.map((url) => url ?? undefined))
    },
    get lexicon() {
      return (lexicon ??= new Lexicon(lookups().lexicon))
    },
    get suggestions() {
      return lookups().suggestions
    },
  }
}
