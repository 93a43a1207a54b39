import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { validate } from '../http/validate'
import { listingDoc } from '../openapi/routes'
import { facetFilters, FacetFilterParams } from './facet-params'
import { integerParam, withDateRange } from './params'

export const ListingQuerySchema = withDateRange({
  limit: integerParam(1, 100, 20),
  offset: integerParam(0, 100_000, 0),
  sort: v.optional(v.picklist(['date', 'oldest', 'title'], 'must be "date" (newest first), "oldest" or "title"'), 'date'),
  ...FacetFilterParams,
})

/** `GET /articles`: browsing. Only the exact path: `/articles/:id` is the article routes' own. */
export const listingRoutes = new Hono<AppEnv>().get('/articles', listingDoc, validate('query', ListingQuerySchema), async (c) => {
  const { person, organization, place, country, year, ...params } = c.req.valid('query')
  const listing = { ...params, filters: facetFilters({ person, organization, place, country, year }) }
  return c.json(await c.var.reader.list(listing))
})
