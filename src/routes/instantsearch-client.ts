import { Hono } from 'hono'
import client from '../../generated/instantsearch-client.bundle'
import { WIDGET_CACHE_CONTROL } from './embed'

/** `/instantsearch-client.js`: the InstantSearch search client as an ES module, built by scripts/build-instantsearch-client.ts. */
export const instantSearchClientRoutes = new Hono().get('/instantsearch-client.js', (c) =>
  c.body(client, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': WIDGET_CACHE_CONTROL,
    'Cross-Origin-Resource-Policy': 'cross-origin',
    // Imported as a module from the host's origin, so it needs CORS.
    'Access-Control-Allow-Origin': '*',
  }),
)
