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

const OPENING = new Set(['“', '„', '"'])
const CLOSING = new Set(['”', '"'])
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/g

/**
 * Double-quoted stretches of text, found in one pass: straight or curly marks,
 * paired within a paragraph; a quote left open at a paragraph's end runs on
 * into the next paragraph when that one opens with a quotation mark. Single
 * quotes are left alone: they are apostrophes far more often than quotes.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = []
  let paragraphStart = 0
  let runningOn = false
  const ends = [...text.matchAll(PARAGRAPH_BREAK)].map((match) => match.index)
  ends.push(text.length)
  for (const paragraphEnd of ends) {
    let first = paragraphStart
    while (first < paragraphEnd && /\s/.test(text[first]!)) first++
    const previousRanOn = runningOn
    runningOn = false
    let open = -1
    for (let i = paragraphStart; i < paragraphEnd; i++) {
      const mark = text[i]!
      if (open < 0 && OPENING.has(mark)) open = i
      else if (open >= 0 && CLOSING.has(mark)) {
        pushSpan(text, open, i, false, previousRanOn && open === first, spans)
        open = -1
      }
    }
    if (open >= 0) {
      pushSpan(text, open, paragraphEnd, true, previousRanOn && open === first, spans)
      runningOn = true
    }
    paragraphStart = paragraphEnd
  }
  return spans
}

function pushSpan(text: string, open: number, close: number, runsOn: boolean, continued: boolean, out: QuotedSpan[]): void {
  let start = open + 1
  let end = close
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--
  if (end > start) out.push({ start, end, open, close, runsOn, continued })
}
