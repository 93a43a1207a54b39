import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { validate } from '../http/validate'
import { articleDoc, factsDoc, summaryDoc } from '../openapi/routes'
import { DEFAULT_SUMMARY_SENTENCES, summarize } from '../analysis/summary/summarize'
import { findArticle } from './find-article'
import { integerParam } from './params'
import { DEFAULT_RELATED } from './related'

const SummaryQuerySchema = v.object({ sentences: integerParam(1, 50, DEFAULT_SUMMARY_SENTENCES) })

/** Ids may contain `/`: they are matched as one or more path segments, or URL-encoded in one. */
export const articleRoutes = new Hono<AppEnv>()
  .get('/articles/:id{.+}/summary', summaryDoc, validate('query', SummaryQuerySchema), async (c) => {
    const article = await findArticle(c)
    const { sentences } = c.req.valid('query')
    const summary =
      sentences === article.summary.sentences.length
        ? article.summary
        : summarize(article.text, sentences, { ...(article.titleGenerated ? {} : { title: article.title }), keywords: article.keywords })
    return c.json({ id: article.id, ...summary })
  })
  .get('/articles/:id{.+}/facts', factsDoc, async (c) => {
    const article = await findArticle(c)
    return c.json({ id: article.id, ...article.facts })
  })
  .get('/articles/:id{.+}', articleDoc, async (c) => {
    const found = await findArticle(c)
    const { facts: _facts, ...article } = found
    return c.json({ ...article, related: await c.var.reader.related(found, DEFAULT_RELATED) })
  })
