import { Hono } from 'hono'
import * as v from 'valibot'
import { getBundle } from '../bundle/load'
import { liveView } from '../live/front'
import { factsInOneCorpus } from '../live/merge'
import { FACT_TYPES } from '../corpus-services/fact-catalog'
import { validate } from '../http/validate'
import { corpusFactsDoc } from '../openapi/routes'
import { DateParam, integerParam } from './params'

export const FactsQuerySchema = v.pipe(
  v.object({
    type: v.optional(v.picklist(FACT_TYPES, `must be one of ${FACT_TYPES.join(', ')}`)),
    q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty when given'), v.maxLength(200, 'must be at most 200 characters'))),
    from: DateParam,
    to: DateParam,
    limit: integerParam(1, 100, 20),
    offset: integerParam(0, 100_000, 0),
  }),
  v.check((query) => !query.from || !query.to || query.from <= query.to, '"from" must not be after "to"'),
)

/** `GET /facts`: facts across every article (all quotes by a speaker, casualty figures for a place, statements about a country). */
export const factRoutes = new Hono().get('/facts', corpusFactsDoc, validate('query', FactsQuerySchema), async (c) => {
  const catalog = await getBundle().factCatalog()
  return c.json(await factsInOneCorpus(await liveView(c.env ?? {}), catalog, c.req.valid('query')))
})
