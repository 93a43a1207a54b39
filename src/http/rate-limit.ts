import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './app-env'
import { ProblemError } from './problem'

/**
 * Reads (GET and HEAD), extraction (POST /api/extract) and writes to the live
 * segment (PUT, DELETE, POST /api/articles) are limited separately: each has
 * its own cost, and a burst of one must not use up another's budget.
 */
export const LIMITS = {
  read: { binding: 'SEARCH_LIMITER', what: 'read', periodSeconds: 60 },
  extract: { binding: 'EXTRACT_LIMITER', what: 'extract', periodSeconds: 60 },
  write: { binding: 'WRITE_LIMITER', what: 'write', periodSeconds: 60 },
} as const
// `periodSeconds` repeats `simple.period` of wrangler.toml, which the binding does not expose; test/node/rate-limit.test.ts holds them equal.
const { read: READ, extract: EXTRACT, write: WRITE } = LIMITS

/**
 * Seconds from `nowMs` until the limiter's current window ends. The binding
 * answers only success or failure; its windows are fixed and aligned to the
 * clock (the window of period P starts at a multiple of P seconds since the
 * epoch: how the Workers runtime's limiter counts locally), so what is left
 * is P minus the time since the last multiple, rounded up, at least 1.
 */
export function secondsUntilWindowEnds(periodSeconds: number, nowMs: number): number {
  const elapsed = (nowMs / 1000) % periodSeconds
  return Math.min(periodSeconds, Math.max(1, Math.ceil(periodSeconds - elapsed)))
}

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
    const wait = secondsUntilWindowEnds(rule.periodSeconds, Date.now())
    throw new ProblemError(
      'rate-limited',
      `Too many ${rule.what} requests from ${ip}: wait ${wait} seconds before trying again.`,
      { retryAfter: wait },
      { 'Retry-After': String(wait) },
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
