import * as v from 'valibot'
import type { SearchCorpus } from './context'
import { normalizeFilters, type FacetFilters } from './facets'
import { IsoDateString } from '../text/calendar'

export type ListingParams = {
  limit: number
  offset: number
  from?: string
  to?: string
  /** `date`: newest first (undated last); `oldest`: oldest first (undated last); `title`: A to Z. */
  sort: 'date' | 'oldest' | 'title'
  filters?: FacetFilters
}

/** `GET /api/articles`'s answer: it documents the route in `/openapi.json`, and the type below is inferred from it. */
export const ListingResponseSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  articles: v.array(
    v.looseObject({
      id: v.string(),
      title: v.string(),
      date: v.optional(IsoDateString),
      url: v.optional(v.string()),
      source: v.optional(v.string()),
      summary: v.string(),
    }),
  ),
})

export type ListingResponse = v.InferOutput<typeof ListingResponseSchema>

export type ListedArticle = ListingResponse['articles'][number]

/** Browsing: the articles in a date range and matching the facet filters, sorted and paged, from the corpus tables; only the page's bodies are fetched. */
export async function listArticles(corpus: SearchCorpus, params: ListingParams): Promise<ListingResponse> {
  const selected = listingKeys(corpus, params)
  const page = selected.slice(params.offset, params.offset + params.limit)
  const bodies = await corpus.articlesById(page.map((key) => key.id))
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

/**
 * The listing's selection in the listing's order, every page of it: the keys of the articles in the date range that
 * match the filters, read from the corpus tables alone (no body). A shard answers the sharded front with these.
 */
export function listingKeys(corpus: Pick<SearchCorpus, 'tables' | 'hidden'>, params: ListingParams): ListingKey[] {
  const { tables } = corpus
  const fails = tables.facets.check(normalizeFilters(params.filters ?? {}))
  const selected: ListingKey[] = []
  const hidden = corpus.hidden ?? (() => false)
  tables.dates.forEach((date, doc) => {
    if (hidden(doc)) return
    if (params.from !== undefined && (date === undefined || date < params.from)) return
    if (params.to !== undefined && (date === undefined || date > params.to)) return
    if (fails(doc) === 0)
      selected.push({ id: tables.ids[doc]!, ...(date !== undefined ? { date } : {}), ...(params.sort === 'title' ? { title: tables.titles[doc]! } : {}) })
  })
  return selected.sort(listingOrder(params.sort))
}

/** What the listing's order reads of an article (the title only for `sort=title`). */
export type ListingKey = { id: string; date?: string | undefined; title?: string | undefined }

const byId = (a: ListingKey, b: ListingKey) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Dated before undated, in the given direction; ties by id so pages never overlap. */
const byDate = (direction: 1 | -1) => (a: ListingKey, b: ListingKey) => {
  if (a.date === b.date) return byId(a, b)
  if (a.date === undefined) return 1
  if (b.date === undefined) return -1
  return a.date < b.date ? -direction : direction
}

/** The listing's order, within one corpus and across the parts of one (src/live/merge.ts). */
export function listingOrder(sort: ListingParams['sort']): (a: ListingKey, b: ListingKey) => number {
  if (sort === 'date') return byDate(-1)
  if (sort === 'oldest') return byDate(1)
  return (a, b) => (a.title ?? '').localeCompare(b.title ?? '') || byId(a, b)
}
