import type { StoredArticle } from '../bundle/types'

/** The facets a search can count and filter on; the query parameter of each is its name. */
export const FACETS = ['person', 'organization', 'place', 'country', 'year'] as const
export type FacetName = (typeof FACETS)[number]

/** Selected values per facet: values of one facet are alternatives (OR), facets combine with AND. */
export type FacetFilters = Partial<Record<FacetName, readonly string[]>>
export type FacetCount = { value: string; count: number }
export type FacetCounts = Record<FacetName, FacetCount[]>

/** One article's facet values: normalised key -> display name. */
export type ArticleFacets = Record<FacetName, ReadonlyMap<string, string>>

/** An article's facet values as the bundle stores them: display names in first-seen order, empty facets left out. */
export type StoredFacets = Partial<Record<FacetName, string[]>>

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

/** The stored form of `articleFacets`' result (the build writes it into the bundle's header). */
export function storeFacets(facets: ArticleFacets): StoredFacets {
  const stored: StoredFacets = {}
  for (const facet of FACETS) if (facets[facet].size > 0) stored[facet] = [...facets[facet].values()]
  return stored
}

/** Back from the stored form: the same maps `articleFacets` made (each key is its display name's `facetKey`). */
export function reviveFacets(stored: StoredFacets): ArticleFacets {
  const revive = (facet: FacetName) => new Map((stored[facet] ?? []).map((value) => [facetKey(value), value]))
  return { person: revive('person'), organization: revive('organization'), place: revive('place'), country: revive('country'), year: revive('year') }
}

/** Normalises the filters once per request, dropping facets with no values. */
export function normalizeFilters(filters: FacetFilters): [FacetName, ReadonlySet<string>][] {
  return FACETS.flatMap((facet) => {
    const selected = filters[facet] ?? []
    return selected.length > 0 ? [[facet, new Set(selected.map(facetKey))] as [FacetName, ReadonlySet<string>]] : []
  })
}

/** Whether an article passes every filter except the one on `except` (for disjunctive counts). */
export function passesFilters(
  facets: ArticleFacets,
  filters: readonly [FacetName, ReadonlySet<string>][],
  except?: FacetName,
): boolean {
  for (const [facet, selected] of filters) {
    if (facet === except) continue
    let any = false
    for (const key of selected) if (facets[facet].has(key)) any = true
    if (!any) return false
  }
  return true
}

/**
 * Facet counts over a result set, the way faceted UIs expect: each facet's
 * counts apply every OTHER active filter, so its alternatives stay visible
 * with the numbers a click would give. The top `limit` values of each facet,
 * plus the selected ones (so a UI can always show what is ticked).
 */
export function countFacets(
  results: readonly ArticleFacets[],
  filters: readonly [FacetName, ReadonlySet<string>][],
  limit: number,
): FacetCounts {
  const counts = {} as FacetCounts
  for (const facet of FACETS) {
    const tally = new Map<string, FacetCount>()
    for (const facets of results) {
      if (!passesFilters(facets, filters, facet)) continue
      for (const [key, value] of facets[facet]) {
        const entry = tally.get(key)
        if (entry) entry.count++
        else tally.set(key, { value, count: 1 })
      }
    }
    const ranked = [...tally.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    const top = ranked.slice(0, limit)
    const selected = filters.find(([name]) => name === facet)?.[1] ?? new Set<string>()
    for (const key of selected) {
      if (!top.some((entry) => facetKey(entry.value) === key)) top.push(tally.get(key) ?? { value: key, count: 0 })
    }
    counts[facet] = top
  }
  return counts
}
