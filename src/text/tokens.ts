import type { Span } from './span'

/**
 * A word or a mark with its offsets in the text: the one token shape. Each
 * reader cuts words its own way, because each needs a different unit (below);
 * the entity reader and the quantity reader extend this type with what they note
 * about a token (capitalised, possessive, lower case). The keywords and the
 * summary read the same unit (PROSE_WORD) and share one cut of it per document
 * (`documentWords`, src/analysis/summary/terms.ts).
 */
export type Token = Span & { text: string }

/**
 * The index's words: runs of letters, combining marks and digits, so "Pakistan's"
 * gives "Pakistan" and "s", "al-Sharabi" gives "al" and "Sharabi"; queries are cut
 * the same way, so a query matches however a name was hyphenated.
 */
export const INDEX_WORD = /[\p{L}\p{M}\p{N}]+/gu

/**
 * Words as prose writes them, inner apostrophes and hyphens kept ("Balochistan-based",
 * "Pakistan's"): the unit of keyword phrases and of the terms that compare sentences.
 */
export const PROSE_WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu

/**
 * The matches of a global pattern within `span` of `text`, as tokens with offsets in `text`. Linear when the pattern is.
 * What `matchAll` gives, without its iterator and the array of matches copied once more: every reader cuts every
 * sentence with it, so its per-token cost is paid for every word of every text.
 */
export function tokensOf(text: string, pattern: RegExp, span: Span = { start: 0, end: text.length }): Token[] {
  const body = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end)
  if (!pattern.global) throw new TypeError('tokensOf needs a global pattern')
  // A copy starting where the pattern stands, as matchAll makes: the caller's pattern stays as it was.
  const matcher = new RegExp(pattern)
  matcher.lastIndex = pattern.lastIndex
  const tokens: Token[] = []
  for (let match = matcher.exec(body); match !== null; match = matcher.exec(body)) {
    const start = span.start + match.index
    tokens.push({ text: match[0], start, end: start + match[0].length })
    // An empty match would be found again at the same place: step over one character (one code point under /u).
    if (match[0] === '') matcher.lastIndex = match.index + (matcher.unicode && (body.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1)
  }
  return tokens
}
