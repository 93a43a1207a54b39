import type { Span } from './span'
import { advance } from './matches'

/**
 * A word or a mark with its offsets in the text: the one token shape. The entity
 * reader cuts words its own way (names keep dots and ampersands: "U.S.", "AT&T")
 * and extends this type with what it notes of a token (capitalised, possessive).
 * The quantity reader and the prose words of the keywords and the summary share
 * one cut per document (`sentenceTokens`, below): the quantity reader reads its
 * tokens, and the prose words (PROSE_WORD) are taken out of its words
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
  // Read with the pattern itself, not a copy (why: matches.ts), from where it stands as matchAll would, and left there.
  const from = pattern.lastIndex
  const tokens: Token[] = []
  try {
    for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
      const start = span.start + match.index
      tokens.push({ text: match[0], start, end: start + match[0].length })
      // An empty match would be found again at the same place: step over one character (one code point under /u).
      if (match[0] === '') pattern.lastIndex = advance(body, match.index, pattern.unicode)
    }
  } finally {
    pattern.lastIndex = from
  }
  return tokens
}

/** A token of `sentenceTokens`, with its lower case. */
export type LoweredToken = Token & { lower: string }

/**
 * Words, numbers with inner commas or points ("1,200", "3.5"), so a count is one token, and single punctuation marks;
 * one pass, no backtracking across tokens. Every PROSE_WORD lies inside one such word: a word runs on over letters,
 * digits, apostrophes and hyphens, all a prose word holds.
 */
const SENTENCE_TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|[.,](?=\p{N}))*|[^\s\p{L}\p{N}]/gu

// Per sentences array read (a document's), with the text it was cut from: the readers of one analysis share one cut.
const cutBySentences = new WeakMap<readonly Span[], { text: string; tokens: LoweredToken[][] }>()

/**
 * The tokens of each sentence (SENTENCE_TOKEN, each sentence cut apart from the others), cut once per document: the
 * quantity reader and the prose words both read every sentence, and cut it once between them.
 */
export function sentenceTokens(text: string, sentences: readonly Span[]): LoweredToken[][] {
  const known = cutBySentences.get(sentences)
  if (known && known.text === text) return known.tokens
  // SENTENCE_TOKEN itself, not a copy (why: matches.ts); no other code reads it, and each sentence starts it at 0.
  const matcher = SENTENCE_TOKEN
  const tokens = sentences.map((sentence) => {
    const body = text.slice(sentence.start, sentence.end)
    const cut: LoweredToken[] = []
    matcher.lastIndex = 0
    for (let match = matcher.exec(body); match !== null; match = matcher.exec(body)) {
      const start = sentence.start + match.index
      cut.push({ text: match[0], start, end: start + match[0].length, lower: match[0].toLowerCase() })
    }
    return cut
  })
  cutBySentences.set(sentences, { text, tokens })
  return tokens
}
