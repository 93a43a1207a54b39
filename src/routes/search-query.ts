import * as v from 'valibot'
import { FacetFilterParams } from './facet-params'
import { AutocorrectParam, DateParam, integerParam, withDateRange, VISIBLE_CHARACTER } from './params'

/** `GET /api/search`'s query string: one schema for the one Worker and the front of a sharded build. */
export const SearchQuerySchema = withDateRange({
  // Not trimmed: a trailing space says the last word is complete (no prefix matching).
  q: v.pipe(
    v.string('is required: the words to search for'),
    // minLength and the pattern (rather than a check) so the document states them too.
    v.minLength(1, 'must not be empty: give the words to search for'),
    v.regex(VISIBLE_CHARACTER, 'must not be empty: give the words to search for'),
    v.maxLength(500, 'must be at most 500 characters'),
  ),
  limit: integerParam(1, 100, 10),
  offset: integerParam(0, 10_000, 0),
  sort: v.optional(v.picklist(['relevance', 'date'], 'must be "relevance" or "date"'), 'relevance'),
  recency: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a half-life in whole days from 1 to 36500'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1 (day)'),
      v.maxValue(36_500, 'must be at most 36500 (days)'),
    ),
  ),
  now: DateParam,
  autocorrect: AutocorrectParam,
  facetLimit: integerParam(1, 100, 10),
  ...FacetFilterParams,
})
