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
export function articleFacets(article: StoredArticle): ArticleFacets {
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

/** Normalises the filters once per request, dropping facets with no values. */
export function normalizeFilters(filters: FacetFilters): [FacetName, ReadonlySet<string>][] {
  return FACETS.flatMap((facet) => {
    const selected = filters[facet] ?? []
    return selected.length > 0 ? [[facet, new Set(selected.map(facetKey))] as [FacetName, ReadonlySet<string>]] : []
  })
}

const byName = new Intl.Collator()

/**
 * Facet counts of several disjoint parts of one corpus as one: counts of a
 * value summed, the `limit` most frequent kept (ties by name), and every
 * value a filter selects kept even beyond the limit, as `FacetTable.count`
 * does. Exact when each part listed all its values (ask each for the most).
 */
export function sumFacetCounts(parts: readonly FacetCounts[], filters: FacetFilters, limit: number): FacetCounts {
  const summed = {} as FacetCounts
  for (const facet of FACETS) {
    const byKey = new Map<string, FacetCount>()
    for (const part of parts) {
      for (const { value, count } of part[facet]) {
        const key = facetKey(value)
        const found = byKey.get(key)
        byKey.set(key, { value: found?.value ?? value, count: (found?.count ?? 0) + count })
      }
    }
    const counted = [...byKey.values()]
    // Only the values that can make the list are ordered by name (with the collator `localeCompare` uses, as the facet table's name order).
    const threshold = counted.length > limit ? counted.map((entry) => entry.count).sort((a, b) => b - a)[limit - 1]! : 0
    const ranked = counted.filter((entry) => entry.count >= threshold).sort((a, b) => b.count - a.count || byName.compare(a.value, b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    const selected = new Set((filters[facet] ?? []).map(facetKey))
    summed[facet] = [
      ...ranked.slice(0, limit),
      ...counted.filter((entry) => selected.has(facetKey(entry.value)) && !ranked.slice(0, limit).includes(entry)),
    ]
  }
  return summed
}
