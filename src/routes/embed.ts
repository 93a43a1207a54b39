import { Hono } from 'hono'
import widget from '../../generated/embed.bundle'

/**
 * A host page loads the widget once and keeps it: an hour fresh, then served
 * stale for a day while it revalidates, so a new deploy reaches every host
 * within about an hour without a versioned URL in their pages.
 */
export const WIDGET_CACHE_CONTROL = 'public, max-age=3600, stale-while-revalidate=86400'

/** `/embed.js`: the `<news-search>` widget, built by scripts/build-widget.ts. */
export const embedRoutes = new Hono().get('/embed.js', (c) =>
  c.body(widget, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': WIDGET_CACHE_CONTROL,
    'Cross-Origin-Resource-Policy': 'cross-origin',
  }),
)
