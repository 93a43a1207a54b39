import { Hono } from 'hono'
import { getBundle } from '../bundle/load'
import { validate } from '../http/validate'
import { searchDoc } from '../openapi/routes'
import { liveView } from '../live/front'
import { searchWithLive } from '../live/merge'
import { facetFilters } from './facet-params'
import { SearchQuerySchema } from './search-query'

export const searchRoutes = new Hono().get('/search', searchDoc, validate('query', SearchQuerySchema), async (c) => {
  const { person, organization, place, country, year, ...params } = c.req.valid('query')
  const search = { ...params, filters: facetFilters({ person, organization, place, country, year }) }
  return c.json(await searchWithLive(getBundle(), await liveView(c.env ?? {}), search))
})
