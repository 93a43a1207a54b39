import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** An RFC 9457 problem: `type` names the kind of problem, `detail` says what to fix. */
export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  [extension: string]: unknown
}

/** The kinds of problem this API answers with; `type` is `/problems/<kind>` (documented at `/docs`). */
export const PROBLEMS = {
  'invalid-parameters': { status: 400, title: 'Invalid request parameters' },
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  unauthorized: { status: 401, title: 'Missing or wrong ingest token' },
  'writes-disabled': { status: 403, title: 'Writes are switched off' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'invalid-article': { status: 422, title: 'Invalid article' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal error' },
  'shards-unavailable': { status: 503, title: 'A shard did not answer' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>

export type ProblemKind = keyof typeof PROBLEMS

/** Thrown anywhere in a request; the app's error handler turns it into a problem+json response. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }

  toResponse(): Response {
    return problemResponse(this.kind, this.detail, this.extensions, this.headers)
  }
}

export function problemResponse(kind: ProblemKind, detail: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  const { status, title } = PROBLEMS[kind]
  const body: Problem = { type: `/problems/${kind}`, title, status, detail, ...extensions }
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })
}
