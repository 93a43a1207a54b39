import { findQuotedSpans, type QuotedSpan } from './quoted-spans'
import { MONTH_ABBREVIATIONS } from './calendar'
import type { Span } from './span'
import { matchesOf } from './matches'

/** Titles: the stop after them never ends a sentence ("Gen. Asim Munir"). */
const TITLES = new Set('mr mrs ms dr prof gen lt col capt sgt maj cmdr adm rep sen gov pres rev fr st mt ft jr sr no vs v'.split(' '))

/** Abbreviations that can also close a sentence ("…in the U.S. The talks…"): they end one before a typical sentence opener. */
const CLOSING_ABBREVIATIONS = new Set([...'inc ltd co corp bros etc u.s u.k u.n u.s.a e.u e.g i.e a.m p.m'.split(' '), ...MONTH_ABBREVIATIONS])

/** Words that open sentences far more often than they follow an abbreviation or an initial. */
const SENTENCE_OPENERS = new Set(
  'the a an this that these those he she it they we i you his her its their our in on at after before during but and or if when while since although however meanwhile other others some many most there here what who which where how why according also still then now yet'.split(
    ' ',
  ),
)

// A quotation longer than this is split like any text: one sentence of a whole speech helps no reader.
const MAX_WHOLE_QUOTATION = 700

/**
 * Splits text into sentence spans. A sentence ends at `.`, `!` or `?` (with any
 * closing quotes or brackets) followed by white space and an upper-case letter,
 * digit or opening quote; not after a title (Mr., Gen.), nor after an
 * abbreviation (U.S., Inc.) or a single initial (J.) unless the next word is
 * one that opens sentences ("on X. Other countries…"). Decimals never match
 * (no space after the point). Paragraph breaks always end a sentence. A
 * quotation that closes in its paragraph stays in one sentence with the words
 * around it (`He said: "We came. We saw." Then…` is two sentences), so a
 * sentence never holds half a quotation; one left open at the paragraph's end
 * (news style for a quote that goes on) or a very long one is split inside.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  const quotations = findQuotedSpans(text).filter((quote) => !quote.runsOn && quote.close - quote.open <= MAX_WHOLE_QUOTATION)
  const cursor = { at: 0 }
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g
  for (const match of matchesOf(text, paragraph)) {
    splitParagraph(text, match.index, match.index + match[0].length, quotations, cursor, spans)
  }
  return spans
}

// The lookbehind lets a match start only at the first stop of a run: without it a
// long run of dots is re-scanned from every dot, which is quadratic.
// Up to two opening marks before the next sentence's first letter: `NBC. "[T]he House…`.
const BOUNDARY = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s+["'“‘([]{0,2}[\p{Lu}\d])/gu
const NEXT_WORD = /^\s+["'“‘([]{0,2}([\p{L}]+)/u

/** `quotations` are sorted and do not overlap; `cursor.at` walks them once over the whole text, so the split stays linear. */
function splitParagraph(text: string, from: number, to: number, quotations: QuotedSpan[], cursor: { at: number }, out: Span[]): void {
  let start = from
  BOUNDARY.lastIndex = from
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    const end = match.index + match[0].length
    if (end >= to) break
    while (cursor.at < quotations.length && quotations[cursor.at]!.close < end) cursor.at++
    const quotation = quotations[cursor.at]
    // Inside a quotation: the stop comes after its opening mark and the boundary before its closing one.
    if (quotation && quotation.open < match.index && end <= quotation.close) continue
    if (!endsSentence(text, match.index, end)) continue
    pushTrimmed(text, start, end, out)
    start = end
  }
  pushTrimmed(text, start, to, out)
}

function endsSentence(text: string, stopIndex: number, end: number): boolean {
  if (text[stopIndex] !== '.' || text[stopIndex + 1] === '.') return true
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, stopIndex - 12), stopIndex))?.[0] ?? ''
  const key = word.toLowerCase()
  if (TITLES.has(key)) return false
  const initial = word.length === 1 && /\p{Lu}/u.test(word)
  if (!initial && !CLOSING_ABBREVIATIONS.has(key)) return true
  const after = NEXT_WORD.exec(text.slice(end, end + 40))
  const next = after?.[1]
  // "Wayne A. I. Frederick": an "I" with a stop of its own is one more initial, not the pronoun opening a sentence.
  if (next === 'I' && text[end + after![0].length] === '.') return false
  return next !== undefined && SENTENCE_OPENERS.has(next.toLowerCase())
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end })
}

/** The index of the sentence holding `offset`, or of the nearest one after it (binary search: sentences are sorted). */
export function sentenceIndexAt(sentences: Span[], offset: number): number {
  let low = 0
  let high = sentences.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const sentence = sentences[middle]!
    if (offset < sentence.start) high = middle - 1
    else if (offset >= sentence.end) low = middle + 1
    else return middle
  }
  return Math.max(0, Math.min(low, sentences.length - 1))
}
