import { Hono } from 'hono'
import { getBundle } from '../bundle/load'
import { healthDoc } from '../openapi/routes'

export const healthRoutes = new Hono().get('/health', healthDoc, (c) => {
  const { articles, version, builtAt } = getBundle()
  return c.json({ status: 'ok' as const, documents: articles.size, version, builtAt })
})
