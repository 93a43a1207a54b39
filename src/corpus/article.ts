import * as v from 'valibot'

/** A calendar date `YYYY-MM-DD` that exists (no 2019-02-30); one issue per bad value. */
export const IsoDate = v.pipe(
  v.string('must be a date in the form YYYY-MM-DD'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dataset.value)) addIssue({ message: 'must be a date in the form YYYY-MM-DD' })
    else if (!isRealDate(dataset.value)) addIssue({ message: 'must be a real calendar date' })
  }),
)

export function isRealDate(iso: string): boolean {
  const time = Date.parse(`${iso}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === iso
}

const optionalText = v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty when given')))

/** One article as read from any corpus format, before analysis. */
export const ArticleInputSchema = v.object({
  id: v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(512, 'must be at most 512 characters'),
  ),
  title: optionalText,
  date: v.optional(IsoDate),
  url: v.optional(v.pipe(v.string(), v.url('must be an absolute URL'))),
  source: optionalText,
  license: optionalText,
  tags: v.optional(v.array(v.string())),
  text: v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty: the article has no text')),
})

export type ArticleInput = v.InferOutput<typeof ArticleInputSchema>

/** Where a corpus problem is, and what to do about it. */
export type CorpusError = { file: string; line?: number; field: string; reason: string }

export type ParseResult = { articles: ArticleInput[]; errors: CorpusError[] }

/**
 * The largest article text the product accepts, in UTF-8 bytes: the same as the
 * POST /api/extract body limit, and small enough that one article's analysis
 * stays well under a second (measured in docs/corpus-limits.md).
 */
export const MAX_ARTICLE_TEXT_BYTES = 256 * 1024

/** Validates a raw record and reports every failing field, each with its reason. */
export function validateArticle(raw: unknown, file: string, line?: number): ParseResult {
  const result = v.safeParse(ArticleInputSchema, raw)
  if (result.success) {
    const bytes = new TextEncoder().encode(result.output.text).length
    if (bytes <= MAX_ARTICLE_TEXT_BYTES) return { articles: [result.output], errors: [] }
    return {
      articles: [],
      errors: [{
        file,
        ...(line === undefined ? {} : { line }),
        field: 'text',
        reason: `article "${result.output.id}" has ${bytes} bytes of text, over the limit of ${MAX_ARTICLE_TEXT_BYTES} bytes (256 KiB): split or shorten it`,
      }],
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
