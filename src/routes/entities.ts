import { Hono } from 'hono'
import * as v from 'valibot'
import { ENTITY_TYPES } from '../analysis/facts/types'
import type { AppEnv } from '../http/app-env'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { entitiesDoc, entityDoc } from '../openapi/routes'
import { integerParam, VISIBLE_CHARACTER } from './params'

export const EntitiesQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.regex(VISIBLE_CHARACTER, 'must not be empty when given'), v.trim(), v.maxLength(200, 'must be at most 200 characters'))),
  type: v.optional(v.picklist(ENTITY_TYPES, `must be one of ${ENTITY_TYPES.join(', ')}`)),
  limit: integerParam(1, 100, 20),
  offset: integerParam(0, 100_000, 0),
})

/** What a registry id can look like (type, a dash, a slug): anything else is refused before any look-up. */
export const EntityIdSchema = v.object({
  id: v.pipe(
    v.string(),
    v.maxLength(200, 'must be at most 200 characters'),
    v.regex(/^[a-z]+-[a-z0-9-]+$/, 'must be a registry id such as person-lin-jian (from GET /api/entities)'),
  ),
})

/** `GET /entities` (search the registry) and `GET /entities/:id` (one entity with its facts). */
export const entityRoutes = new Hono<AppEnv>()
  .get('/entities', entitiesDoc, validate('query', EntitiesQuerySchema), async (c) => {
    return c.json(await c.var.reader.entities.search(c.req.valid('query')))
  })
  .get('/entities/:id', entityDoc, validate('param', EntityIdSchema), async (c) => {
    const { id } = c.req.valid('param')
    const detail = await c.var.reader.entities.detail(id)
    if (!detail) throw new ProblemError('not-found', `No entity has the id "${id}". Find ids with GET /api/entities?q=NAME.`)
    return c.json(detail)
  })
