import type { Span } from '../facts/types'

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col capt sgt rep sen gov pres st jr sr inc ltd co corp no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m mt ft'.split(' '),
)

/**
 * Splits text into sentence spans. A sentence ends at `.`, `!` or `?` (with any
 * closing quotes or brackets) followed by white space and an upper-case letter,
 * digit or opening quote, unless the word before the stop is a known
 * abbreviation or a single initial. Paragraph breaks always end a sentence.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g
  for (const match of text.matchAll(paragraph)) {
    splitParagraph(text, match.index, match.index + match[0].length, spans)
  }
  return spans
}

const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu

function splitParagraph(text: string, from: number, to: number, out: Span[]): void {
  let start = from
  BOUNDARY.lastIndex = from
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    const end = match.index + match[0].length
    if (end >= to) break
    if (isAbbreviationStop(text, match.index)) continue
    pushTrimmed(text, start, end, out)
    start = end
  }
  pushTrimmed(text, start, to, out)
}

function isAbbreviationStop(text: string, stopIndex: number): boolean {
  if (text[stopIndex] !== '.') return false
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, stopIndex - 12), stopIndex))?.[0] ?? ''
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true
  return ABBREVIATIONS.has(word.toLowerCase())
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end })
}
