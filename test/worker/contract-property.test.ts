/**
 * The contract test: every operation of the served `/openapi.json`, called as a
 * client with requests whose parameters and bodies are drawn from the
 * document's own schemas (valid values, boundary values and, one at a time,
 * invalid ones), must get a status the document lists for that operation, in
 * the media type it lists, with a body that validates against the schema it
 * lists, and the headers it promises. A request that is valid by the document
 * must not be refused, and one that breaks it must be. Seeded and bounded, so
 * a failure replays.
 */
import { Validator, type Schema } from '@cfworker/json-schema'
import { env, exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { VISIBLE_CHARACTER } from '../../src/routes/params'

type JsonSchema = Record<string, any>
type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; schema: JsonSchema }
type Media = { schema?: JsonSchema }
type Response = { content?: Record<string, Media>; headers?: Record<string, unknown> }
type Operation = { parameters?: Parameter[]; requestBody?: { content: Record<string, Media> }; responses: Record<string, Response> }
type Document = { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> }

const TOKEN = 'test-ingest-token'
const RUNS_PER_OPERATION = 24
const SEED = 19

/** A request as drawn: where it goes, and whether the document says it is valid. */
type Drawn = { method: string; url: string; headers: Record<string, string>; body?: string; valid: boolean; knownId: boolean; why: string }

const corpusIds = env.TEST_CORPUS_ARTICLES.map((article) => article.id)
/** Ids of the entity registry (`/api/entities/{id}`), read from the served API before the run. */
let entityIds: string[] = []

// ---- values from schemas ---------------------------------------------------

/** Values the schema accepts, boundaries (minimum, maximum, longest) included. */
function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]))
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.anyOf || schema.oneOf) return fc.oneof(...((schema.anyOf ?? schema.oneOf) as JsonSchema[]).map(validValue))
  switch (schema.type) {
    case 'integer': {
      const min = schema.minimum ?? -1000
      const max = schema.maximum ?? 1000
      return fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }))
    }
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 })
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(validValue(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) })
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
      const arbitraries = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property)]))
      return fc.record(arbitraries, { requiredKeys: (schema.required ?? []) as string[] })
    }
    case 'string':
      return validString(schema)
    default:
      return fc.jsonValue()
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'date')
    return fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
  if (schema.format === 'uri') return fc.webUrl()
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 60
  const pattern = schema.pattern ? new RegExp(schema.pattern as string, 'u') : undefined
  const fits = (value: string) => [...value].length >= min && [...value].length <= max && (!pattern || pattern.test(value))
  const words = fc.string({ unit: fc.constantFrom(...'abcdefghij klmnoé–Ω'), minLength: Math.max(min, 1), maxLength: Math.min(max, 40) })
  const anyText = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 40) })
  const longest = fc.constant('x'.repeat(max))
  const candidates =
    pattern && schema.pattern !== VISIBLE_CHARACTER.source && !/^\^\[\^/.test(schema.pattern as string)
      ? fc.stringMatching(pattern)
      : fc.oneof(words, anyText, longest)
  return candidates.filter(fits)
}

/** How a query or path value can break the schema, as the text on the wire. */
function invalidWireValues(schema: JsonSchema): string[] {
  const out: string[] = []
  if (schema.enum) out.push('not-one-of-them')
  if (schema.type === 'integer') out.push(String(schema.minimum - 1), String(schema.maximum + 1), 'seven', '1.5')
  if (schema.type === 'string') {
    if (schema.format === 'date') out.push('2026-02-30', '2026-2-5', 'yesterday')
    if ((schema.minLength ?? 0) >= 1) out.push('')
    if (schema.maxLength !== undefined) out.push('y'.repeat(schema.maxLength + 1))
    if (schema.pattern === VISIBLE_CHARACTER.source) out.push('   ', '\u200b', '\u0000')
    if (schema.pattern === '^\\d{4}$') out.push('20244')
  }
  for (const option of (schema.anyOf ?? []) as JsonSchema[]) out.push(...invalidWireValues(option))
  return [...new Set(out)]
}

