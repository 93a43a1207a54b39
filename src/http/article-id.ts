import { createMiddleware } from 'hono/factory'
import { MAX_ARTICLE_ID_LENGTH } from '../corpus/article'
import { ProblemError } from './problem'

const PREFIX = '/api/articles/'
/** The sub-resources of an article (routes/articles.ts, related.ts, facts.ts): not part of the id. */
const SUB_RESOURCE = /\/(?:summary|related|facts)$/
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/

/**
 * Article ids are looked up, never used as paths, so `../` and its encodings
 * are simply unknown ids (404). What no id can be is refused up front with a
 * 400 that says why: longer than any id the corpus accepts, or holding control
 * characters. Malformed percent-encoding is left as it is (and so unknown).
 */
export const checkArticleId = createMiddleware(async (c, next) => {
  const pathname = new URL(c.req.url).pathname
  if (pathname.startsWith(PREFIX)) {
    const raw = pathname.slice(PREFIX.length)
    const id = safeDecode(raw).replace(SUB_RESOURCE, '')
    if (id.length > MAX_ARTICLE_ID_LENGTH) {
      throw new ProblemError('invalid-parameters', `Article ids are at most ${MAX_ARTICLE_ID_LENGTH} characters; this one has ${id.length}.`, {
        errors: [{ name: 'id', in: 'path parameter', message: `must be at most ${MAX_ARTICLE_ID_LENGTH} characters` }],
      })
    }
    const control = CONTROL_CHARACTER.exec(id)
    if (control) {
      const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
      throw new ProblemError('invalid-parameters', `Article ids never contain control characters; this one has ${code}.`, {
        errors: [{ name: 'id', in: 'path parameter', message: 'must not contain control characters' }],
      })
    }
  }
  await next()
})

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
