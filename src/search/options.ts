import type { Options } from 'minisearch'

/** A search document: what MiniSearch indexes for each article. */
export type SearchDocument = { id: string; title: string; text: string; date?: string }

/** The index configuration, shared by the build (which creates the index) and the Worker (which loads it). */
export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'text'],
  storeFields: [],
}

/** Query-time defaults: title matches count more, typos and prefixes are forgiven. */
export const QUERY_OPTIONS = {
  boost: { title: 3 },
  prefix: (term: string) => term.length >= 3,
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  combineWith: 'AND',
} as const
