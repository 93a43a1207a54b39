import { Hono } from 'hono'
import * as v from 'valibot'
import type { AppEnv } from '../http/app-env'
import { CACHE_CONTROL } from '../http/cache'
import { EntityPage } from '../pages/entity'
import { MapPage } from '../pages/map'
import { NotFoundPage } from '../pages/not-found'
import { withDateRange } from './params'

const MapQuerySchema = withDateRange({})

/** `/entities/:id` and `/map`: the server-rendered pages of the entity registry. */
export const entityPageRoutes = new Hono<AppEnv>()
  .get('/entities/:id', async (c) => {
    const id = c.req.param('id')
    const page = await c.var.reader.entities.page(id)
    if (!page) return c.html(<NotFoundPage what={`entity with the id “${id}”`} />, 404, { 'Cache-Control': 'no-store' })
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<EntityPage entity={page.detail} map={page.map} />)
  })
  .get('/map', async (c) => {
    // An empty date field of the form means no bound.
    const parsed = v.safeParse(MapQuerySchema, Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value !== '')))
    const { entities } = c.var.reader
    if (!parsed.success) {
      // A 400 that still shows the whole map, with what to fix above it.
      const errors = parsed.issues.map((issue) => `${issue.path?.map((item) => String(item.key)).join('.') ?? 'dates'}: ${issue.message}`)
      return c.html(<MapPage places={await entities.places({})} range={{}} errors={errors} />, 400, { 'Cache-Control': 'no-store' })
    }
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<MapPage places={await entities.places(parsed.output)} range={parsed.output} />)
  })