/** How a body field can break the schema. */
function invalidBodyValues(schema: JsonSchema): unknown[] {
  const out: unknown[] = schema.type === 'string' ? [42] : [`not a ${schema.type ?? 'value'}`]
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) out.push(schema.minimum - 1)
    if (schema.maximum !== undefined) out.push(schema.maximum + 1)
  }
  if (schema.type === 'string') out.push(...invalidWireValues(schema))
  if (schema.type === 'object') out.push([])
  return out
}

// ---- requests from operations -----------------------------------------------

const pick = <T>(values: T[]) => fc.constantFrom(...values)

/** One drawn request for `method path`: all valid, or valid but for one broken part. */
function requestFor(path: string, method: string, operation: Operation): fc.Arbitrary<Drawn> {
  const parameters = operation.parameters ?? []
  const query = parameters.filter((parameter) => parameter.in === 'query')
  const idParameter = parameters.find((parameter) => parameter.in === 'path')
  const isWrite = method !== 'get'
  const needsToken = '401' in operation.responses
  const bodySchema = operation.requestBody?.content['application/json']?.schema

  // `entity` names a registry entry as a path id does: drawn mostly from the registry, so both answers are reached.
  const validParameter = (parameter: Parameter) =>
    parameter.name === 'entity'
      ? fc.oneof({ arbitrary: pick(entityIds), weight: 3 }, { arbitrary: validValue(parameter.schema), weight: 1 })
      : validValue(parameter.schema)
  const validQuery = fc.record(Object.fromEntries(query.map((parameter) => [parameter.name, validParameter(parameter)])), {
    requiredKeys: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  })
  const known = path.startsWith('/api/entities/') ? entityIds : corpusIds
  const knownId = pick(known)
  const validId = idParameter
    ? fc.oneof(
        { arbitrary: isWrite ? fc.constant('contract/one') : knownId, weight: 3 },
        { arbitrary: validValue(idParameter.schema) as fc.Arbitrary<string>, weight: 1 },
      )
    : fc.constant('')
  const validBody = bodySchema ? validValue(bodySchema) : fc.constant(undefined)

  type Breakage = { why: string; apply: (parts: Parts) => Parts }
  type Parts = { query: Record<string, unknown>; id: string; body: unknown; headers: Record<string, string>; rawBody?: string }
  const breakages: Breakage[] = []
  for (const parameter of query) {
    if (parameter.required) breakages.push({ why: `${parameter.name} missing`, apply: (parts) => ({ ...parts, query: omit(parts.query, parameter.name) }) })
    for (const bad of invalidWireValues(parameter.schema)) {
      breakages.push({
        why: `${parameter.name}=${JSON.stringify(bad.slice(0, 20))}`,
        apply: (parts) => ({ ...parts, query: { ...parts.query, [parameter.name]: bad } }),
      })
    }
    if (parameter.schema.anyOf?.some((option: JsonSchema) => option.type === 'array')) {
      const maxItems = parameter.schema.anyOf.find((option: JsonSchema) => option.type === 'array').maxItems as number
      breakages.push({
        why: `${parameter.name} repeated ${maxItems + 1} times`,
        apply: (parts) => ({ ...parts, query: { ...parts.query, [parameter.name]: Array.from({ length: maxItems + 1 }, (_, i) => `v${i}`) } }),
      })
    }
  }
  if (idParameter) {
    breakages.push({ why: 'id one over the longest', apply: (parts) => ({ ...parts, id: 'z'.repeat(idParameter.schema.maxLength + 1) }) })
    breakages.push({ why: 'id with a control character', apply: (parts) => ({ ...parts, id: 'bad\u0007id' }) })
  }
  if (bodySchema) {
    const properties = (bodySchema.properties ?? {}) as Record<string, JsonSchema>
    for (const name of (bodySchema.required ?? []) as string[])
      breakages.push({ why: `body without ${name}`, apply: (parts) => ({ ...parts, body: omit(parts.body as Record<string, unknown>, name) }) })
    for (const [name, property] of Object.entries(properties)) {
      for (const bad of invalidBodyValues(property)) {
        breakages.push({
          why: `body ${name}=${JSON.stringify(bad).slice(0, 30)}`,
          apply: (parts) => ({ ...parts, body: { ...(parts.body as object), [name]: bad } }),
        })
      }
    }
    breakages.push({ why: 'body not JSON', apply: (parts) => ({ ...parts, rawBody: '{"text": ' }) })
    breakages.push({ why: 'body as text/plain', apply: (parts) => ({ ...parts, headers: { ...parts.headers, 'Content-Type': 'text/plain' } }) })
  }
  if (needsToken) {
    breakages.push({ why: 'no token', apply: (parts) => ({ ...parts, headers: omit(parts.headers, 'Authorization') }) })
    breakages.push({ why: 'wrong token', apply: (parts) => ({ ...parts, headers: { ...parts.headers, Authorization: 'Bearer wrong' } }) })
  }

  const headers: Record<string, string> = {
    ...(bodySchema ? { 'Content-Type': 'application/json' } : {}),
    ...(needsToken ? { Authorization: `Bearer ${TOKEN}` } : {}),
  }
  const breakage = breakages.length > 0 ? fc.option(pick(breakages), { freq: 2 }) : fc.constant(null)
  return fc.tuple(validQuery, validId, validBody, breakage).map(([q, id, drawnBody, broken]): Drawn => {
    const parts = (broken?.apply ?? ((p: Parts) => p))({ query: q, id, body: drawnBody, headers })
    const broke = broken?.why ?? ruleBroken(method, parts.query, parts.id, parts.body)
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(parts.query)) for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item))
    const target = path.replace('{id}', encodeURIComponent(parts.id)) + (search.size > 0 ? `?${search}` : '')
    const body = parts.rawBody ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body))
    return {
      method: method.toUpperCase(),
      url: `http://contract.test${target}`,
      headers: parts.headers,
      ...(body === undefined ? {} : { body }),
      valid: broke === undefined,
      knownId:
        (!idParameter || known.includes(parts.id) || (isWrite && method !== 'delete')) &&
        (typeof parts.query.entity !== 'string' || entityIds.includes(parts.query.entity)),
      why: broke ?? 'valid',
    }
  })
}

