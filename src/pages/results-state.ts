import { FACETS, facetKey, type FacetFilters, type FacetName } from '../search/facets'

/** Everything the results page shows is decided by its URL: this is that state, parsed. */
export type ResultsState = {
  q: string
  page: number
  sort: 'relevance' | 'date'
  from?: string
  to?: string
  filters: FacetFilters
  /** False: the words as typed, not a correction of them (the default, true, is left out of URLs). */
  autocorrect?: boolean
}

export const RESULTS_PER_PAGE = 10

/** The URL of a state; defaults are left out so that shared links stay short. */
export function resultsUrl(state: ResultsState): string {
  const params = new URLSearchParams()
  params.set('q', state.q)
  if (state.sort !== 'relevance') params.set('sort', state.sort)
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  for (const facet of FACETS) for (const value of state.filters[facet] ?? []) params.append(facet, value)
  if (state.autocorrect === false) params.set('autocorrect', 'false')
  if (state.page > 1) params.set('page', String(state.page))
  return `/search?${params}`
}

export const isSelected = (state: ResultsState, facet: FacetName, value: string) =>
  (state.filters[facet] ?? []).some((selected) => facetKey(selected) === facetKey(value))

/** The state with one facet value switched on or off; a new filter starts again at page 1. */
export function toggleFilter(state: ResultsState, facet: FacetName, value: string): ResultsState {
  const current = state.filters[facet] ?? []
  const next = isSelected(state, facet, value) ? current.filter((selected) => facetKey(selected) !== facetKey(value)) : [...current, value]
  return { ...state, page: 1, filters: { ...state.filters, [facet]: next } }
}
