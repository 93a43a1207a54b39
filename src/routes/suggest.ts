import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { validate } from '../http/validate'
import { suggestDoc } from '../openapi/routes'
import { integerParam } from './params'

export const SuggestQuerySchema = v.object({
  q: v.pipe(v.string('is required: what the user has typed so far'), v.minLength(1, 'must not be empty'), v.maxLength(100, 'must be at most 100 characters')),
  limit: integerParam(1, 20, 8),
})

/** Autocomplete for every keystroke: from the build's suggestion index and word list, unpacked once per isolate. */
export const suggestRoutes = new Hono<AppEnv>().get('/suggest', suggestDoc, validate('query', SuggestQuerySchema), async (c) => {
  const { q, limit } = c.req.valid('query')
  return c.json({ query: q, suggestions: await c.var.reader.suggest(q, limit) })
})
