import type { Context } from 'hono'
import type { AppEnv } from './app-env'
import { cors } from 'hono/cors'

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS']
const WRITE_METHODS = [...READ_METHODS, 'POST']

/** `*` or a comma-separated list of origins (`https://a.example, https://b.example`); empty or unset is none. */
export function parseOrigins(value: string | undefined): '*' | Set<string> {
  const trimmed = value?.trim() ?? ''
  if (trimmed === '*') return '*'
  return new Set(
    trimmed
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  )
}

function allows(list: '*' | Set<string>, origin: string): boolean {
  return list === '*' || list.has(origin)
}

/** Reading is open to any origin unless configured; writing (POST /api/extract) only to origins listed for it. */
function corsPolicy(c: Context<AppEnv>) {
  const env = c.env
  return {
    read: parseOrigins(env.CORS_ORIGINS ?? '*'),
    write: parseOrigins(env.CORS_POST_ORIGINS),
  }
}

/** The method the browser is about to use: the preflight names it, an actual request is it. */
function intendedMethod(c: Context<AppEnv>): string {
  return c.req.method === 'OPTIONS' ? (c.req.header('Access-Control-Request-Method') ?? '').toUpperCase() : c.req.method
}

/**
 * CORS for `/api/*`, configured by `CORS_ORIGINS` (GET/HEAD, default any origin)
 * and `CORS_POST_ORIGINS` (POST, default none) in wrangler.toml `[vars]`.
 * A disallowed origin gets no `Access-Control-Allow-Origin`, so the browser
 * refuses to hand the answer to the page; non-browser clients are unaffected.
 * Preflights are cached by browsers for a day.
 */
export const apiCors = cors({
  origin: (origin, c) => {
    const policy = corsPolicy(c)
    const list = intendedMethod(c) === 'POST' ? policy.write : policy.read
    if (!allows(list, origin)) return null
    return list === '*' ? '*' : origin
  },
  allowMethods: (origin, c) => (allows(corsPolicy(c).write, origin) ? WRITE_METHODS : READ_METHODS),
  allowHeaders: ['Content-Type', 'If-None-Match', 'X-Request-Id'],
  exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id'],
  maxAge: 86_400,
})
