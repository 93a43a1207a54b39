import { Hono } from 'hono'
import * as v from 'valibot'
import type { StoredArticle } from '../bundle/types'
import { getBundle } from '../bundle/load'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { articleDoc, factsDoc, summaryDoc } from '../openapi/routes'
import { DEFAULT_SUMMARY_SENTENCES, summarize } from '../summary/summarize'
import { integerParam } from './params'
import { relatedTo } from './related'

const SummaryQuerySchema = v.object({ sentences: integerParam(1, 50, DEFAULT_SUMMARY_SENTENCES) })

function findArticle(id: string): StoredArticle {
  const article = getBundle().articles.get(id)
  if (!article) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return article
}

/** Ids may contain `/`: they are matched as one or more path segments, or URL-encoded in one. */
export const articleRoutes = new Hono()
  .get('/articles/:id{.+}/summary', summaryDoc, validate('query', SummaryQuerySchema), (c) => {
    const article = findArticle(c.req.param('id'))
    const { sentences } = c.req.valid('query')
    const summary = sentences === article.summary.sentences.length ? article.summary : summarize(article.text, sentences, { ...(article.titleGenerated ? {} : { title: article.title }), keywords: article.keywords })
    return c.json({ id: article.id, ...summary })
  })
  .get('/articles/:id{.+}/facts', factsDoc, (c) => {
    const article = findArticle(c.req.param('id'))
    return c.json({ id: article.id, ...article.facts })
  })
  .get('/articles/:id{.+}', articleDoc, (c) => {
    const found = findArticle(c.req.param('id'))
    const { facts: _facts, ...article } = found
    return c.json({ ...article, related: relatedTo(found) })
  })
