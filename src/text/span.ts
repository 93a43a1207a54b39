import * as v from 'valibot'

/** An offset into a text: a JavaScript string index (UTF-16 code units), as every offset of the API is. */
export const Offset = v.pipe(v.number(), v.integer(), v.minValue(0))

/** The fields of a span in a schema, spread into the schema of everything an answer points at in a text. */
export const SpanEntries = { start: Offset, end: Offset }

export const SpanSchema = v.object(SpanEntries)

/** A stretch of an article's text by UTF-16 offsets, end exclusive: what every fact, sentence and highlight points at. */
export type Span = v.InferOutput<typeof SpanSchema>
