import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './app-env'
import { ProblemError } from './problem'

/**
 * The binding's period is 10 or 60 seconds and it does not say when the
 * window resets, so clients are told the longest: never too early.
 */
const RETRY_AFTER_SECONDS = 60

/**
 * Reads (GET and HEAD), extraction (POST /api/extract) and writes to the live
 * segment (PUT, DELETE, POST /api/articles) are limited separately: each has
 * its own cost, and a burst of one must not use up another's budget.
 */
const READ = { binding: 'SEARCH_LIMITER', what: 'read' } as const
const EXTRACT = { binding: 'EXTRACT_LIMITER', what: 'extract' } as const
const WRITE = { binding: 'WRITE_LIMITER', what: 'write' } as const

function limitFor(method: string, path: string) {
  if (method === 'GET' || method === 'HEAD') return READ
  if (method === 'PUT' || method === 'DELETE' || (method === 'POST' && path === '/api/articles')) return WRITE
  if (method === 'POST') return EXTRACT
  return undefined
}

/**
 * Limits each client IP with the Workers rate-limit bindings (`[[ratelimits]]`
 * in wrangler.toml: limit and period are configured there). Cloudflare sets
 * `CF-Connecting-IP` on every request from the internet and clients cannot
 * forge it; a request without it did not come through the edge (a service
 * binding, a test harness) and is not limited. Without the binding (removed
 * from the configuration) nothing is limited either: a missing limiter must
 * never take the service down.
 */
export const apiRateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const rule = limitFor(c.req.method, c.req.path)
  const limiter = rule && c.env[rule.binding]
  const ip = c.req.header('CF-Connecting-IP')
  if (rule && limiter && ip && !(await allowedBy(limiter, ip))) {
    throw new ProblemError(
      'rate-limited',
      `Too many ${rule.what} requests from ${ip}: wait ${RETRY_AFTER_SECONDS} seconds before trying again.`,
      { retryAfter: RETRY_AFTER_SECONDS },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    )
  }
  await next()
})

/** A limiter that fails lets the request through: limiting protects the service, it must not be what breaks it. */
async function allowedBy(limiter: RateLimit, key: string): Promise<boolean> {
  try {
    return (await limiter.limit({ key })).success
  } catch (error) {
    console.error('rate limiter failed, request allowed:', error)
    return true
  }
}
