import type { ShownArticle } from '../search/context'

/** The members a hit shows; each as it opens a member of a stored article's JSON object (`JSON.stringify` puts no space around a colon). */
const SHOWN = ['id', 'title', 'date', 'url', 'text'] as const
const SHOWN_KEYS = SHOWN.map((name) => `"${name}":`)

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

/**
 * The fields of one stored article's JSON text (a pack's slice, as
 * `JSON.stringify` wrote it) that a search hit shows, each parsed alone; the
 * other members (the facts, the summary, the keywords: most of its objects)
 * are stepped over without being parsed. A page of ten hits parsed whole
 * was some 130 KiB of objects on the shipped corpus, more than the search
 * that found them.
 */
export function shownFields(json: string): ShownArticle {
  const shown: Record<string, unknown> = {}
  let at = json.indexOf('{') + 1
  while (at < json.length && json.charCodeAt(at) !== CLOSE_BRACE) {
    const key = shownKeyAt(json, at)
    const valueAt = key === -1 ? json.indexOf(':', stringEnd(json, at)) + 1 : at + SHOWN_KEYS[key]!.length
    const end = valueEnd(json, valueAt)
    if (key !== -1) shown[SHOWN[key]!] = JSON.parse(json.slice(valueAt, end))
    at = json.charCodeAt(end) === COMMA ? end + 1 : end
  }
  return shown as ShownArticle
}

/** Which of `SHOWN_KEYS` opens the member at `at`, or -1. */
function shownKeyAt(json: string, at: number): number {
  for (let key = 0; key < SHOWN_KEYS.length; key++) if (json.startsWith(SHOWN_KEYS[key]!, at)) return key
  return -1
}

/** Past the end of the JSON string whose opening quote is at `at`. */
function stringEnd(json: string, at: number): number {
  for (let quote = json.indexOf('"', at + 1); quote !== -1; quote = json.indexOf('"', quote + 1)) {
    let backslashes = 0
    while (json.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++
    // An even run of backslashes escapes itself, not the quote.
    if (backslashes % 2 === 0) return quote + 1
  }
  throw new SyntaxError('An article of the bundle is cut off inside a string: rebuild it with npm run build.')
}

/** Past the end of the JSON value (no white space around it) that starts at `at`: a string, an object or array with all it holds, or a literal. */
function valueEnd(json: string, at: number): number {
  const first = json.charCodeAt(at)
  if (first === QUOTE) return stringEnd(json, at)
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let end = at
    while (end < json.length && json.charCodeAt(end) !== COMMA && json.charCodeAt(end) !== CLOSE_BRACE && json.charCodeAt(end) !== CLOSE_BRACKET) end++
    return end
  }
  let depth = 0
  for (let i = at; i < json.length; i++) {
    const unit = json.charCodeAt(i)
    if (unit === QUOTE) i = stringEnd(json, i) - 1
    else if (unit === OPEN_BRACE || unit === OPEN_BRACKET) depth++
    else if ((unit === CLOSE_BRACE || unit === CLOSE_BRACKET) && --depth === 0) return i + 1
  }
  throw new SyntaxError('An article of the bundle is cut off inside a value: rebuild it with npm run build.')
}
