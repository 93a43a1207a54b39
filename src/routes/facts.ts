import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { FACT_TYPES } from '../corpus-services/fact-catalog'
import { validate } from '../http/validate'
import { corpusFactsDoc } from '../openapi/routes'
import { integerParam, withDateRange } from './params'

export const FactsQuerySchema = withDateRange({
  type: v.optional(v.picklist(FACT_TYPES, `must be one of ${FACT_TYPES.join(', ')}`)),
  q: v.optional(v.pipe(v.string(), v.regex(/\S/, 'must not be empty when given'), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
  limit: integerParam(1, 100, 20),
  offset: integerParam(0, 100_000, 0),
})

/** `GET /facts`: facts across every article (all quotes by a speaker, casualty figures for a place, statements about a country). */
export const factRoutes = new Hono<AppEnv>().get('/facts', corpusFactsDoc, validate('query', FactsQuerySchema), async (c) => {
  const catalog = await c.var.corpus.factCatalog()
  return c.json(await catalog.query(c.req.valid('query')))
})
