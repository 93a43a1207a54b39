import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env'
import * as v from 'valibot'
import { CACHE_CONTROL } from '../http/cache'
import { BadSearchPage, EmptySearchPage, ResultsPage } from '../pages/results'
import { RESULTS_PER_PAGE, type ResultsState } from '../pages/results-state'
import { facetFilters, FacetFilterParams } from './facet-params'
import { AutocorrectParam, integerParam, withDateRange } from './params'

const LAST_PAGE = 10_000 / RESULTS_PER_PAGE + 1

const ResultsQuerySchema = withDateRange({
  q: v.optional(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters')), ''),
  page: integerParam(1, LAST_PAGE, 1),
  sort: v.optional(v.picklist(['relevance', 'date'], 'must be "relevance" or "date"'), 'relevance'),
  autocorrect: AutocorrectParam,
  ...FacetFilterParams,
})

/**
 * The query string as the schema reads it: a repeated parameter as an array,
 * and empty fields (a date left blank in the form) as absent.
 */
function readQuery(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name).filter((value) => value !== '')
    if (values.length > 0) query[name] = values.length === 1 ? values[0]! : values
  }
  return query
}

/** `/search`: the results page, every state in its URL (plain GET links and forms, no JavaScript needed). */
export const resultsPageRoutes = new Hono<AppEnv>().get('/search', async (c) => {
  const input = readQuery(new URL(c.req.url))
  const parsed = v.safeParse(ResultsQuerySchema, input)
  if (!parsed.success) {
    const errors = parsed.issues.map((issue) => {
      const name = v.getDotPath(issue) ?? 'q'
      // A repeated single-valued parameter reaches the schema as an array: say so, not "must be a string".
      return {
        name,
        message: Array.isArray(input[name]) && !(name in FacetFilterParams) ? `is given ${input[name].length} times: give it once` : issue.message,
      }
    })
    return c.html(<BadSearchPage errors={errors} q={typeof input.q === 'string' ? input.q : ''} />, 400, { 'Cache-Control': 'no-store' })
  }
  const { q, page, sort, from, to, autocorrect, person, organization, place, country, year } = parsed.output
  const filters = facetFilters({ person, organization, place, country, year })
  const state: ResultsState = { q, page, sort, from, to, filters, ...(autocorrect ? {} : { autocorrect }) }
  c.header('Cache-Control', CACHE_CONTROL)
  if (q.trim() === '') return c.html(<EmptySearchPage state={state} />)
  const response = await c.var.reader.search({
    q,
    limit: RESULTS_PER_PAGE,
    offset: (page - 1) * RESULTS_PER_PAGE,
    sort,
    from,
    to,
    filters,
    autocorrect,
    facetLimit: 30,
  })
  return c.html(<ResultsPage state={state} response={response} />)
})
