import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { CODE_VERSION } from '../../generated/code-version'
import type { AppEnv } from './app-env'

/**
 * Answers change only when the bundle does (a new build, a new deploy), so a
 * minute of freshness plus ten of stale-while-revalidate costs a reader at most
 * a minute of staleness and saves almost every repeated query.
 */
export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

/** Health is about now, not about the bundle; the live segment's export needs the token: never cached. */
export const UNCACHED_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/live/export'])

/**
 * HTTP caching for the API: a successful GET/HEAD gets `Cache-Control` and an
 * `ETag` derived from the code version, the bundle version, the live segment's
 * version and the request (HEAD shares GET's
 * tag, as HTTP requires), and a matching `If-None-Match` gets a bodiless 304.
 * Everything else (errors, POSTs, health) is `no-store`.
 */
export const httpCache = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  const readable = c.req.method === 'GET' || c.req.method === 'HEAD'
  if (!readable || c.res.status !== 200 || UNCACHED_PATHS.has(c.req.path)) {
    c.header('Cache-Control', 'no-store')
    return
  }
  const tag = await entityTag(c)
  c.header('ETag', tag)
  c.header('Cache-Control', CACHE_CONTROL)
  if (matches(c.req.header('If-None-Match'), tag)) {
    const headers = new Headers(c.res.headers)
    headers.delete('Content-Type')
    headers.delete('Content-Length')
    await c.res.body?.cancel()
    c.res = undefined
    c.res = new Response(null, { status: 304, headers })
  }
})

async function entityTag(c: Context<AppEnv>): Promise<string> {
  return entityTagFor({ code: CODE_VERSION, ...c.var.reader.version(), url: c.req.url })
}

/**
 * The tag of the answer to `GET url`: it changes when the code that shapes the
 * answer changes (a deploy), when the indexed content does (a build) or when
 * the live segment does (a write), and for no other reason.
 */
export async function entityTagFor(parts: { code: string; bundle: string; live: number; url: string }): Promise<string> {
  const request = `${parts.code} ${parts.bundle}${parts.live > 0 ? ` live ${parts.live}` : ''} GET ${parts.url}`
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(request)))
  const hex = [...digest.subarray(0, 12)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  // Weak: the bytes on the wire differ with compression, the meaning does not.
  return `W/"${hex}"`
}

/** `If-None-Match` uses the weak comparison: `W/` is ignored, `*` matches anything. */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false
  const opaque = (value: string) => value.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate) === opaque(tag))
}
