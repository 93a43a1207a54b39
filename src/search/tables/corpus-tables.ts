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
 * suggestion index: each read when a request first needs it). The
 * larger parts are packed strings, unpacked when first used.
 */
export type StoredTables = { search: SearchTables; lookup: LookupTables }
export type SearchTables = { dates: (string | null)[]; facets: StoredFacetTable }
export type LookupTables = { titles: string[]; urls: (string | null)[]; lexicon: StoredLexicon; suggestions: StoredSuggestions }
/**
 * The lookup part as its holder reads it, one table at a time when first asked for (each asked once): a
 * bundle parses each from its module apart. Every search reads the lexicon; titles, urls and the suggestion
 * index only some requests.
 */
export type LookupReader = {
  titles(): string[]
  urls(): (string | null)[]
  lexicon(): StoredLexicon
  suggestions(): StoredSuggestions
}
/** The tables as a bundle or a live part opens them: `lookup` read a table at a time. */
export type OpenedTables = { search: SearchTables; lookup: LookupReader }

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
  /**
   * The suggestion index as stored, read anew each time (parsed, for a bundle): its one reader, `suggestIndexOf`,
   * keeps what it unpacks, and keeping the packed form beside it was 2.7 MiB more in a shard of 10,000.
   */
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
  let titles: string[] | undefined
  let urls: (string | undefined)[] | undefined
  let lexicon: Lexicon | undefined
  const lookup: LookupReader = isReader(stored.lookup) ? stored.lookup : readerOf(stored.lookup)
  const dates = stored.search.dates.map((date) => date ?? undefined)
  return {
    ids,
    shortId: shortId ?? ((id) => (shortIds ??= new Map(ids.map((each, i) => [each, i]))).get(id)),
    dates,
    facets: new FacetTable(stored.search.facets),
    get titles() {
      return (titles ??= lookup.titles())
    },
    get urls() {
      return (urls ??= lookup.urls().map((url) => url ?? undefined))
    },
    get lexicon() {
      return (lexicon ??= new Lexicon(lookup.lexicon()))
    },
    get suggestions() {
      return lookup.suggestions()
    },
  }
}

function isReader(lookup: LookupTables | LookupReader): lookup is LookupReader {
  return typeof lookup.titles === 'function'
}

function readerOf(tables: LookupTables): LookupReader {
  return { titles: () => tables.titles, urls: () => tables.urls, lexicon: () => tables.lexicon, suggestions: () => tables.suggestions }
}
