import type { Hono } from 'hono'
import type { AppEnv } from './app-env'
import { checkArticleId } from './article-id'
import { httpCache } from './cache'
import { apiCors } from './cors'
import { securityHeaders } from './headers'
import { methodNotAllowed, onlyKnownPaths, onlyRoutedMethods, routeMethods } from './methods'
import { apiRateLimit } from './rate-limit'
import { requestId } from './request-id'

/**
 * The middleware every Worker that answers readers puts before its routes
 * (the one Worker, src/app.ts, and a sharded build's front), outermost
 * first: headers go on every answer, errors included; CORS answers
 * preflights before anything is limited; cached answers are still counted.
 * The allowed methods are read from the app's own routes once they are all
 * mounted (Hono's methods return the same app, so the routes added after
 * this call count).
 */
export function hardened(app: Hono<AppEnv>): Hono<AppEnv> {
  const methodsAt = routeMethods(() => app.routes)
  return app
    .use(requestId)
    .use(securityHeaders)
    .use(methodNotAllowed(methodsAt))
    .use('/api/*', onlyKnownPaths(methodsAt, apiCors))
    .use('/api/*', httpCache)
    .use('/api/*', onlyRoutedMethods(methodsAt, apiRateLimit))
    .use('/api/*', checkArticleId)
}
