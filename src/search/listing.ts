import type { SearchCorpus } from './context'
import type { CorpusTables } from './corpus-tables'
import { normalizeFilters, type FacetFilters } from './facets'

export type ListingParams = {
  limit: number
  offset: number
  from?: string
  to?: string
  /** `date`: newest first (undated last); `oldest`: oldest first (undated last); `title`: A to Z. */
  sort: 'date' | 'oldest' | 'title'
  filters?: FacetFilters
}

export type ListedArticle = { id: string; title: string; date?: string; url?: string; source?: string; summary: string }

export type ListingResponse = { total: number; offset: number; limit: number; articles: ListedArticle[] }

/** Browsing: the articles in a date range and matching the facet filters, sorted and paged, from the corpus tables; only the page's bodies are fetched. */
export async function listArticles(corpus: SearchCorpus, params: ListingParams): Promise<ListingResponse> {
  const { tables } = corpus
  const fails = tables.facets.check(normalizeFilters(params.filters ?? {}))
  const selected: Entry[] = []
  tables.dates.forEach((date, doc) => {
    if (params.from !== undefined && (date === undefined || date < params.from)) return
    if (params.to !== undefined && (date === undefined || date > params.to)) return
    if (fails(doc) === 0) selected.push({ id: tables.ids[doc]!, doc, date })
  })
  selected.sort(comparator(tables, params.sort))
  const page = selected.slice(params.offset, params.offset + params.limit)
  const bodies = await corpus.articlesById(page.map((entry) => entry.id))
  return {
    total: selected.length,
    offset: params.offset,
    limit: params.limit,
    articles: page.map(({ id }) => {
      const article = bodies.get(id)!
      return {
        id: article.id,
        title: article.title,
        ...(article.date ? { date: article.date } : {}),
        ...(article.url ? { url: article.url } : {}),
        ...(article.source ? { source: article.source } : {}),
        summary: article.summary.text,
      }
    }),
  }
}

type Entry = { id: string; doc: number; date: string | undefined }

const byId = (a: Entry, b: Entry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Dated before undated, in the given direction; ties by id so pages never overlap. */
const byDate = (direction: 1 | -1) => (a: Entry, b: Entry) => {
  if (a.date === b.date) return byId(a, b)
  if (a.date === undefined) return 1
  if (b.date === undefined) return -1
  return a.date < b.date ? -direction : direction
}

function comparator(tables: CorpusTables, sort: ListingParams['sort']): (a: Entry, b: Entry) => number {
  if (sort === 'date') return byDate(-1)
  if (sort === 'oldest') return byDate(1)
  return (a, b) => tables.titles[a.doc]!.localeCompare(tables.titles[b.doc]!) || byId(a, b)
}
