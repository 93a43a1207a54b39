import { Hono } from 'hono'
import * as v from 'valibot'
import { getBundle } from '../bundle/load'
import { FACT_TYPES } from '../corpus-services/fact-catalog'
import { validate } from '../http/validate'
import { corpusFactsDoc } from '../openapi/routes'
import { EntityIdSchema } from './entities'
import { DateParam, integerParam } from './params'

export const FactsQuerySchema = v.pipe(
  v.object({
    type: v.optional(v.picklist(FACT_TYPES, `must be one of ${FACT_TYPES.join(', ')}`)),
    q: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty when given'), v.maxLength(200, 'must be at most 200 characters'))),
    from: DateParam,
    to: DateParam,
    speaker: EntityName('whose quotes to list'),
    actor: EntityName('whose statements to list'),
    target: EntityName('the statements about whom to list'),
    place: EntityName('the place (and the places inside it) whose figures to list'),
    entity: v.optional(EntityIdSchema.entries.id),
    limit: integerParam(1, 100, 20),
    offset: integerParam(0, 100_000, 0),
  }),
  v.check((query) => !query.from || !query.to || query.from <= query.to, '"from" must not be after "to"'),
)

function EntityName(what: string) {
  return v.optional(v.pipe(v.string(`must be a name: ${what}`), v.trim(), v.minLength(1, 'must not be empty when given'), v.maxLength(200, 'must be at most 200 characters')))
}

/** `GET /facts`: facts across every article (all quotes by a speaker, casualty figures for a place, statements about a country). */
export const factRoutes = new Hono().get('/facts', corpusFactsDoc, validate('query', FactsQuerySchema), async (c) => {
  const bundle = getBundle()
  const { speaker, actor, target, place, entity, ...query } = c.req.valid('query')
  const named = { speaker, actor, target, place, entity }
  // Names and ids go through the entity registry: "Biden" finds Joe Biden's quotes, "Balochistan" Quetta's figures.
  const only = Object.values(named).some((value) => value !== undefined) ? (await bundle.entityRegistry()).factNumbers(named) : undefined
  const catalog = await bundle.factCatalog()
  return c.json(await catalog.query({ ...query, ...(only ? { only } : {}) }))
})
