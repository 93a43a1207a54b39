import type { OpenAPIV3_1 } from 'openapi-types'
import { PROBLEMS, type ProblemKind } from '../http/problem'

/** When each kind of problem happens and what the client should do; shown at `/docs#problem-<kind>`. */
const PROBLEM_HELP: Partial<Record<ProblemKind, string>> = {
  'invalid-parameters':
    'A query parameter, path parameter or body field is missing or out of bounds. `errors` lists every bad field with where it is and why; fix them and send again.',
  'malformed-json': 'The body declared as JSON does not parse; `detail` gives the parser’s message and position.',
  'not-found':
    'No article has this id, or nothing is served at this path. Ids come from search hits; URL-encode `/` in ids as `%2F` or send it as path segments.',
  'method-not-allowed': 'The path exists but not for this HTTP method; the `Allow` header lists the methods it answers.',
  'payload-too-large': 'The body is over 256 KiB. Send a shorter text.',
  'unsupported-media-type': 'The body must be sent with `Content-Type: application/json`.',
  'rate-limited': 'Too many requests from this client in a short time; wait the number of seconds in `Retry-After`.',
  'internal-error': 'The service failed; the failure is logged. Retry later; this is never the client’s fault.',
}

export const problemKinds = () => Object.keys(PROBLEMS) as ProblemKind[]

export function problemHelp(kind: ProblemKind): string {
  return PROBLEM_HELP[kind] ?? PROBLEMS[kind].title
}

function example(kind: ProblemKind, detail: string): OpenAPIV3_1.ExampleObject {
  const { status, title } = PROBLEMS[kind]
  return { summary: title, value: { type: `/problems/${kind}`, title, status, detail } }
}

const EXAMPLE_DETAILS: Partial<Record<ProblemKind, string>> = {
  'invalid-parameters': 'query parameter "limit": must be at most 100',
  'malformed-json': 'The body is not valid JSON: Unexpected end of JSON input',
  'not-found': 'No article has the id "nope". Search with GET /api/search?q=… to find article ids.',
  'method-not-allowed': 'DELETE is not allowed at /api/search; it answers GET, HEAD.',
  'payload-too-large': 'The body must be at most 262144 bytes (256 KiB): send a shorter text.',
  'unsupported-media-type': 'Send the body as JSON with "Content-Type: application/json" (got "text/plain").',
  'rate-limited': 'Too many read requests from 203.0.113.7: wait 60 seconds before trying again.',
  'internal-error': 'The service failed to answer this request; it has been logged. Try again later.',
}

/** OpenAPI responses for the given problem kinds, one per status code, each with an example per kind. */
export function problemResponses(...kinds: ProblemKind[]): Record<string, OpenAPIV3_1.ResponseObject> {
  const byStatus = new Map<number, ProblemKind[]>()
  for (const kind of kinds) byStatus.set(PROBLEMS[kind].status, [...(byStatus.get(PROBLEMS[kind].status) ?? []), kind])
  const responses: Record<string, OpenAPIV3_1.ResponseObject> = {}
  for (const [status, group] of byStatus) {
    responses[String(status)] = {
      description: group.map((kind) => `[${PROBLEMS[kind].title}](/problems/${kind}): ${problemHelp(kind)}`).join('\n\n'),
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/Problem' },
          examples: Object.fromEntries(group.map((kind) => [kind, example(kind, EXAMPLE_DETAILS[kind] ?? PROBLEMS[kind].title)])),
        },
      },
    }
  }
  return responses
}
