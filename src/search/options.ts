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
   * The coordination factor's exponent for queries of up to `shortQueryWords`
   * words: a score times (matched words / query words)^this. 0 is plain BM25
   * (a sum over words); larger prefers articles with more of the query's
   * words, softly. 0.5 lost on the typo sets' tuning halves; 2 lost on SciFact.
   */
  coordination: 1,
  /**
   * Longer queries (claims, pasted sentences): the articles with every word
   * as typed form a first tier, then the rest by this exponent. On SciFact 0
   * measured 0.6810 nDCG@10 (0.25: 0.6787, 0.5: 0.6727, 1: 0.6608), every
   * derived set unchanged.
   */
  longCoordination: 0,
  /** Queries of more than this many words rank the articles with every word as typed first (a tier, not a filter). */
  shortQueryWords: 4,
  /** Typo tolerance (Damerau edits): none below this many letters, one edit, two from `twoTyposFrom` letters. */
  typoMinLength: 5,
  twoTyposFrom: 9,
  /** How many close spellings of a word are searched (closest, then most frequent), and at what weight per edit. */
  typoCandidates: 3,
  typoWeight: 0.3,
  /** Queries of up to this many words get close spellings of every word; longer ones, only of words the corpus lacks. */
  typosOfKnownWordsUpTo: 4,
  /** Prefix matching of the last word (as the user types) from this many characters on. */
  prefixMinLength: 3,
  /** Fewer articles than this with every word as typed and a correction of the unknown words is tried. */
  fewResults: 3,
} as const

/** The search options every query starts from: the terms it gets are already processed (see query.ts). */
export const BASE_SEARCH_OPTIONS: SearchOptions = {
  boost: RANKING.boost,
  bm25: RANKING.bm25,
  tokenize: (term) => [term],
  processTerm: (term) => term,
}
