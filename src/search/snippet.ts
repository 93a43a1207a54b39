const WINDOW = 200

/**
 * A plain-text passage of about `WINDOW` characters around the first place
 * where one of `terms` (matched document terms, lower case) occurs as a word
 * start, cut at word boundaries; the start of the text when none occurs.
 */
export function makeSnippet(text: string, terms: readonly string[]): string {
  const hit = firstTermOffset(text, terms)
  let start = Math.max(0, hit - Math.floor(WINDOW / 3))
  let end = Math.min(text.length, start + WINDOW)
  if (start > 0) start = nextWordStart(text, start)
  if (end < text.length) end = previousWordEnd(text, end)
  const passage = text.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${passage}${end < text.length ? '…' : ''}`
}

function firstTermOffset(text: string, terms: readonly string[]): number {
  const lower = text.toLowerCase()
  let best = -1
  for (const term of terms) {
    let from = 0
    for (let at = lower.indexOf(term, from); at !== -1; at = lower.indexOf(term, from)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(lower[at - 1]!)) {
        if (best === -1 || at < best) best = at
        break
      }
      from = at + 1
    }
  }
  return Math.max(best, 0)
}

function nextWordStart(text: string, from: number): number {
  const space = text.slice(from, from + 30).search(/\s/)
  return space === -1 ? from : from + space + 1
}

function previousWordEnd(text: string, to: number): number {
  const space = text.slice(Math.max(0, to - 30), to).search(/\s\S*$/)
  return space === -1 ? to : Math.max(0, to - 30) + space
}
