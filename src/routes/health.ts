import { Hono } from 'hono'
import { getBundle } from '../bundle/load'
import { healthDoc } from '../openapi/routes'

export const healthRoutes = new Hono().get('/health', healthDoc, (c) => {
  const { ids, version, builtAt } = getBundle()
  return c.json({ status: 'ok' as const, documents: ids.length, version, builtAt })
})
