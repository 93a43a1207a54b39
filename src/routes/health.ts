import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import { hidesBase, liveView } from '../live/front'
import { healthDoc } from '../openapi/routes'

export const healthRoutes = new Hono<AppEnv>().get('/health', healthDoc, async (c) => {
  const { ids, version, builtAt } = c.var.corpus
  const live = await liveView(c.env)
  const hiddenBase = ids.filter((id) => hidesBase(live, id)).length
  return c.json({
    status: 'ok' as const,
    documents: ids.length - hiddenBase + live.byId.size,
    version,
    builtAt,
    base: ids.length,
    live: { documents: live.byId.size, tombstones: live.tombstones.size, version: live.version },
  })
})
