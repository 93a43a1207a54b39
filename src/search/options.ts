import type { Options, SearchOptions } from 'minisearch'
import { processTerm, tokenize } from './terms'

/** A search document: what MiniSearch indexes for each article. */
export type SearchDocument = { id: string; title: string; entities: string; text: string }

/** The index configuration, shared by the build (which creates the index) and the Worker (which loads it). */
export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'entities', 'text'],
  storeFields: [],
  tokenize,
  processTerm,
}

/**
 * Ranking and matching settings, each one measured with `npm run eval:search`
 * (see the README's search section for the table).
 */
export const RANKING = {
  /**
   * Field weights. Each field has its own BM25 length normalisation, so a
   * short title already scores high: more weight than 0.5 lost on eval, and
   * so did indexing the summary (lead sentences counted twice) at any weight.
   */
  boost: { title: 0.5, entities: 0.3, text: 1 },
  /** MiniSearch's BM25+ (its defaults): d = 0 (plain BM25), k 1.5 and b 0.6 each measured lower. */
  bm25: { k: 1.2, b: 0.75, d: 0.5 },
  /**
   * MiniSearch multiplies a score by the number of query words matched; with
   * BM25 already summing over words that over-rewards long partial matches.
   */
  coordination: false,
  /** Weight of a synonym's match relative to the word the user typed. */
  synonymWeight: 0.5,
  /** Typo tolerance: edit distance as a fraction of the word's length, for words at least this long. */
  fuzzy: 0.2,
  fuzzyMinLength: 5,
  /** Prefix matching of the last word (as the user types) from this many characters on. */
  prefixMinLength: 3,
  /** Fewer exact matches than this and the query is retried with typo tolerance for the words the corpus lacks. */
  typoBelow: 3,
  /** Fewer exact matches than this and a did-you-mean is offered (for words not in the corpus). */
  fewResults: 3,
  /** Fewer articles with every word than this and articles with some of the words follow them. */
  anyTermBelow: 3,
} as const

/** The search options every query starts from: the terms it gets are already processed (see query.ts). */
export const BASE_SEARCH_OPTIONS: SearchOptions = {
  boost: RANKING.boost,
  bm25: RANKING.bm25,
  tokenize: (term) => [term],
  processTerm: (term) => term,
}
