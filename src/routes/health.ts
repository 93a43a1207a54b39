import { Hono } from 'hono'
import { getBundle } from '../bundle/load'

export const healthRoutes = new Hono().get('/health', (c) => {
  const { articles, version, builtAt } = getBundle()
  return c.json({ status: 'ok' as const, documents: articles.size, version, builtAt })
})
