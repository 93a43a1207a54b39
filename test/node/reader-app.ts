import { Hono } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import type { CorpusReader } from '../../src/bundle/corpus-reader'
import type { AppEnv } from '../../src/http/app-env'
import { provideReader } from '../../src/http/corpus'
import { entityRoutes } from '../../src/routes/entities'
import { readerApiRoutes } from '../../src/routes/reader-api'
import { frontError } from '../../src/shards/front-error'

/** The API routes that read through a reader (the entity registry's included), over `reader`, with the front's error answers (the one Worker's for every other error); routed as both Workers route. */
export function appOver(reader: CorpusReader) {
  return new Hono<AppEnv>({ router: new TrieRouter() })
    .use(provideReader(() => reader))
    .route('/api', readerApiRoutes)
    .route('/api', entityRoutes)
    .onError(frontError)
}
