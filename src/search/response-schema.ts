/**
 * The search answer's one shape: the valibot schema that documents it in
 * `/openapi.json` (src/openapi) and that tests check real answers against, and
 * the TypeScript types the engine, the pages and the widget use, inferred from
 * it. It lives beside the engine that produces the answer, so the engine's
 * imports point down, as the other answers' schemas live beside their engines
 * and services. Objects are loose: the API may add fields, never remove them.
 */
import * as v from 'valibot'
import { IsoDateString } from '../text/calendar'
import { SpanSchema } from '../text/span'

export const SearchHitSchema = v.looseObject({
  id: v.pipe(v.string(), v.description('The article id; may contain `/`: URL-encode it in paths.')),
  title: v.string(),
  date: v.optional(IsoDateString),
  url: v.optional(v.pipe(v.string(), v.description('The original article, where the corpus has it.'))),
  score: v.pipe(v.number(), v.description('Relevance; only comparable within one answer.')),
  snippet: v.pipe(v.string(), v.description('A short plain-text passage around the best match.')),
  highlights: v.pipe(
    v.object({ title: v.array(SpanSchema), snippet: v.array(SpanSchema) }),
    v.description('Ranges to wrap in <mark>: offsets into `title` and into `snippet`.'),
  ),
  terms: v.pipe(v.array(v.string()), v.description('The query words this article matched (directly, by stem, prefix, typo or synonym).')),
})

const FacetValuesSchema = v.array(v.object({ value: v.string(), count: v.pipe(v.number(), v.integer()) }))

const FacetCountsSchema = v.pipe(
  v.object({ person: FacetValuesSchema, organization: FacetValuesSchema, place: FacetValuesSchema, country: FacetValuesSchema, year: FacetValuesSchema }),
  v.description('For each facet, its most frequent values over all matches; a facet’s counts honour every other active filter.'),
)

export const SearchResponseSchema = v.looseObject({
  query: v.string(),
  total: v.pipe(v.number(), v.integer(), v.description('How many articles match, over all pages.')),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  hits: v.array(SearchHitSchema),
  facets: FacetCountsSchema,
  typoTolerance: v.optional(v.pipe(v.boolean(), v.description('True when some hits match a query word only by a close spelling of it.'))),
  correctedQuery: v.optional(
    v.pipe(
      v.string(),
      v.description(
        'Showing results for: the query with its misspelt words corrected, when the query as typed found too little; `autocorrect=false` searches instead for the words as typed.',
      ),
    ),
  ),
  suggestion: v.optional(v.pipe(v.string(), v.description('Did you mean: a correction that finds more, when `autocorrect=false` kept the words as typed.'))),
  hint: v.optional(v.pipe(v.string(), v.description('Why nothing was searched: the query has only stop words (such as "the").'))),
})

export type SearchHit = v.InferOutput<typeof SearchHitSchema>
export type SearchResponse = v.InferOutput<typeof SearchResponseSchema>
