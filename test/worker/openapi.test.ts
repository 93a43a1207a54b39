import { exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { PROBLEMS } from '../../src/http/problem'
import {
  ArticleFactsSchema,
  ArticleSchema,
  ArticleSummarySchema,
  ExtractResponseSchema,
  HealthSchema,
  ProblemSchema,
  RelatedResponseSchema,
} from '../../src/openapi/schemas'
import { BriefResponseSchema } from '../../src/corpus-services/brief'
import { FactPageSchema } from '../../src/corpus-services/fact-catalog'
import { ListingResponseSchema } from '../../src/search/listing'
import { SearchResponseSchema } from '../../src/search/response-schema'
import { SuggestResponseSchema } from '../../src/search/suggest'
import { VISIBLE_CHARACTER } from '../../src/routes/params'

const SEED = encodeURIComponent('seed/000_7b2b9cd25cf26eb6')

type Operation = {
  summary?: string
  tags?: string[]
  parameters?: Array<{
    name: string
    in: string
    required?: boolean
    description?: string
    example?: string
    schema?: { type?: string; minimum?: number; maximum?: number }
  }>
  requestBody?: { content: Record<string, { schema?: Record<string, unknown>; example?: unknown }> }
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }> }>
}
type OpenApi = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } }

async function openApi(): Promise<OpenApi> {
  const response = await exports.default.fetch('http://x/openapi.json')
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
  return (await response.json()) as OpenApi
}

