import { Hono } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import type { AppEnv } from '../http/app-env'
import { articleRoutes } from './articles'
import { briefRoutes } from './brief'
import { factRoutes } from './facts'
import { listingRoutes } from './listing'
import { relatedRoutes } from './related'
import { searchRoutes } from './search'
import { suggestRoutes } from './suggest'

/**
 * The API routes that read the corpus through `c.var.reader` only: the one
 * Worker (src/app.ts) and a sharded build's front (src/shards/front-worker.ts)
 * both mount these, so they answer alike.
 *
 * Article ids may contain `/`, so `/articles/:id{.+}/summary` must win over `/articles/:id{.+}`:
 * the RegExpRouter picked by default gets that wrong, the TrieRouter gets it right.
 * Where two routes match, the one registered first answers: so `related` comes before `/articles/:id{.+}`.
 */
export const readerApiRoutes = new Hono<AppEnv>({ router: new TrieRouter() })
  .route('/', searchRoutes)
  .route('/', suggestRoutes)
  .route('/', listingRoutes)
  .route('/', relatedRoutes)
  .route('/', articleRoutes)
  .route('/', briefRoutes)
  .route('/', factRoutes)
