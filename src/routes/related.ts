import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { validate } from '../http/validate'
import { relatedDoc } from '../openapi/routes'
import { MAX_RELATED } from '../search/related'
import { findArticle } from './find-article'
import { integerParam } from './params'

/** How many related articles an article's answer and page show. */
export const DEFAULT_RELATED = 5
const RelatedQuerySchema = v.object({ limit: integerParam(1, MAX_RELATED, DEFAULT_RELATED) })

/** `GET /articles/:id/related`; mounted before the article routes so that `/related` is not read as part of an id. */
export const relatedRoutes = new Hono<AppEnv>().get('/articles/:id{.+}/related', relatedDoc, validate('query', RelatedQuerySchema), async (c) => {
  const article = await findArticle(c)
  return c.json({ id: article.id, related: await c.var.reader.related(article, c.req.valid('query').limit) })
})
