/** A stretch of an article's text by UTF-16 offsets, end exclusive: what every fact, sentence and highlight points at. */
export type Span = { start: number; end: number }
