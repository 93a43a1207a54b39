import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import type { LoadedBundle } from '../bundle/open'
import { CACHE_CONTROL } from '../http/cache'
import { ArticlePage } from '../pages/article'
import { DemoPage, LATEST_SHOWN } from '../pages/demo'
import { NotFoundPage } from '../pages/not-found'
import { relatedTo } from './related'
import { instantSearchClientRoutes } from './instantsearch-client'
import { resultsPageRoutes } from './results-page'

const latestIds = new WeakMap<LoadedBundle, string[]>()

/** The ids of the newest articles by the corpus tables' dates (ties in bundle order): once per isolate, no article read. */
function newest(bundle: LoadedBundle): string[] {
  let ids = latestIds.get(bundle)
  if (!ids) {
    const { dates } = bundle.tables
    const order = bundle.ids.map((_, i) => i).sort((a, b) => (dates[b] ?? '').localeCompare(dates[a] ?? ''))
    ids = order.slice(0, LATEST_SHOWN).map((i) => bundle.ids[i]!)
    latestIds.set(bundle, ids)
  }
  return ids
}

/** The server-rendered pages: the demo at `/` and one page per article (ids may contain `/`, like the API's). */
export const pageRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const bundle = c.var.corpus
    const ids = newest(bundle)
    const articles = await bundle.articlesById(ids)
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<DemoPage origin={new URL(c.req.url).origin} latest={ids.map((id) => articles.get(id)!)} documents={bundle.ids.length} />)
  })
  .get('/articles/:id{.+}', async (c) => {
    const id = c.req.param('id')
    const article = await c.var.corpus.article(id)
    if (!article) return c.html(<NotFoundPage what={`article with the id “${id}”`} />, 404, { 'Cache-Control': 'no-store' })
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<ArticlePage article={article} related={relatedTo(c.var.corpus, article)} />)
  })
  .route('/', resultsPageRoutes)
  .route('/', instantSearchClientRoutes)