/**
 * The rules that JSON Schema cannot state and the operations' descriptions do:
 * `to` not before `from`; written ids unique in a bulk body, with no `.` or
 * `..` segment and not ending in a sub-resource.
 */
function ruleBroken(method: string, query: Record<string, unknown>, id: string, body: unknown): string | undefined {
  if (typeof query.from === 'string' && typeof query.to === 'string' && query.from > query.to) return 'to before from'
  if (method === 'get') return undefined
  const articles = (body as { articles?: Array<{ id?: unknown }> } | undefined)?.articles
  const ids = [id, ...(Array.isArray(articles) ? articles.map((article) => String(article?.id ?? '').trim()) : [])].filter(Boolean)
  if (new Set(ids).size < ids.length) return 'an id twice'
  if (ids.some((written) => written.split('/').some((segment) => segment === '.' || segment === '..') || /\/(?:summary|facts)$/.test(written)))
    return 'an id no article can have'
  return undefined
}

function omit<T extends Record<string, unknown>>(record: T, key: string): T {
  const { [key]: _dropped, ...rest } = record
  return rest as T
}

// ---- checking answers against the document ----------------------------------

/** A validator for one schema of the document; `$ref`s resolve inside the document's components. */
function validatorFor(schema: JsonSchema, document: Document): Validator {
  return new Validator({ ...schema, components: document.components } as Schema, '2020-12', false)
}

