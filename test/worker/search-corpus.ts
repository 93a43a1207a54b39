import { env, exports } from 'cloudflare:workers'
import type { SearchHit, SearchResponse } from '../../src/search/response-schema'

export const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

export async function get(path: string) {
  const response = await exports.default.fetch(`http://news.test${path}`)
  const contentType = response.headers.get('Content-Type') ?? ''
  return { status: response.status, isProblem: contentType.startsWith('application/problem+json'), body: (await response.json()) as any }
}

export type Hit = SearchHit
export type Range = SearchHit['highlights']['title'][number]
export type FacetName = keyof SearchResponse['facets']

/** An article as a client sees it through the API: its text, date and the facet values its facts give. */
export type CorpusArticle = { id: string; title: string; text: string; date?: string; facets: Record<FacetName, Set<string>> }

let corpus: Promise<Map<string, CorpusArticle>> | undefined

/** Every bundled article, fetched through the API once per test file: the ground truth for brute-force counts. */
export function loadCorpus(): Promise<Map<string, CorpusArticle>> {
  corpus ??= (async () => {
    const articles = new Map<string, CorpusArticle>()
    for (const { id } of env.TEST_CORPUS_ARTICLES) {
      const [article, facts] = await Promise.all([get(`/api/articles/${encodeURIComponent(id)}`), get(`/api/articles/${encodeURIComponent(id)}/facts`)])
      const facets: Record<FacetName, Set<string>> = { person: new Set(), organization: new Set(), place: new Set(), country: new Set(), year: new Set() }
      for (const entity of facts.body.entities) {
        facets[entity.type as FacetName].add(entity.name.toLowerCase())
        if (entity.type === 'place' && entity.country) facets.country.add(entity.country.toLowerCase())
      }
      if (facts.body.dateline?.place) facets.place.add(facts.body.dateline.place.toLowerCase())
      if (facts.body.dateline?.country) facets.country.add(facts.body.dateline.country.toLowerCase())
      if (article.body.date) facets.year.add(article.body.date.slice(0, 4))
      articles.set(id, { id, title: article.body.title, text: article.body.text, ...(article.body.date ? { date: article.body.date } : {}), facets })
    }
    return articles
  })()
  return corpus
}

/** Every hit of a search, all pages. */
export async function allHits(query: string): Promise<{ total: number; hits: Hit[]; first: any }> {
  const first = await get(`/api/search?${query}&limit=100`)
  const hits: Hit[] = [...first.body.hits]
  for (let offset = 100; offset < first.body.total; offset += 100) hits.push(...(await get(`/api/search?${query}&limit=100&offset=${offset}`)).body.hits)
  return { total: first.body.total, hits, first: first.body }
}

/** Brute-force facet counts over a set of articles. */
export function countValues(articles: Iterable<CorpusArticle>, facet: FacetName): Map<string, number> {
  const counts = new Map<string, number>()
  for (const article of articles) for (const value of article.facets[facet]) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
