import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import { CACHE_CONTROL } from '../http/cache'
import { ArticlePage } from '../pages/article'
import { DemoPage, LATEST_SHOWN } from '../pages/demo'
import { NotFoundPage } from '../pages/not-found'
import { DEFAULT_RELATED } from './related'
import { instantSearchClientRoutes } from './instantsearch-client'
import { resultsPageRoutes } from './results-page'
import { entityPageRoutes } from './entity-pages'

/**
 * The server-rendered pages that read the corpus through `c.var.reader` (so a sharded front serves them too):
 * the demo at `/`, one page per article (ids may contain `/`, like the API's), the results page.
 */
export const readerPageRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const latest = await c.var.reader.list({ sort: 'date', offset: 0, limit: LATEST_SHOWN })
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<DemoPage origin={new URL(c.req.url).origin} latest={latest.articles} documents={latest.total} />)
  })
  .get('/articles/:id{.+}', async (c) => {
    const id = c.req.param('id')
    const { reader } = c.var
    const article = (await reader.articles([id])).get(id)
    if (!article) return c.html(<NotFoundPage what={`article with the id “${id}”`} />, 404, { 'Cache-Control': 'no-store' })
    c.header('Cache-Control', CACHE_CONTROL)
    const [entityIds, related] = await Promise.all([reader.entities.idsIn(article.facts.entities), reader.related(article, DEFAULT_RELATED)])
    return c.html(<ArticlePage article={article} related={related} entityIds={entityIds} />)
  })
  .route('/', resultsPageRoutes)
  .route('/', instantSearchClientRoutes)

/** Every page: those above, and the entity pages and the map, which read the one bundle's entity registry. */
export const pageRoutes = new Hono<AppEnv>().route('/', readerPageRoutes).route('/', entityPageRoutes)
