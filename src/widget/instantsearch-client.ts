/**
 * An InstantSearch `searchClient` for News Edge, served as an ES module at
 * `/instantsearch-client.js`: `newsEdgeSearchClient(apiOrigin)` maps each
 * InstantSearch request (query, page, hitsPerPage, facets, facetFilters,
 * numericFilters on `date`, highlight tags) onto one `/api/search` call and
 * its answer onto InstantSearch's result shape.
 */
type Range = { start: number; end: number }
type ApiHit = { id: string; title: string; date?: string; url?: string; snippet: string; highlights?: { title?: Range[]; snippet?: Range[] }; terms?: string[] }
type ApiAnswer = { total: number; hits: ApiHit[]; facets?: Record<string, { value: string; count: number }[]> }
type Filters = string | readonly (string | readonly string[])[]
type SearchParameters = {
  query?: string
  page?: number
  hitsPerPage?: number
  facets?: string | readonly string[]
  facetFilters?: Filters
  numericFilters?: Filters
  highlightPreTag?: string
  highlightPostTag?: string
}
type SearchRequest = { indexName: string; params?: SearchParameters }

const FACET_PARAMS = new Set(['person', 'organization', 'place', 'country', 'year'])
const MAX_OFFSET = 10_000

const flat = (filters: Filters | undefined): string[] => (typeof filters === 'string' ? [filters] : (filters ?? []).flat())

/**
 * The text with the highlight tags around each range, as Algolia's `_highlightResult` has it: not
 * HTML-escaped here, since InstantSearch escapes hits itself (its `escapeHTML`, on by default).
 */
function highlighted(text: string, ranges: readonly Range[] = [], pre: string, post: string, words: string[]) {
  let value = ''
  let at = 0
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at) continue
    value += text.slice(at, range.start) + pre + text.slice(range.start, range.end) + post
    at = range.end
  }
  value += text.slice(at)
  return { value, matchLevel: ranges.length > 0 ? 'full' : 'none', matchedWords: ranges.length > 0 ? words : [] }
}

/** A `date>=…`/`date<=…` bound (Unix seconds, as InstantSearch's range widgets send) as a calendar date. */
function dateBound(filter: string): ['from' | 'to', string] | undefined {
  const match = /^\s*date\s*(>=|>|<=|<|=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(filter)
  if (!match) return undefined
  const day = new Date(Number(match[2]) * 1000).toISOString().slice(0, 10)
  return [match[1]!.startsWith('>') ? 'from' : 'to', day]
}

async function fetchAnswer(url: string): Promise<ApiAnswer> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } })
  const body = (await response.json()) as ApiAnswer & { detail?: string }
  if (!response.ok) throw new Error(body.detail ?? `News Edge answered ${response.status}`)
  return body
}

async function searchOne(api: string, request: SearchRequest) {
  const params = request.params ?? {}
  const hitsPerPage = Math.min(Math.max(params.hitsPerPage ?? 20, 1), 100)
  const page = Math.max(params.page ?? 0, 0)
  const query = new URLSearchParams({ q: params.query ?? '', limit: String(hitsPerPage), offset: String(Math.min(page * hitsPerPage, MAX_OFFSET)) })
  for (const filter of flat(params.facetFilters)) {
    const [facet, ...rest] = filter.split(':')
    if (facet && FACET_PARAMS.has(facet)) query.append(facet, rest.join(':'))
  }
  for (const filter of flat(params.numericFilters)) {
    const bound = dateBound(filter)
    if (bound) query.set(...bound)
  }
  const facets = flat(params.facets)
  // The API needs words; InstantSearch's first request, before anything is typed, has none: it finds nothing.
  const body: ApiAnswer = params.query?.trim() ? await fetchAnswer(`${api}/api/search?${query}`) : { total: 0, hits: [] }
  const pre = params.highlightPreTag ?? '<em>'
  const post = params.highlightPostTag ?? '</em>'
  const wanted = facets.includes('*') ? Object.keys(body.facets ?? {}) : facets
  return {
    index: request.indexName,
    query: params.query ?? '',
    params: String(query),
    page,
    hitsPerPage,
    nbHits: body.total,
    nbPages: Math.ceil(Math.min(body.total, MAX_OFFSET + hitsPerPage) / hitsPerPage),
    processingTimeMS: 0,
    exhaustiveNbHits: true,
    facets: Object.fromEntries(
      wanted
        .filter((facet) => body.facets?.[facet])
        .map((facet) => [facet, Object.fromEntries(body.facets![facet]!.map(({ value, count }) => [value, count]))]),
    ),
    hits: body.hits.map((hit) => ({
      objectID: hit.id,
      ...hit,
      _highlightResult: {
        title: highlighted(hit.title, hit.highlights?.title, pre, post, hit.terms ?? []),
        snippet: highlighted(hit.snippet, hit.highlights?.snippet, pre, post, hit.terms ?? []),
      },
    })),
  }
}

/** The `searchClient` for `instantsearch({ indexName: 'articles', searchClient: newsEdgeSearchClient('https://…') })`. */
export default function newsEdgeSearchClient(apiOrigin: string) {
  const api = apiOrigin.replace(/\/+$/, '')
  return {
    search: async (requests: readonly SearchRequest[]) => ({ results: await Promise.all(requests.map((request) => searchOne(api, request))) }),
    searchForFacetValues: async () => [{ facetHits: [], exhaustiveFacetsCount: true, processingTimeMS: 0 }],
  }
}
