import { Hono } from 'hono'
import { getBundle } from '../bundle/load'
import { CACHE_CONTROL } from '../http/cache'
import { ArticlePage } from '../pages/article'
import { DemoPage } from '../pages/demo'
import { NotFoundPage } from '../pages/not-found'
import { relatedTo } from './related'

/** The server-rendered pages: the demo at `/` and one page per article (ids may contain `/`, like the API's). */
export const pageRoutes = new Hono()
  .get('/', (c) => {
    const { articles } = getBundle()
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<DemoPage origin={new URL(c.req.url).origin} articles={articles.values()} documents={articles.size} />)
  })
  .get('/articles/:id{.+}', (c) => {
    const id = c.req.param('id')
    const article = getBundle().articles.get(id)
    if (!article) return c.html(<NotFoundPage what={`article with the id “${id}”`} />, 404, { 'Cache-Control': 'no-store' })
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<ArticlePage article={article} related={relatedTo(article)} />)
  })
