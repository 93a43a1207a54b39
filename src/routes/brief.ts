import { Hono } from 'hono'
import * as v from 'valibot'
import type { StoredArticle } from '../article'
import { validate } from '../http/validate'
import { briefDoc } from '../openapi/routes'
import { liveView } from '../live/front'
import { articlesOfOneCorpus, searchOneCorpus } from '../live/merge'
import { buildBrief } from '../corpus-services/brief'
import { DateParam, integerParam } from './params'

export const BriefQuerySchema = v.pipe(
  v.object({
    q: v.pipe(
      v.string('is required: the words whose articles the brief covers'),
      v.trim(),
      v.minLength(1, 'must not be empty: give the words whose articles the brief covers'),
      v.maxLength(500, 'must be at most 500 characters'),
    ),
    sentences: integerParam(1, 20, 5),
    articles: integerParam(1, 30, 10),
    from: DateParam,
    to: DateParam,
  }),
  v.check((query) => !query.from || !query.to || query.from <= query.to, '"from" must not be after "to"'),
)

/** `GET /brief?q=`: a cited digest, timeline, top entities and casualty figures of the articles that best match a query. */
export const briefRoutes = new Hono().get('/brief', briefDoc, validate('query', BriefQuerySchema), async (c) => {
  const { q, sentences, articles: limit, from, to } = c.req.valid('query')
  const view = await liveView(c.env ?? {})
  const found = await searchOneCorpus(view, { q, limit, offset: 0, sort: 'relevance', ...(from ? { from } : {}), ...(to ? { to } : {}) })
  const bodies = await articlesOfOneCorpus(view, found.hits.map((hit) => hit.id))
  const matching = found.hits.map((hit) => bodies.get(hit.id)).filter((article): article is StoredArticle => article !== undefined)
  return c.json({ query: q, total: found.total, articles: matching.length, ...buildBrief(matching, q, sentences) })
})