/** The API's routes as the app registers them, in OpenAPI's path syntax: what the document must cover. */
function apiOperations(): Array<{ method: string; path: string }> {
  const seen = new Set<string>()
  return app.routes
    .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL' && !route.path.includes('*'))
    .map((route) => ({ method: route.method.toLowerCase(), path: route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}') }))
    .filter(({ method, path }) => !seen.has(`${method} ${path}`) && seen.add(`${method} ${path}`))
}

async function call<T>(path: string, schema: v.GenericSchema<unknown, T>, init?: RequestInit): Promise<T> {
  const response = await exports.default.fetch(`http://x${path}`, init)
  expect(response.status, path).toBe(200)
  const result = v.safeParse(schema, await response.json())
  expect(result.success ? [] : result.issues.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`), path).toEqual([])
  return result.output as T
}

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 and documents every API route of the app, each with a summary, a JSON answer and its problems', async () => {
    const document = await openApi()
    expect(document.openapi).toBe('3.1.0')
    expect(document.info.title).toBe('News Edge API')
    const operations = apiOperations()
    expect(operations.length).toBeGreaterThanOrEqual(6)
    for (const { method, path } of operations) {
      const operation = document.paths[path]?.[method]
      expect(operation, `${method} ${path}`).toBeDefined()
      expect(operation!.summary, `${method} ${path} summary`).toBeTruthy()
      expect(operation!.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0)
      expect(operation!.responses['200']?.content?.['application/json']?.schema, `${method} ${path} 200 schema`).toBeDefined()
      expect(operation!.responses['200']?.content?.['application/json']?.example, `${method} ${path} 200 example`).toBeDefined()
      const problems = Object.entries(operation!.responses).filter(([status]) => status >= '400')
      expect(problems.length, `${method} ${path} problems`).toBeGreaterThan(0)
      for (const [status, response] of problems) expect(response.content?.['application/problem+json'], `${method} ${path} ${status}`).toBeDefined()
    }
    // Nothing outside the API (pages, docs, the widget) is presented as API.
    expect(Object.keys(document.paths).every((path) => path.startsWith('/api/'))).toBe(true)
    expect(document.components.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'detail'] })
  })

  it('says where it is served, that it needs no credentials and its licence, with no draft-07 dialect inside the 3.1 document', async () => {
    const response = await exports.default.fetch('http://x/openapi.json')
    const text = await response.text()
    const document = JSON.parse(text) as Record<string, unknown> & { info: Record<string, unknown> }
    expect(document.servers).toEqual([{ url: '/' }])
    expect(document.security).toEqual([])
    expect(document.info.license).toMatchObject({ name: expect.any(String) })
    expect(document.info.contact).toBeDefined()
    expect(text).not.toContain('"$schema"')
  })

  it('documents the date filters as YYYY-MM-DD days, as the validator requires', async () => {
    const document = await openApi()
    const from = document.paths['/api/search']!.get!.parameters!.find((parameter) => parameter.name === 'from')
    expect(from?.schema).toMatchObject({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
    const rejected = await exports.default.fetch('http://x/api/search?q=china&from=2026-2-5')
    expect(rejected.status).toBe(400)
  })

  it('takes the parameters from the same valibot schemas that validate the requests', async () => {
    const document = await openApi()
    const search = document.paths['/api/search']!.get!
    const q = search.parameters!.find((parameter) => parameter.name === 'q')
    expect(q).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 1, pattern: VISIBLE_CHARACTER.source, maxLength: 500 } })
    expect(search.parameters!.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['q', 'limit', 'offset', 'from', 'to', 'sort']))
    // The validator refuses what the document says is out of bounds.
    const tooLong = await exports.default.fetch(`http://x/api/search?q=${'a'.repeat(501)}`)
    expect(tooLong.status).toBe(400)
    expect(search.responses['400']).toBeDefined()

    const article = document.paths['/api/articles/{id}']!.get!
    expect(article.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]))
    const extract = document.paths['/api/extract']!.post!
    const body = extract.requestBody!.content['application/json']!.schema as { properties: Record<string, unknown>; required: string[] }
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['text', 'title', 'date', 'summary']))
    expect(body.required).toEqual(['text'])
    // Its example is a body the endpoint accepts.
    const example = extract.requestBody!.content['application/json']!.example
    const answer = await exports.default.fetch('http://x/api/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(example),
    })
    expect(answer.status).toBe(200)
    expect(Object.keys(extract.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415']))
  })

  it('describes every query parameter, and states integer bounds that the validators enforce', async () => {
    const document = await openApi()
    let checked = 0
    for (const [path, item] of Object.entries(document.paths)) {
      const parameters = item.get?.parameters?.filter((parameter) => parameter.in === 'query') ?? []
      const required = new URLSearchParams(parameters.filter((parameter) => parameter.required).map((parameter) => [parameter.name, parameter.example!]))
      const url = path.replace('{id}', SEED)
      for (const parameter of parameters) {
        expect(parameter.description, `${path} ${parameter.name}`).toBeTruthy()
        const { type, minimum, maximum } = parameter.schema ?? {}
        if (type !== 'integer') continue
        expect(minimum, `${path} ${parameter.name} minimum`).toBeDefined()
        expect(maximum, `${path} ${parameter.name} maximum`).toBeDefined()
        for (const [value, accepted] of [
          [minimum!, true],
          [maximum!, true],
          [minimum! - 1, false],
          [maximum! + 1, false],
        ] as const) {
          const query = new URLSearchParams(required)
          query.set(parameter.name, String(value))
          // With the ingest token (the live export's parameters are checked too; other routes ignore it).
          const response = await exports.default.fetch(`http://x${url}?${query}`, { headers: { Authorization: 'Bearer test-ingest-token' } })
          expect(response.status, `${url}?${query}`).toBe(accepted ? 200 : 400)
          await response.body?.cancel()
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  it('describes the answers the API really gives', async () => {
    await call('/api/search?q=Balochistan', SearchResponseSchema)
    await call('/api/suggest?q=balo', SuggestResponseSchema)
    await call('/api/articles?limit=3', ListingResponseSchema)
    await call(`/api/articles/${SEED}`, ArticleSchema)
    await call(`/api/articles/${SEED}/summary?sentences=2`, ArticleSummarySchema)
    await call(`/api/articles/${SEED}/facts`, ArticleFactsSchema)
    await call(`/api/articles/${SEED}/related`, RelatedResponseSchema)
    await call('/api/brief?q=Balochistan', BriefResponseSchema)
    await call('/api/facts?type=quote&q=Lin%20Jian', FactPageSchema)
    await call('/api/health', HealthSchema)
    await call('/api/extract', ExtractResponseSchema, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'China condemned the attacks in Balochistan on Tuesday.', date: '2026-02-05' }),
    })
    const problem = await exports.default.fetch('http://x/api/search?limit=0&q=x')
    expect(problem.status).toBe(400)
    expect(v.safeParse(ProblemSchema, await problem.json()).success).toBe(true)
  })
})

describe('/docs', () => {
  it('renders every operation of the document and every problem type, with a form to try each', async () => {
    const document = await openApi()
    const response = await exports.default.fetch('http://x/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    const html = await response.text()
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item)) {
        expect(html, `${method} ${path}`).toContain(`<span class="method">${method}</span><code>${path}</code>`)
        expect(html, `${method} ${path} form`).toContain(`data-path="${path}" data-method="${method.toUpperCase()}"`)
      }
    }
    for (const kind of Object.keys(PROBLEMS)) expect(html, kind).toContain(`<tr id="problem-${kind}">`)
  })

  it('makes every problem type URI lead to its explanation', async () => {
    for (const kind of Object.keys(PROBLEMS)) {
      const response = await exports.default.fetch(`http://x/problems/${kind}`, { redirect: 'manual' })
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe(`/docs#problem-${kind}`)
    }
    const unknown = await exports.default.fetch('http://x/problems/no-such-kind', { redirect: 'manual' })
    expect(unknown.status).toBe(404)
  })
})
