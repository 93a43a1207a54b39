import type { Span } from './span'
import { matchesOf } from './matches'

/** A stretch of quoted words: `start`/`end` bound the words, `open`/`close` the marks (`close` is the paragraph end when the quote runs on). */
export type QuotedSpan = {
  start: number
  end: number
  open: number
  close: number
  /** The quote is not closed in its paragraph: news style for a quote that goes on in the next one. */
  runsOn: boolean
  /** The quote goes on from the previous paragraph's unclosed quote. */
  continued: boolean
}

const PARAGRAPH_BREAK = /\n[^\S\n]*\n/g
// What may stand right before an opening mark, and right after a closing one.
const BEFORE_OPENING = /[\s([{\u2014\u2013\-/:‘']/
const AFTER_CLOSING = /[\s,.;:!?)\]}\u2014\u2013\-…'’]/

type Role = 'open' | 'close' | 'either'

// Every mark `markRole` gives a role to.
const QUOTATION_MARK = /["“”„]/g

// A quotation inside a quotation is a few words: a name, a title, a phrase.
const NESTED_REACH = 60

/**
 * Double-quoted stretches of text, found in one pass: straight or curly marks,
 * paired within a paragraph; a quote left open at a paragraph's end runs on
 * into the next paragraph when that one opens with a quotation mark. A
 * straight mark opens or closes by what stands around it (`said, "We…` opens,
 * `…town," he` closes): a closing mark with no quote open is a stray one and
 * is skipped, an opening mark inside an open quote means the quote before it
 * was left open (news style for a quote going on, when paragraphs were
 * joined): it runs on into the new one, unless it opens a few words that
 * close again mid-sentence (`"The "United States" is not…"`). Single quotes are left alone: they
 * are apostrophes far more often than quotes.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = []
  let paragraphStart = 0
  let runningOn = false
  const ends = matchesOf(text, PARAGRAPH_BREAK).map((match) => match.index)
  ends.push(text.length)
  // Only double quotation marks can have a role: found in one scan, each paragraph walks its own.
  const marks = matchesOf(text, QUOTATION_MARK).map((match) => match.index)
  let m = 0
  for (const paragraphEnd of ends) {
    let first = paragraphStart
    while (first < paragraphEnd && /\s/.test(text[first]!)) first++
    let continuing = runningOn
    runningOn = false
    let open = -1
    let continued = false
    for (; m < marks.length && marks[m]! < paragraphEnd; m++) {
      const i = marks[m]!
      const role = markRole(text, i, paragraphStart, paragraphEnd)
      if (role === undefined) continue
      if (open < 0) {
        if (role === 'close') continue
        open = i
        continued = continuing && open === first
        continuing = false
      } else if (role === 'open') {
        const nestedClose = nestedQuoteEnd(text, i, paragraphEnd)
        if (nestedClose !== undefined) {
          while (marks[m]! < nestedClose) m++
          continue
        }
        pushSpan(text, open, i, true, continued, spans)
        open = i
        continued = true
      } else {
        pushSpan(text, open, i, false, continued, spans)
        open = -1
      }
    }
    if (open >= 0) {
      pushSpan(text, open, paragraphEnd, true, continued, spans)
      runningOn = true
    }
    paragraphStart = paragraphEnd
  }
  return spans
}

/**
 * The closing mark of a short quotation inside a quotation that opens at `at`
 * (mid-sentence, closed again before any sentence ends), else undefined.
 */
function nestedQuoteEnd(text: string, at: number, to: number): number | undefined {
  if (/[.!?]["”'’)\]]*\s*$/.test(text.slice(Math.max(0, at - 4), at))) return undefined
  for (let j = at + 1; j < Math.min(to, at + NESTED_REACH); j++) {
    if (/[.!?]/.test(text[j]!)) return undefined
    const role = markRole(text, j, at, to)
    if (role !== undefined) return role === 'open' ? undefined : j
  }
  return undefined
}

function markRole(text: string, i: number, from: number, to: number): Role | undefined {
  const mark = text[i]
  if (mark === '“' || mark === '„') return 'open'
  if (mark === '”') return 'close'
  if (mark !== '"') return undefined
  const afterSpace = i === from || BEFORE_OPENING.test(text[i - 1]!)
  const beforeSpace = i + 1 === to || AFTER_CLOSING.test(text[i + 1]!)
  if (afterSpace === beforeSpace) return 'either'
  return afterSpace ? 'open' : 'close'
}

function pushSpan(text: string, open: number, close: number, runsOn: boolean, continued: boolean, out: QuotedSpan[]): void {
  let start = open + 1
  let end = close
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end, open, close, runsOn, continued })
}

/** Whether a mention lies inside one of the quoted spans (sorted by position). */
export function insideQuote(spans: QuotedSpan[], mention: Span): boolean {
  let low = 0
  let high = spans.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (spans[middle]!.start <= mention.start) low = middle + 1
    else high = middle - 1
  }
  const span = spans[high]
  return span !== undefined && mention.end <= span.end
}
