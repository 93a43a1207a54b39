import { Hono, type Context } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import type { StoredArticle } from '../article'
import { liveView } from '../live/front'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { articleDoc, factsDoc, summaryDoc } from '../openapi/routes'
import { DEFAULT_SUMMARY_SENTENCES, summarize } from '../summary/summarize'
import { integerParam } from './params'
import { relatedTo } from './related'

const SummaryQuerySchema = v.object({ sentences: integerParam(1, 50, DEFAULT_SUMMARY_SENTENCES) })

/** An article by id: the live segment's copy first, then the corpus's unless the live segment deleted it. */
async function findArticle(c: Context<AppEnv>): Promise<StoredArticle> {
  const id = c.req.param('id')!
  const live = await liveView(c.env)
  const article = live.byId.get(id) ?? (live.tombstones.has(id) ? undefined : await c.var.corpus.article(id))
  if (!article) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return article
}

/** Ids may contain `/`: they are matched as one or more path segments, or URL-encoded in one. */
export const articleRoutes = new Hono<AppEnv>()
  .get('/articles/:id{.+}/summary', summaryDoc, validate('query', SummaryQuerySchema), async (c) => {
    const article = await findArticle(c)
    const { sentences } = c.req.valid('query')
    const summary = sentences === article.summary.sentences.length ? article.summary : summarize(article.text, sentences, { ...(article.titleGenerated ? {} : { title: article.title }), keywords: article.keywords })
    return c.json({ id: article.id, ...summary })
  })
  .get('/articles/:id{.+}/facts', factsDoc, async (c) => {
    const article = await findArticle(c)
    return c.json({ id: article.id, ...article.facts })
  })
  .get('/articles/:id{.+}', articleDoc, async (c) => {
    const found = await findArticle(c)
    const { facts: _facts, ...article } = found
    return c.json({ ...article, related: relatedTo(c.var.corpus, found) })
  })
