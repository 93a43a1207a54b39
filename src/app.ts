import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { TrieRouter } from 'hono/router/trie-router'
import { ProblemError, problemResponse } from './http/problem'
import { articleRoutes } from './routes/articles'
import { extractRoutes } from './routes/extract'
import { healthRoutes } from './routes/health'
import { searchRoutes } from './routes/search'

// Article ids may contain `/`, so `/articles/:id{.+}/summary` must win over `/articles/:id{.+}`:
// the RegExpRouter picked by default gets that wrong, the TrieRouter gets it right.
const api = new Hono({ router: new TrieRouter() }).route('/', searchRoutes).route('/', articleRoutes).route('/', extractRoutes).route('/', healthRoutes)

export const app = new Hono({ router: new TrieRouter() })
  .route('/api', api)
  .notFound((c) => problemResponse('not-found', `Nothing is served at ${c.req.method} ${new URL(c.req.url).pathname}. The API lives under /api (see /docs).`))
  .onError((error) => {
    if (error instanceof ProblemError) return error.toResponse()
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse('invalid-parameters', error.message || 'The request could not be understood.')
    }
    console.error(error)
    return problemResponse('internal-error', 'The service failed to answer this request; it has been logged. Try again later.')
  })

export type AppType = typeof app
