import * as v from 'valibot'
import { FACETS, type FacetFilters } from '../search/facets'
import { VISIBLE_CHARACTER } from './params'

const MAX_VALUES = 20

/** A query parameter that may be repeated (`place=Quetta&place=Mastung`): always an array after validation. */
function repeatable<Item extends v.GenericSchema<string, string>>(item: Item) {
  return v.optional(
    v.pipe(
      v.union([item, v.pipe(v.array(item), v.maxLength(MAX_VALUES, `may be given at most ${MAX_VALUES} times`))], 'must be a value, or repeated values'),
      v.transform((value): string[] => (Array.isArray(value) ? value : [value])),
    ),
  )
}

const FacetValue = v.pipe(v.string(), v.trim(), v.regex(VISIBLE_CHARACTER, 'must not be empty'), v.maxLength(200, 'must be at most 200 characters'))
const Year = v.pipe(v.string(), v.regex(/^\d{4}$/, 'must be a year of four digits, e.g. 2024'))

/** Facet filters shared by search and listing: one facet's values are alternatives, facets combine with AND. */
export const FacetFilterParams = {
  person: repeatable(FacetValue),
  organization: repeatable(FacetValue),
  place: repeatable(FacetValue),
  country: repeatable(FacetValue),
  year: repeatable(Year),
}

/** The facet filters of a validated query. */
export function facetFilters(query: Partial<Record<(typeof FACETS)[number], string[] | undefined>>): FacetFilters {
  const filters: FacetFilters = {}
  for (const facet of FACETS) if (query[facet]) filters[facet] = query[facet]
  return filters
}
