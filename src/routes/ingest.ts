import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { describeRoute, resolver } from 'hono-openapi'
import * as v from 'valibot'
import { storedArticle } from '../article'
import type { StoredArticle } from '../article'
import { ArticleInputSchema, MAX_ARTICLE_BODY_BYTES, validateArticle } from '../corpus/article'
import type { AppEnv } from '../http/app-env'
import { ProblemError } from '../http/problem'
import { contentHash, corpusForm } from '../live/corpus-form'
import type { SnapshotHead } from '../live/segment'
import { validate } from '../http/validate'
import { integerParam } from './params'
import { invalidateLiveView, liveSegment } from '../live/front'
import { problemResponses } from '../openapi/problems'
import { requireJsonBody } from './extract'

export const MAX_BULK_ARTICLES = 100
const MAX_BULK_BYTES = 8 * 1024 * 1024

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
}

/** Bearer token against INGEST_TOKEN, compared in constant time over equal-length digests. */
const requireIngestToken = createMiddleware<AppEnv>(async (c, next) => {
  const { INGEST_TOKEN } = c.env
  const query = new URL(c.req.url).searchParams
  if (query.has('token') || query.has('access_token')) {
    throw new ProblemError('invalid-parameters', 'Never put the token in the URL (it ends up in logs): send it as "Authorization: Bearer <token>".')
  }
  if (!INGEST_TOKEN) {
    throw new ProblemError(
      'writes-disabled',
      'Writes are off: no INGEST_TOKEN is configured. In production run `wrangler secret put INGEST_TOKEN`; locally put INGEST_TOKEN=… in .dev.vars.',
    )
  }
  const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1]
  const [expected, actual] = await Promise.all([digest(INGEST_TOKEN), digest(given ?? '')])
  if (!given || !crypto.subtle.timingSafeEqual(expected, actual)) {
    throw new ProblemError(
      'unauthorized',
      given ? 'The bearer token is wrong.' : 'Send the ingest token as "Authorization: Bearer <token>".',
      {},
      { 'WWW-Authenticate': 'Bearer realm="news-edge ingest"' },
    )
  }
  await next()
})

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError('payload-too-large', `The body must be at most ${maxSize} bytes: send fewer or shorter articles.`)
    },
  })

type FieldError = { name: string; in: 'body field'; message: string }

/** Validates as the build does; the path's id wins, a different body id is an error. */
function checkArticle(raw: unknown, id: string | undefined, prefix: string): { article?: StoredArticle; errors: FieldError[] } {
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined
  if (!record) return { errors: [{ name: prefix || '(body)', in: 'body field', message: 'must be one article: a JSON object' }] }
  if (id !== undefined && record.id !== undefined && record.id !== id) {
    return { errors: [{ name: `${prefix}id`, in: 'body field', message: `must be the path's id "${id}" or left out` }] }
  }
  // The build's own check (schema and size limit), so a live article is held to what a corpus file is.
  const { articles, errors } = validateArticle(id === undefined ? record : { ...record, id }, 'request body')
  const valid = articles[0]
  if (!valid) return { errors: errors.map((error) => ({ name: `${prefix}${error.field}`, in: 'body field', message: error.reason })) }
  return { article: storedArticle(valid), errors: [] }
}

function rejectArticles(errors: FieldError[]): never {
  throw new ProblemError('invalid-article', errors.map((error) => `body field "${error.name}": ${error.message}`).join('; '), { errors })
}

/** Ids are never paths, but one that looks like a relative path (`..`, `./x`) would break `corpus:pull`'s files and confuse readers. */
function refuseDotSegments(id: string): void {
  if (id.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new ProblemError('invalid-parameters', `Article ids must not have "." or ".." as a segment; "${id}" has.`, {
      errors: [{ name: 'id', in: 'path parameter', message: 'must not have "." or ".." as a segment' }],
    })
  }
}

function segmentOf(c: Context<AppEnv>) {
  const stub = liveSegment(c.env)
  if (!stub) throw new ProblemError('writes-disabled', 'Writes are off: this deployment has no LIVE_SEGMENT Durable Object binding (see wrangler.toml).')
  return stub
}

const WRITE_PROBLEMS = ['unauthorized', 'writes-disabled', 'invalid-parameters', 'rate-limited', 'method-not-allowed'] as const

function writeDoc(
  summary: string,
  description: string,
  schema: v.GenericSchema,
  example: unknown,
  problems: Parameters<typeof problemResponses>,
  answered = 'Committed to the live segment: searchable at once.',
  body?: v.GenericSchema,
) {
  return describeRoute({
    tags: ['Live'],
    summary,
    description: `${description} Needs "Authorization: Bearer <INGEST_TOKEN>" (docs/live.md).`,
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: resolver(body) } } } } : {}),
    responses: {
      200: { description: answered, content: { 'application/json': { schema: resolver(schema), example } } },
      ...problemResponses(...problems, ...WRITE_PROBLEMS),
    },
  })
}

const PutAnswer = v.object({ id: v.string(), version: v.number(), title: v.string() })
const BulkAnswer = v.object({ ids: v.array(v.string()), version: v.number() })
const DeleteAnswer = v.object({ id: v.string(), deleted: v.literal(true), version: v.number() })

