import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import type { RelatedArticle, StoredArticle } from '../article'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { liveView } from '../live/front'
import { articlesOfOneCorpus, relatedInOneCorpus } from '../live/merge'
import type { LiveView } from '../live/one-corpus'
import { relatedDoc } from '../openapi/routes'
import { MAX_RELATED } from '../search/related'
import { integerParam } from './params'

const DEFAULT_RELATED = 5
const RelatedQuerySchema = v.object({ limit: integerParam(1, MAX_RELATED, DEFAULT_RELATED) })

/** The articles related to an article of the one corpus (bundle and live segment), best first. */
export function relatedTo(view: LiveView, article: StoredArticle, limit = DEFAULT_RELATED): RelatedArticle[] {
  return relatedInOneCorpus(view, article, limit)
}

/** `GET /articles/:id/related`; mounted before the article routes so that `/related` is not read as part of an id. */
export const relatedRoutes = new Hono<AppEnv>().get('/articles/:id{.+}/related', relatedDoc, validate('query', RelatedQuerySchema), async (c) => {
  const id = c.req.param('id')
  const view = await liveView(c.env, c.var.corpus)
  const article = (await articlesOfOneCorpus(view, [id])).get(id)
  if (!article) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return c.json({ id: article.id, related: relatedTo(view, article, c.req.valid('query').limit) })
})
