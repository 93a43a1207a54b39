import { Hono } from 'hono'
import { getBundle } from '../bundle/load'
import { liveView } from '../live/front'
import { hidesBase } from '../live/one-corpus'
import { healthDoc } from '../openapi/routes'

export const healthRoutes = new Hono().get('/health', healthDoc, async (c) => {
  const { ids, version, builtAt } = getBundle()
  const live = await liveView(c.env ?? {})
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
