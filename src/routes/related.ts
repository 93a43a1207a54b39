import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import type { RelatedArticle, StoredArticle } from '../article'
import type { LoadedBundle } from '../bundle/open'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { relatedDoc } from '../openapi/routes'
import { MAX_RELATED, relatedArticles } from '../search/related'
import { integerParam } from './params'

const DEFAULT_RELATED = 5
const RelatedQuerySchema = v.object({ limit: integerParam(1, MAX_RELATED, DEFAULT_RELATED) })

/** The articles of `corpus` related to one of its articles, best first. */
export function relatedTo(corpus: LoadedBundle, article: StoredArticle, limit = DEFAULT_RELATED): RelatedArticle[] {
  return relatedArticles(corpus, article, limit)
}

/** `GET /articles/:id/related`; mounted before the article routes so that `/related` is not read as part of an id. */
export const relatedRoutes = new Hono<AppEnv>().get('/articles/:id{.+}/related', relatedDoc, validate('query', RelatedQuerySchema), async (c) => {
  const id = c.req.param('id')
  const article = await c.var.corpus.article(id)
  if (!article) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return c.json({ id: article.id, related: relatedTo(c.var.corpus, article, c.req.valid('query').limit) })
})
