import { createMiddleware } from 'hono/factory'

const HEADER = 'X-Request-Id'
/** What a client or proxy may pass through: short and free of anything a log line or header could choke on. */
const SANE_ID = /^[\w.:=-]{1,128}$/

/**
 * Gives every response an `X-Request-Id`: the caller's own when it is sane (so
 * a client can correlate its logs with ours), else a fresh UUID. Set after the
 * handler so that error and 404 responses carry it too.
 */
export const requestId = createMiddleware(async (c, next) => {
  const incoming = c.req.header(HEADER)
  const id = incoming && SANE_ID.test(incoming) ? incoming : crypto.randomUUID()
  await next()
  c.header(HEADER, id)
})
