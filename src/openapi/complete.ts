/**
 * What the generator cannot know from the routes, added to the document it
 * generates: paths whose parameter carries a pattern (`:id{…}`) in OpenAPI's
 * syntax, parameter bounds and examples, and the headers every answer carries
 * (set by the middleware of src/http, which the generator does not see).
 */
import type { OpenAPIV3_1 } from 'openapi-types'
import { UNCACHED_PATHS } from '../http/cache'
import { LIMITS } from '../http/rate-limit'
import { addBodyExamples, describeParameters } from './parameters'

type Operation = OpenAPIV3_1.OperationObject
type Parameter = OpenAPIV3_1.ParameterObject

const HEADERS: Record<string, OpenAPIV3_1.HeaderObject> = {
  'X-Request-Id': {
    description:
      'The request’s own `X-Request-Id` when it sent a sane one (letters, digits, `_.:=-`, at most 128), else a fresh UUID: quote it when reporting a problem.',
    schema: { type: 'string', minLength: 1, maxLength: 128 },
  },
  'Cache-Control': {
    description: '`public, max-age=60, stale-while-revalidate=600` on a successful read; `no-store` on errors, writes, extraction and health.',
    schema: { type: 'string' },
  },
  ETag: {
    description:
      'A weak tag of this answer: it changes when the indexed content, the live segment or the code of the service changes. Send it back in `If-None-Match` to get a 304 while it is current.',
    schema: { type: 'string', pattern: '^W/"[0-9a-f]+"$' },
  },
  'Retry-After': {
    description: 'Seconds until the rate limiter’s window ends and the client may send again (at most the window’s period).',
    schema: { type: 'integer', minimum: 1, maximum: Math.max(...Object.values(LIMITS).map((limit) => limit.periodSeconds)) },
  },
  Allow: { description: 'The methods this path answers.', schema: { type: 'string' } },
  'WWW-Authenticate': { description: 'The scheme the write API expects: `Bearer`.', schema: { type: 'string' } },
}

const header = (name: keyof typeof HEADERS): OpenAPIV3_1.ReferenceObject => ({ $ref: `#/components/headers/${name}` })

/** Completes the generated document in place. */
export function completeDocument(document: OpenAPIV3_1.Document): void {
  const paths = (document.paths = normalizePatternPaths(document.paths ?? {}))
  describeParameters(paths)
  addBodyExamples(paths)
  markDates(document)
  document.components = { ...document.components, headers: { ...document.components?.headers, ...HEADERS } }
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of operationsOf(item)) declareHeaders(path, method, operation)
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

function operationsOf(item: OpenAPIV3_1.PathItemObject | undefined): Array<[string, Operation]> {
  return METHODS.flatMap((method) => (item?.[method] ? [[method, item[method]] as [string, Operation]] : []))
}

/** Which headers each answer carries, and the 304 of every cached read. */
function declareHeaders(path: string, method: string, operation: Operation): void {
  const responses = (operation.responses ??= {})
  const cached = method === 'get' && !UNCACHED_PATHS.has(path)
  if (cached) {
    responses['304'] ??= {
      description: 'Not modified: the copy whose `ETag` was sent in `If-None-Match` is still current. No body.',
      headers: { ETag: header('ETag'), 'Cache-Control': header('Cache-Control') },
    }
  }
  for (const [status, response] of Object.entries(responses)) {
    if ('$ref' in response) continue
    const headers: Record<string, OpenAPIV3_1.ReferenceObject> = { 'X-Request-Id': header('X-Request-Id'), 'Cache-Control': header('Cache-Control') }
    if (status === '200' && cached) headers.ETag = header('ETag')
    if (status === '429') headers['Retry-After'] = header('Retry-After')
    if (status === '405') headers.Allow = header('Allow')
    if (status === '401') headers['WWW-Authenticate'] = header('WWW-Authenticate')
    response.headers = { ...headers, ...response.headers }
  }
}

/** The dates' pattern (valibot's converter has no `format` for it): every schema with it is `format: date` too. */
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'

function markDates(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(markDates)
  if (typeof node !== 'object' || node === null) return
  const schema = node as Record<string, unknown>
  if (schema.type === 'string' && schema.pattern === DATE_PATTERN) schema.format ??= 'date'
  Object.values(schema).forEach(markDates)
}

/**
 * A route parameter with a pattern that ends the path (`/articles/:id{(?!…/facts$).+}`)
 * comes out of the generator as a broken path template: it becomes `{id}`, and
 * its operations join the path item of the same template, whose parameter
 * definition (bounds, description) they take.
 */
function normalizePatternPaths(paths: OpenAPIV3_1.PathsObject): OpenAPIV3_1.PathsObject {
  const normalized: OpenAPIV3_1.PathsObject = {}
  const patterned: Array<[string, string, OpenAPIV3_1.PathItemObject]> = []
  for (const [path, item] of Object.entries(paths)) {
    const match = /\{(\w+)\{.*$/.exec(path)
    if (match) patterned.push([`${path.slice(0, match.index)}{${match[1]}}`, match[1]!, item ?? {}])
    else normalized[path] = item
  }
  for (const [template, name, item] of patterned) {
    const target = (normalized[template] ??= {})
    const known = operationsOf(target)
      .flatMap(([, operation]) => (operation.parameters ?? []) as Parameter[])
      .find((parameter) => parameter.in === 'path' && parameter.name === name)
    for (const [method, operation] of operationsOf(item)) {
      operation.parameters = ((operation.parameters ?? []) as Parameter[]).map((parameter) =>
        parameter.in === 'path' && parameter.name.startsWith(`${name}{`) ? (known ?? { ...parameter, name, required: true }) : parameter,
      )
      ;(target as Record<string, Operation>)[method] = operation
    }
  }
  return normalized
}
