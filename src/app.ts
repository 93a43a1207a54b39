import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { TrieRouter } from 'hono/router/trie-router'
import { getBundle } from './bundle/load'
import type { LoadedBundle } from './bundle/open'
import type { AppEnv } from './http/app-env'
import { provideCorpus, provideReader } from './http/corpus'
import { hardened } from './http/hardening'
import { liveReader } from './live/reader'
import { ProblemError, problemResponse } from './http/problem'
import { extractRoutes } from './routes/extract'
import { healthRoutes } from './routes/health'
import { docsRoutes } from './routes/docs'
import { embedRoutes } from './routes/embed'
import { pageRoutes } from './routes/pages'
import { entityRoutes } from './routes/entities'
import { readerApiRoutes } from './routes/reader-api'
import { ingestRoutes } from './routes/ingest'

// The routes that read the corpus through c.var.reader (a sharded front mounts the same), then those of the one Worker's own:
// extraction, health, the entity registry's, the write API (its methods differ from the article routes', so the order does not matter).
const api = new Hono<AppEnv>({ router: new TrieRouter() })
  .route('/', readerApiRoutes)
  .route('/', extractRoutes)
  .route('/', healthRoutes)
  .route('/', entityRoutes)
  .route('/', ingestRoutes)

/** The whole Worker app over `corpus`: the bundled one in production (src/index.ts), a few articles in memory in tests. */
export function createApp(corpus: () => LoadedBundle) {
  // The corpus and its reader first, so every middleware and route below reads them from c.var; then the hardening (src/http).
  const app = hardened(new Hono<AppEnv>({ router: new TrieRouter() }).use(provideCorpus(corpus)).use(provideReader((c) => liveReader(c.env, c.var.corpus))))
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

  // Outside /api: the widget, the pages and the docs, which are generated from the app's own routes.
  app.route('/', embedRoutes).route('/', pageRoutes).route('/', docsRoutes(app))
  return app
}

/** The Worker's app over the bundled corpus. */
export const app = createApp(getBundle)

export type AppType = typeof app
