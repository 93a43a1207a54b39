import type { StoredArticle } from '../article'

/** The facets a search can count and filter on; the query parameter of each is its name. */
export const FACETS = ['person', 'organization', 'place', 'country', 'year'] as const
export type FacetName = (typeof FACETS)[number]

/** Selected values per facet: values of one facet are alternatives (OR), facets combine with AND. */
export type FacetFilters = Partial<Record<FacetName, readonly string[]>>
export type FacetCount = { value: string; count: number }
export type FacetCounts = Record<FacetName, FacetCount[]>

/** One article's facet values: normalised key -> display name. */
export type ArticleFacets = Record<FacetName, ReadonlyMap<string, string>>

/** How facet values are compared: case and surrounding space do not matter. */
export function facetKey(value: string): string {
  return value.trim().toLowerCase()
}

/** The facet values of an article: its entities by type, its dateline, its year. */
export function articleFacets(article: Pick<StoredArticle, 'facts' | 'date'>): ArticleFacets {
  const values: Record<FacetName, Map<string, string>> = {
    person: new Map(),
    organization: new Map(),
    place: new Map(),
    country: new Map(),
    year: new Map(),
  }
  const add = (facet: FacetName, value: string | undefined) => {
    if (value && !values[facet].has(facetKey(value))) values[facet].set(facetKey(value), value)
  }
  for (const entity of article.facts.entities) {
    add(entity.type, entity.name)
    if (entity.type === 'place') add('country', entity.country)
  }
  add('place', article.facts.dateline?.place)
  add('country', article.facts.dateline?.country)
  add('year', article.date?.slice(0, 4))
  return values
}

/** Selected values per facet, normalised (see `normalizeFilters`). */
export type NormalizedFilters = readonly [FacetName, ReadonlySet<string>][]

/** Normalises the filters once per request, dropping facets with no values. */
export function normalizeFilters(filters: FacetFilters): NormalizedFilters {
  return FACETS.flatMap((facet) => {
    const selected = filters[facet] ?? []
    return selected.length > 0 ? [[facet, new Set(selected.map(facetKey))] as [FacetName, ReadonlySet<string>]] : []
  })
}

/** The order facet lists give values with equal counts. */
export function compareFacetNames(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0)
}
