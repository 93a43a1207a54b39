import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
import { analyzeArticle } from '../analysis/analyze'
import { IsoDate, MAX_ARTICLE_BODY_BYTES, MAX_ARTICLE_TEXT_BYTES, textSizeProblem } from '../corpus/article'
import { ProblemError } from '../http/problem'
import { validate } from '../http/validate'
import { extractDoc } from '../openapi/routes'
import { VISIBLE_CHARACTER } from './params'

export const ExtractBodySchema = v.object({
  text: v.pipe(
    v.string('is required and must be a string: the article text to analyse'),
    v.nonEmpty('must not be empty'),
    v.regex(VISIBLE_CHARACTER, 'must contain words, not only white space or invisible characters'),
  ),
  title: v.optional(v.pipe(v.string('must be a string'), v.maxLength(1000, 'must be at most 1000 characters'))),
  date: v.optional(IsoDate),
  summary: v.optional(
    v.object({
      sentences: v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(1, 'must be at least 1'),
        v.maxValue(50, 'must be at most 50'),
      ),
    }),
  ),
})

/** 415 unless the body is declared JSON; 400 with the parser's position when it is not valid JSON. */
export const requireJsonBody = createMiddleware(async (c, next) => {
  const type = c.req.header('Content-Type') ?? ''
  if (!/^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ProblemError('unsupported-media-type', `Send the body as JSON with "Content-Type: application/json" (got "${type || 'no Content-Type'}").`)
  }
  try {
    await c.req.json()
  } catch (error) {
    throw new ProblemError('malformed-json', `The body is not valid JSON: ${(error as Error).message}`)
  }
  await next()
})

const limitBody = bodyLimit({
  maxSize: MAX_ARTICLE_BODY_BYTES,
  onError: () => {
    throw new ProblemError('payload-too-large', `The body must be at most ${MAX_ARTICLE_BODY_BYTES} bytes (512 KiB): send a shorter text.`)
  },
})

/** The product's article size limit, the same as at build and ingest: a 413 that names `text` and the limit. */
function refuseOversizedText(text: string): void {
  const problem = textSizeProblem(text)
  if (!problem) return
  throw new ProblemError('payload-too-large', `body field "text" ${problem}.`, {
    errors: [{ name: 'text', in: 'body field', message: `must be at most ${MAX_ARTICLE_TEXT_BYTES} bytes of UTF-8` }],
  })
}

export const extractRoutes = new Hono().post('/extract', extractDoc, limitBody, requireJsonBody, validate('json', ExtractBodySchema), (c) => {
  const { text, title, date, summary } = c.req.valid('json')
  refuseOversizedText(text)
  const analysis = analyzeArticle({
    text,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(summary ? { summarySentences: summary.sentences } : {}),
  })
  return c.json(analysis)
})
