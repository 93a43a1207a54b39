import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'

/**
 * The API and the widget script are meant to be used from other origins: a
 * page anywhere loads `/embed.js` with a `<script>` tag and the widget fetches
 * `/api/*`. `Cross-Origin-Resource-Policy: same-origin` would block both, so
 * exactly these paths say `cross-origin`. Nothing else is loosened: embedding
 * works through the script, never through frames, so pages keep
 * `X-Frame-Options: SAMEORIGIN` (no clickjacking of our pages in others' frames).
 */
const isEmbeddable = (path: string) => path === '/embed.js' || path === '/api' || path.startsWith('/api/')

// `overwrite: false`: a route that sets one of these headers itself (say, a page with its own CSP) keeps it.
const forPages = secureHeaders({ overwrite: false })
const forEmbeddable = secureHeaders({
  overwrite: false,
  crossOriginResourcePolicy: 'cross-origin',
  // JSON and the widget's script never need to load anything or be framed.
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
})

export const securityHeaders = createMiddleware((c, next) => (isEmbeddable(c.req.path) ? forEmbeddable : forPages)(c, next))
