import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { TrieRouter } from 'hono/router/trie-router'
import type { RouterRoute } from 'hono/types'
import { problemResponse } from './problem'

/** Paths under `/api` also answer CORS preflights (see cors.ts). */
const answersPreflight = (path: string) => path.startsWith('/api/')

/**
 * The methods the app serves at a path, read from its own route table the
 * first time it is needed (every route is mounted by then), so the answer can
 * never drift from the routes. Middleware (`ALL`) does not count.
 */
export function routeMethods(routes: () => readonly RouterRoute[]): (path: string) => string[] {
  let router: TrieRouter<string> | undefined
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>()
      for (const route of routes()) if (route.method !== 'ALL') router.add('ALL', route.path, route.method)
    }
    const methods = new Set(router.match('ALL', path)[0].map(([method]) => method))
    if (methods.size === 0) return []
    if (methods.has('GET')) methods.add('HEAD')
    if (answersPreflight(path)) methods.add('OPTIONS')
    return [...methods]
  }
}

/**
 * Turns a 404 into a 405 with `Allow` when the path exists but not for this
 * method (DELETE /api/search, POST /api/articles/x). A 404 a handler chose
 * itself (an unknown article id) is an error, not a missing route, and stays.
 */
export function methodNotAllowed(methodsAt: (path: string) => string[]): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    await next()
    if (c.res.status !== 404 || c.error) return
    const allowed = methodsAt(c.req.path)
    if (allowed.length === 0 || allowed.includes(c.req.method)) return
    const allow = allowed.join(', ')
    c.res.headers.delete('Content-Length')
    c.res = problemResponse('method-not-allowed', `${c.req.path} answers ${allow}, not ${c.req.method}.`, { allow: allowed }, { Allow: allow })
  })
}

/** A preflight for a path nothing is served at is a 404 like any other request to it. */
export function onlyKnownPaths(methodsAt: (path: string) => string[], middleware: MiddlewareHandler): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'OPTIONS' && methodsAt(c.req.path).length === 0) return next()
    return middleware(c, next)
  })
}

/** Runs the middleware only for a method the path is routed for: a 404 or a 405 must not cost a client its limit. */
export function onlyRoutedMethods(methodsAt: (path: string) => string[], middleware: MiddlewareHandler): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    if (!methodsAt(c.req.path).includes(c.req.method)) return next()
    return middleware(c, next)
  })
}
