import type { Span } from '../text/span'

/** An upper-case dateline such as "ISLAMABAD:", "LONDON, May 3 —" or "KABUL (Reuters) -" at the start of a sentence. */
const DATELINE = /^[\p{Lu}][\p{Lu} .'’-]{1,40}(?:,[^:\n—–(]{1,40})?(?:\s*\([^()\n]{1,30}\))?\s*(?::|—|–|\s-\s)\s*/u

/** Where the sentence proper starts: after a dateline, if it opens with one. */
export function skipDateline(text: string, span: Span): number {
  const match = DATELINE.exec(text.slice(span.start, span.end))
  return match && match[0].length < span.end - span.start ? span.start + match[0].length : span.start
}
