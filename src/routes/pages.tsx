import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import { liveView } from '../live/front'
import { articlesOfOneCorpus, listOneCorpus } from '../live/merge'
import { CACHE_CONTROL } from '../http/cache'
import { ArticlePage } from '../pages/article'
import { DemoPage, LATEST_SHOWN } from '../pages/demo'
import { NotFoundPage } from '../pages/not-found'
import { relatedTo } from './related'
import { instantSearchClientRoutes } from './instantsearch-client'
import { resultsPageRoutes } from './results-page'
import { entityPageRoutes } from './entity-pages'

/** The server-rendered pages: the demo at `/` and one page per article (ids may contain `/`, like the API's). */
export const pageRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const view = await liveView(c.env, c.var.corpus)
    const latest = await listOneCorpus(view, { sort: 'date', offset: 0, limit: LATEST_SHOWN })
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<DemoPage origin={new URL(c.req.url).origin} latest={latest.articles} documents={latest.total} />)
  })
  .get('/articles/:id{.+}', async (c) => {
    const id = c.req.param('id')
    const view = await liveView(c.env, c.var.corpus)
    const article = (await articlesOfOneCorpus(view, [id])).get(id)
    if (!article) return c.html(<NotFoundPage what={`article with the id “${id}”`} />, 404, { 'Cache-Control': 'no-store' })
    c.header('Cache-Control', CACHE_CONTROL)
    const entityIds = (await c.var.corpus.entityRegistry()).idsIn(article.facts.entities)
    return c.html(<ArticlePage article={article} related={relatedTo(view, article)} entityIds={entityIds} />)
  })
  .route('/', resultsPageRoutes)
  .route('/', instantSearchClientRoutes)
  .route('/', entityPageRoutes)