const putDoc = writeDoc(
  'Publish or replace one article',
  "The body is one article in the corpus format (title, date, text, url, source, license, tags); the id is the path's, with no `.` or `..` segment.",
  PutAnswer,
  { id: 'live/ferry', version: 3, title: 'Harbour council approves ferry plan' },
  ['invalid-article', 'payload-too-large', 'unsupported-media-type', 'malformed-json'],
  undefined,
  v.omit(ArticleInputSchema, ['id']),
)
const bulkDoc = writeDoc(
  'Publish up to 100 articles, all or nothing',
  'The body is `{ "articles": [ … ] }` (or the array alone), each article with its id; ids are unique within the body, and no id has `.` or `..` as a segment or ends in `/summary` or `/facts`.',
  BulkAnswer,
  { ids: ['live/a', 'live/b'], version: 4 },
  ['invalid-article', 'payload-too-large', 'unsupported-media-type', 'malformed-json'],
  undefined,
  v.object({ articles: v.pipe(v.array(ArticleInputSchema), v.minLength(1), v.maxLength(MAX_BULK_ARTICLES)) }),
)
const ExportAnswer = v.object({
  version: v.number(),
  bundle: v.optional(v.object({ version: v.string(), builtAt: v.string() })),
  articles: v.array(v.record(v.string(), v.unknown())),
  tombstones: v.optional(v.array(v.string())),
  next: v.optional(v.string()),
})
/** The most articles one page of the export holds (a page also stops before 8 MiB of articles: `MAX_ANSWER_BYTES`). */
export const EXPORT_PAGE_ARTICLES = 1000
const ExportQuerySchema = v.object({
  after: v.optional(v.pipe(v.string(), v.minLength(1, 'must be the "next" of the page before, or left out'))),
  limit: integerParam(1, EXPORT_PAGE_ARTICLES, EXPORT_PAGE_ARTICLES),
})
const exportDoc = writeDoc(
  'The live segment in the corpus format, page by page',
  'The live articles in the corpus format the build reads (no analysis), in id order, a page at a time (at most `limit` articles and 8 MiB); `next` is the `after` of the next page, absent on the last. The first page (no `after`) also has the ids of deleted bundle articles. Each page has the segment `version` it was read at: a reader whose pages differ in version starts again. What `npm run corpus:pull` writes into corpus files.',
  ExportAnswer,
  {
    version: 5,
    articles: [{ id: 'live/ferry', title: 'Harbour council approves ferry plan', date: '2026-12-01', text: 'The harbour council voted on Tuesday…' }],
    tombstones: [],
    next: 'live/ferry',
  },
  ['invalid-parameters'],
  'A page of the live segment as it is now (never cached).',
)
const deleteDoc = writeDoc(
  'Delete an article, live or from the bundle',
  'A bundled article is hidden by a tombstone until the next build drops it.',
  DeleteAnswer,
  { id: 'live/ferry', deleted: true, version: 5 },
  ['not-found'],
)

/**
 * Any id but one ending in a sub-resource (`/summary`, `/facts`): such an
 * article could never be read back, its GET is the sub-resource's.
 */
const WRITABLE_ID = '/articles/:id{(?!.*/(?:summary|facts)$).+}'

/** The write API of the live segment (docs/live.md): acknowledged only once the segment has committed. */
export const ingestRoutes = new Hono<AppEnv>()
  .put(WRITABLE_ID, putDoc, requireIngestToken, limitBody(MAX_ARTICLE_BODY_BYTES), requireJsonBody, async (c) => {
    const id = c.req.param('id')
    refuseDotSegments(id)
    const { article, errors } = checkArticle(await c.req.json(), id, '')
    if (!article) rejectArticles(errors)
    const version = await segmentOf(c).put([{ article, hash: await contentHash(article) }])
    invalidateLiveView()
    return c.json({ id: article.id, version, title: article.title })
  })
  .post('/articles', bulkDoc, requireIngestToken, limitBody(MAX_BULK_BYTES), requireJsonBody, async (c) => {
    const body: unknown = await c.req.json()
    const list = Array.isArray(body) ? body : (body as { articles?: unknown })?.articles
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BULK_ARTICLES) {
      rejectArticles([{ name: 'articles', in: 'body field', message: `must be an array of 1 to ${MAX_BULK_ARTICLES} articles` }])
    }
    const checked = list.map((raw, position) => checkArticle(raw, undefined, `articles.${position}.`))
    const errors = checked.flatMap((result) => result.errors)
    const ids = checked.flatMap((result) => (result.article ? [result.article.id] : []))
    ids.forEach(refuseDotSegments)
    const repeated = ids.find((id, position) => ids.indexOf(id) !== position)
    if (repeated) errors.push({ name: 'articles', in: 'body field', message: `holds the id "${repeated}" more than once` })
    if (errors.length > 0) rejectArticles(errors)
    const articles = checked.map((result) => result.article!)
    const version = await segmentOf(c).put(await Promise.all(articles.map(async (article) => ({ article, hash: await contentHash(article) }))))
    invalidateLiveView()
    return c.json({ ids, version })
  })
  .get('/live/export', exportDoc, requireIngestToken, validate('query', ExportQuerySchema), async (c) => {
    // One page per request: a whole segment of thousands of articles is more than an RPC answer may carry (32 MiB).
    const { after, limit } = c.req.valid('query')
    const { head, ...page } = (await segmentOf(c).exportPage(after, limit)) as {
      version: number
      articles: StoredArticle[]
      next?: string
      head?: SnapshotHead
    }
    return c.json({
      version: page.version,
      ...(head?.bundle ? { bundle: head.bundle } : {}),
      articles: page.articles.map(corpusForm),
      ...(head ? { tombstones: head.tombstones } : {}),
      ...(page.next !== undefined ? { next: page.next } : {}),
    })
  })
  .delete(WRITABLE_ID, deleteDoc, requireIngestToken, async (c) => {
    const id = c.req.param('id')
    const inBase = await c.var.reader.holds(id)
    const { existed, version } = await segmentOf(c).remove(id, inBase)
    invalidateLiveView()
    if (!existed) throw new ProblemError('not-found', `No article has the id "${id}": nothing to delete.`)
    return c.json({ id, deleted: true as const, version })
  })