async function check(document: Document, operation: Operation, drawn: Drawn, seen = new Set<number>()): Promise<string[]> {
  const response = await exports.default.fetch(drawn.url, {
    method: drawn.method,
    headers: drawn.headers,
    ...(drawn.body === undefined ? {} : { body: drawn.body }),
  })
  const where = `${drawn.method} ${drawn.url.slice(0, 160)} (${drawn.why}) → ${response.status}`
  const failures: string[] = []
  seen.add(response.status)
  const documented = operation.responses[String(response.status)]
  if (!documented) {
    await response.body?.cancel()
    return [`${where}: status not in the document (${Object.keys(operation.responses).join(', ')})`]
  }
  if (drawn.valid && drawn.knownId && response.status >= 400)
    failures.push(`${where}: a request valid by the document was refused: ${await response.clone().text()}`)
  if (!drawn.valid && response.status < 400) failures.push(`${where}: a request that breaks the document was accepted`)
  if (!response.headers.get('X-Request-Id')) failures.push(`${where}: no X-Request-Id`)
  for (const name of Object.keys(documented.headers ?? {})) {
    if (name === 'Allow' || name === 'WWW-Authenticate' || name === 'X-Request-Id') continue
    if (!response.headers.get(name)) failures.push(`${where}: no ${name} header, which the document promises`)
  }
  const contentType = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim()
  const media = documented.content?.[contentType]
  if (!documented.content) {
    await response.body?.cancel()
    return failures
  }
  if (!media) {
    await response.body?.cancel()
    return [...failures, `${where}: Content-Type ${contentType || '(none)'}, the document says ${Object.keys(documented.content).join(' or ')}`]
  }
  const body: unknown = await response.json()
  const result = validatorFor(media.schema ?? {}, document).validate(body)
  if (!result.valid)
    failures.push(
      `${where}: body does not match the documented schema: ${result.errors
        .slice(-3)
        .map((error) => `${error.instanceLocation} ${error.error}`)
        .join('; ')}`,
    )
  return failures
}

async function servedDocument(): Promise<Document> {
  const response = await exports.default.fetch('http://contract.test/openapi.json')
  expect(response.status).toBe(200)
  return (await response.json()) as Document
}

describe('the served API against its OpenAPI document (property-based)', () => {
  beforeAll(async () => {
    const response = await exports.default.fetch('http://contract.test/api/entities?limit=50')
    entityIds = ((await response.json()) as { entities: { id: string }[] }).entities.map((entity) => entity.id)
    expect(entityIds.length).toBeGreaterThan(0)
  })

  it('answers every operation with a documented status, media type, headers and body, accepting what the document allows and refusing what it does not', async () => {
    const document = await servedDocument()
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    )
    expect(operations.length).toBeGreaterThanOrEqual(14)
    let requests = 0
    for (const { path, method, operation } of operations) {
      const seen = new Set<number>()
      await fc.assert(
        fc.asyncProperty(requestFor(path, method, operation), async (drawn) => {
          requests++
          expect(await check(document, operation, drawn, seen)).toEqual([])
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      )
      // The draws reached both sides of the contract: answered requests and refused ones.
      expect(
        [...seen].some((status) => status === 200),
        `${method} ${path}: ${[...seen]}`,
      ).toBe(true)
      const breakable = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined
      if (breakable)
        expect(
          [...seen].some((status) => status >= 400 && status < 500),
          `${method} ${path}: ${[...seen]}`,
        ).toBe(true)
    }
    expect(requests).toBe(operations.length * RUNS_PER_OPERATION)
  })

  it('finds a document that promises more than the server does: a schema the answers break is reported', async () => {
    const document = await servedDocument()
    const operation = structuredClone(document.paths['/api/health']!.get!)
    operation.responses['200']!.content!['application/json']!.schema = { type: 'object', required: ['uptime'] }
    const failures = await check(document, operation, {
      method: 'GET',
      url: 'http://contract.test/api/health',
      headers: {},
      valid: true,
      knownId: true,
      why: 'valid',
    })
    expect(failures.join('\n')).toMatch(/body does not match the documented schema/)
  })
})
