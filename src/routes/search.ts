import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import { validate } from '../http/validate'
import { searchDoc } from '../openapi/routes'
import { facetFilters } from './facet-params'
import { SearchQuerySchema } from './search-query'

export { SearchQuerySchema }

export const searchRoutes = new Hono<AppEnv>().get('/search', searchDoc, validate('query', SearchQuerySchema), async (c) => {
  const { person, organization, place, country, year, ...params } = c.req.valid('query')
  const search = { ...params, filters: facetFilters({ person, organization, place, country, year }) }
  return c.json(await c.var.reader.search(search))
})
