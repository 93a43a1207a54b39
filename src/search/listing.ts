import type { SearchContext } from './context'
import { normalizeFilters, passesFilters, type FacetFilters } from './facets'

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

/** Browsing: the articles in a date range and matching the facet filters, sorted and paged. Only the page's articles are parsed (and, to sort by title, every selected one). */
export function listArticles(context: SearchContext, params: ListingParams): ListingResponse {
  const filters = normalizeFilters(params.filters ?? {})
  const selected: Entry[] = []
  for (const [id, date] of context.dates) {
    if (params.from !== undefined && (date === undefined || date < params.from)) continue
    if (params.to !== undefined && (date === undefined || date > params.to)) continue
    if (passesFilters(context.facets.get(id)!, filters)) selected.push({ id, date })
  }
  selected.sort(comparator(context, params.sort))
  return {
    total: selected.length,
    offset: params.offset,
    limit: params.limit,
    articles: selected.slice(params.offset, params.offset + params.limit).map(({ id }) => {
      const article = context.articles.get(id)!
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

type Entry = { id: string; date: string | undefined }

const byId = (a: Entry, b: Entry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Dated before undated, in the given direction; ties by id so pages never overlap. */
const byDate = (direction: 1 | -1) => (a: Entry, b: Entry) => {
  if (a.date === b.date) return byId(a, b)
  if (a.date === undefined) return 1
  if (b.date === undefined) return -1
  return a.date < b.date ? -direction : direction
}

function comparator(context: SearchContext, sort: ListingParams['sort']): (a: Entry, b: Entry) => number {
  if (sort === 'date') return byDate(-1)
  if (sort === 'oldest') return byDate(1)
  const title = (entry: Entry) => context.articles.get(entry.id)!.title
  return (a, b) => title(a).localeCompare(title(b)) || byId(a, b)
}
