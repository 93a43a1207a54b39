import { Hono } from 'hono'
import * as v from 'valibot'
import { placesAround, placesInRange } from '../corpus-services/place-figures'
import type { AppEnv } from '../http/app-env'
import { CACHE_CONTROL } from '../http/cache'
import { EntityPage } from '../pages/entity'
import { MapPage } from '../pages/map'
import { NotFoundPage } from '../pages/not-found'
import { entityDetailOf } from './entities'
import { withDateRange } from './params'

const MapQuerySchema = withDateRange({})

/** `/entities/:id` and `/map`: the server-rendered pages of the entity registry. */
export const entityPageRoutes = new Hono<AppEnv>()
  .get('/entities/:id', async (c) => {
    const id = c.req.param('id')
    const bundle = c.var.corpus
    const detail = await entityDetailOf(bundle, id)
    if (!detail) return c.html(<NotFoundPage what={`entity with the id “${id}”`} />, 404, { 'Cache-Control': 'no-store' })
    const registry = await bundle.entityRegistry()
    const entity = registry.entity(id)!
    const map = placesAround(registry, entity, bundle.tables.dates).map(({ entity: place, total }) => ({
      id: place.id,
      name: place.name,
      lat: place.lat!,
      lon: place.lon!,
      figure: total,
      focus: place === entity,
    }))
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<EntityPage entity={detail} map={map} />)
  })
  .get('/map', async (c) => {
    // An empty date field of the form means no bound.
    const parsed = v.safeParse(MapQuerySchema, Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value !== '')))
    const bundle = c.var.corpus
    const registry = await bundle.entityRegistry()
    if (!parsed.success) {
      // A 400 that still shows the whole map, with what to fix above it.
      const errors = parsed.issues.map((issue) => `${issue.path?.map((item) => String(item.key)).join('.') ?? 'dates'}: ${issue.message}`)
      return c.html(<MapPage places={placesInRange(registry, bundle.tables.dates, {})} range={{}} errors={errors} />, 400, { 'Cache-Control': 'no-store' })
    }
    c.header('Cache-Control', CACHE_CONTROL)
    return c.html(<MapPage places={placesInRange(registry, bundle.tables.dates, parsed.output)} range={parsed.output} />)
  })
