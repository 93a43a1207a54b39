import type { Context } from 'hono'

/**
 * The Worker bindings the HTTP layer reads (wrangler.toml `[vars]` and `[[ratelimits]]`).
 * Every one is optional: a binding a maintainer removed switches its feature to its default.
 */
export type HttpBindings = {
  /** Origins allowed to read GET/HEAD answers cross-origin: `*`, or a comma-separated list. */
  CORS_ORIGINS?: string
  /** Origins allowed to POST cross-origin: a comma-separated list; empty means none. */
  CORS_POST_ORIGINS?: string
  SEARCH_LIMITER?: RateLimit
  EXTRACT_LIMITER?: RateLimit
  WRITE_LIMITER?: RateLimit
}

export function httpBindings(c: Context): HttpBindings {
  return (c.env ?? {}) as HttpBindings
}
