import { Hono } from 'hono'
import * as v from 'valibot'
import { getBundle } from '../bundle/load'
import type { RelatedArticle, StoredArticle } from '../article'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { relatedDoc } from '../openapi/routes'
import { MAX_RELATED, relatedArticles } from '../search/related'
import { integerParam } from './params'

const DEFAULT_RELATED = 5
const RelatedQuerySchema = v.object({ limit: integerParam(1, MAX_RELATED, DEFAULT_RELATED) })

/** The articles related to one of the bundle's articles, best first. */
export function relatedTo(article: StoredArticle, limit = DEFAULT_RELATED): RelatedArticle[] {
  return relatedArticles(getBundle(), article, limit)
}

/** `GET /articles/:id/related`; mounted before the article routes so that `/related` is not read as part of an id. */
export const relatedRoutes = new Hono().get('/articles/:id{.+}/related', relatedDoc, validate('query', RelatedQuerySchema), async (c) => {
  const id = c.req.param('id')
  const article = await getBundle().article(id)
  if (!article) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return c.json({ id: article.id, related: relatedTo(article, c.req.valid('query').limit) })
})
