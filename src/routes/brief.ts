import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import type { StoredArticle } from '../article'
import { validate } from '../http/validate'
import { briefDoc } from '../openapi/routes'
import { buildBrief } from '../corpus-services/brief'
import { integerParam, withDateRange, VISIBLE_CHARACTER } from './params'

export const BriefQuerySchema = withDateRange({
  q: v.pipe(
    v.string('is required: the words whose articles the brief covers'),
    // A pattern before the trim rather than a length after it, so the document states it too.
    v.regex(VISIBLE_CHARACTER, 'must not be empty: give the words whose articles the brief covers'),
    v.trim(),
    v.maxLength(500, 'must be at most 500 characters'),
  ),
  sentences: integerParam(1, 20, 5),
  articles: integerParam(1, 30, 10),
})

/** `GET /brief?q=`: a cited digest, timeline, top entities and casualty figures of the articles that best match a query. */
export const briefRoutes = new Hono<AppEnv>().get('/brief', briefDoc, validate('query', BriefQuerySchema), async (c) => {
  const { q, sentences, articles: limit, from, to } = c.req.valid('query')
  const { reader } = c.var
  const found = await reader.search({ q, limit, offset: 0, sort: 'relevance', ...(from ? { from } : {}), ...(to ? { to } : {}) })
  const bodies = await reader.articles(found.hits.map((hit) => hit.id))
  const matching = found.hits.map((hit) => bodies.get(hit.id)).filter((article): article is StoredArticle => article !== undefined)
  return c.json(buildBrief(matching, q, sentences, found.total))
})
