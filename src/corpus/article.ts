import * as v from 'valibot'

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/

/**
 * A calendar date `YYYY-MM-DD` that exists (no 2019-02-30); one issue per bad
 * value: the shape is a pattern (so the OpenAPI document states it), and only a
 * value of the right shape is checked against the calendar.
 */
export const IsoDate = v.pipe(
  v.string('must be a date in the form YYYY-MM-DD'),
  v.regex(ISO_DATE_SHAPE, 'must be a date in the form YYYY-MM-DD'),
  v.check((iso) => !ISO_DATE_SHAPE.test(iso) || isRealDate(iso), 'must be a real calendar date'),
)

export function isRealDate(iso: string): boolean {
  const time = Date.parse(`${iso}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso
}

// "Not only white space" is a pattern before the trim rather than a length after it, so the OpenAPI document states it too.
const optionalText = v.optional(v.pipe(v.string(), v.regex(/\S/, 'must not be empty when given'), v.trim()))

/** The longest article id the product accepts, in characters: at build, at ingest and in every URL that names an article. */
export const MAX_ARTICLE_ID_LENGTH = 512

/** One article as read from any corpus format, before analysis. */
export const ArticleInputSchema = v.object({
  id: v.pipe(
    v.string('must be a string'),
    v.regex(/\S/, 'must not be empty'),
    v.trim(),
    v.maxLength(MAX_ARTICLE_ID_LENGTH, `must be at most ${MAX_ARTICLE_ID_LENGTH} characters`),
  ),
  title: optionalText,
  date: v.optional(IsoDate),
  url: v.optional(v.pipe(v.string(), v.url('must be an absolute URL'))),
  source: optionalText,
  license: optionalText,
  tags: v.optional(v.array(v.string())),
  text: v.pipe(v.string('must be a string'), v.regex(/\S/, 'must not be empty: the article has no text'), v.trim()),
})

export type ArticleInput = v.InferOutput<typeof ArticleInputSchema>

/** Where a corpus problem is, and what to do about it. */
export type CorpusError = { file: string; line?: number; field: string; reason: string }

export type ParseResult = { articles: ArticleInput[]; errors: CorpusError[] }

/**
 * The largest article text the product accepts, in UTF-8 bytes, at build, at
 * ingest and on POST /api/extract: small enough that one article's analysis
 * stays well under a second (measured in docs/corpus-limits.md).
 */
export const MAX_ARTICLE_TEXT_BYTES = 256 * 1024

/** The largest JSON body holding one article: JSON escapes (`\u00e9`, `\n`) can double the bytes of its text. */
export const MAX_ARTICLE_BODY_BYTES = 2 * MAX_ARTICLE_TEXT_BYTES

/** Why a text is refused for its size (its bytes against MAX_ARTICLE_TEXT_BYTES), or undefined when it fits. */
export function textSizeProblem(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text).length
  if (bytes <= MAX_ARTICLE_TEXT_BYTES) return undefined
  return `has ${bytes} bytes of text, over the limit of ${MAX_ARTICLE_TEXT_BYTES} bytes (256 KiB): split or shorten it`
}

/** Validates a raw record and reports every failing field, each with its reason. */
export function validateArticle(raw: unknown, file: string, line?: number): ParseResult {
  const result = v.safeParse(ArticleInputSchema, raw)
  if (result.success) {
    const tooLarge = textSizeProblem(result.output.text)
    if (!tooLarge) return { articles: [result.output], errors: [] }
    return {
      articles: [],
      errors: [{ file, ...(line === undefined ? {} : { line }), field: 'text', reason: `article "${result.output.id}" ${tooLarge}` }],
    }
  }
  return {
    articles: [],
    errors: result.issues.map((issue) => ({
      file,
      ...(line === undefined ? {} : { line }),
      field: v.getDotPath(issue) ?? '(article)',
      reason: issue.message,
    })),
  }
}
