import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { FACT_TYPES } from '../corpus-services/fact-catalog'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { corpusFactsDoc } from '../openapi/routes'
import { EntityIdSchema } from './entities'
import { integerParam, withDateRange, VISIBLE_CHARACTER } from './params'

export const FactsQuerySchema = withDateRange({
  type: v.optional(v.picklist(FACT_TYPES, `must be one of ${FACT_TYPES.join(', ')}`)),
  q: v.optional(v.pipe(v.string(), v.regex(VISIBLE_CHARACTER, 'must not be empty when given'), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
  speaker: EntityName('whose quotes to list'),
  actor: EntityName('whose statements to list'),
  target: EntityName('the statements about whom to list'),
  place: EntityName('the place (and the places inside it) whose figures to list'),
  entity: v.optional(EntityIdSchema.entries.id),
  limit: integerParam(1, 100, 20),
  offset: integerParam(0, 100_000, 0),
})

function EntityName(what: string) {
  return v.optional(
    v.pipe(
      v.string(`must be a name: ${what}`),
      v.regex(VISIBLE_CHARACTER, 'must not be empty when given'),
      v.trim(),
      v.maxLength(200, 'must be at most 200 characters'),
    ),
  )
}

/** `GET /facts`: facts across every article (all quotes by a speaker, casualty figures for a place, statements about a country). */
export const factRoutes = new Hono<AppEnv>().get('/facts', corpusFactsDoc, validate('query', FactsQuerySchema), async (c) => {
  const { speaker, actor, target, place, entity, ...query } = c.req.valid('query')
  const named = { speaker, actor, target, place, entity }
  // Names and ids go through the entity registry: "Biden" finds Joe Biden's quotes, "Balochistan" Quetta's figures.
  // The registry is the build's: live articles join it at the next build, so a filtered query reads the base facts only.
  if (Object.values(named).some((value) => value !== undefined)) {
    const page = await c.var.reader.entities.facts(named, query)
    // An id is a reference, not a search: a mistyped one is an error to see, not an empty list to trust.
    if (!page) throw new ProblemError('not-found', `No entity has the id "${entity}". Find ids with GET /api/entities?q=NAME.`)
    return c.json(page)
  }
  return c.json(await c.var.reader.facts(query))
})
