import type { SearchResponse } from '../search/response-schema'

/**
 * Reads a `/api/search` answer (its shape: `SearchResponse`, inferred from the
 * schema that documents it) defensively: the widget may be pointed at an older
 * or another server, so highlight ranges, facets and a did-you-mean suggestion
 * are used when they are there and well-formed, and skipped when not.
 */
export type Range = SearchResponse['hits'][number]['highlights']['title'][number]

export type Hit = {
  id: string
  title: string
  date?: string
  snippet: string
  titleRanges?: Range[]
  snippetRanges?: Range[]
}

export type FacetValue = SearchResponse['facets']['person'][number]
export type Facet = { param: string; label: string; values: FacetValue[] }

export type SearchResult = {
  total: number
  hits: Hit[]
  facets: Facet[]
  suggestion?: string
  /** The query the hits are for, when the server corrected the one typed. */
  correctedQuery?: string
}

/** Facet names as the server may spell them, mapped to the filter parameter that narrows by them. */
const FACET_PARAMS: Record<string, string> = {
  person: 'person',
  people: 'person',
  persons: 'person',
  organization: 'organization',
  organizations: 'organization',
  place: 'place',
  places: 'place',
  country: 'country',
  countries: 'country',
  year: 'year',
  years: 'year',
}

const FACET_LABELS: Record<string, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  country: 'Countries',
  year: 'Years',
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

export function readSearchResponse(body: unknown): SearchResult {
  if (!isObject(body) || !Array.isArray(body.hits)) throw new Error('The search service answered in an unexpected format.')
  const hits = body.hits.filter(isObject).map(readHit)
  const suggestion = readSuggestion(body.suggestion)
  const correctedQuery = typeof body.correctedQuery === 'string' && body.correctedQuery ? body.correctedQuery : undefined
  return {
    total: typeof body.total === 'number' ? body.total : hits.length,
    hits,
    facets: readFacets(body.facets),
    ...(suggestion ? { suggestion } : {}),
    ...(correctedQuery ? { correctedQuery } : {}),
  }
}

function readHit(hit: Json): Hit {
  const title = String(hit.title ?? '')
  const snippet = String(hit.snippet ?? '')
  const highlights = isObject(hit.highlights) ? hit.highlights : {}
  const titleRanges = readRanges(highlights.title, title.length)
  const snippetRanges = readRanges(highlights.snippet, snippet.length)
  return {
    id: String(hit.id),
    title,
    snippet,
    ...(typeof hit.date === 'string' ? { date: hit.date } : {}),
    ...(titleRanges ? { titleRanges } : {}),
    ...(snippetRanges ? { snippetRanges } : {}),
  }
}

function readRanges(value: unknown, length: number): Range[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter(
    (range): range is Range =>
      isObject(range) &&
      Number.isInteger(range.start) &&
      Number.isInteger(range.end) &&
      (range.start as number) >= 0 &&
      (range.start as number) < (range.end as number) &&
      (range.end as number) <= length,
  )
}

function readSuggestion(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined
  if (isObject(value)) {
    const text = value.q ?? value.query ?? value.text
    if (typeof text === 'string' && text) return text
  }
  return undefined
}

/** Accepts `{ person: [{ value, count }] }`, `{ person: { Name: count } }` or `[{ name, values }]`. */
function readFacets(value: unknown): Facet[] {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.filter(isObject).map((facet) => [String(facet.name ?? facet.field ?? ''), facet.values ?? facet.counts])
    : isObject(value)
      ? Object.entries(value)
      : []
  const facets: Facet[] = []
  for (const [name, raw] of entries) {
    const param = FACET_PARAMS[name.toLowerCase()]
    if (!param) continue
    const values = readFacetValues(raw).filter((entry) => entry.value !== '' && entry.count > 0)
    if (values.length > 0) facets.push({ param, label: FACET_LABELS[param] ?? name, values })
  }
  return facets
}

function readFacetValues(raw: unknown): FacetValue[] {
  if (Array.isArray(raw)) {
    return raw.filter(isObject).map((entry) => ({ value: String(entry.value ?? entry.name ?? entry.key ?? ''), count: Number(entry.count) || 0 }))
  }
  if (isObject(raw)) return Object.entries(raw).map(([value, count]) => ({ value, count: Number(count) || 0 }))
  return []
}
