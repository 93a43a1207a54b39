import { RANKING } from './options'
import { processTerm, tokensWithOffsets } from './terms'

/** One word the results must contain (or, after the fallback, may contain). */
export type QueryWord = {
  /** As typed, and where in the query (to rewrite it for a did-you-mean). */
  text: string
  start: number
  end: number
  /** The index term (stemmed). */
  term: string
  /** Matches words starting with it: the last word, still being typed. */
  prefix: boolean
  /** Part of a quoted phrase: exact only, no typo tolerance. */
  quoted: boolean
}

export type ParsedQuery = {
  words: QueryWord[]
  /** Quoted phrases of two or more words, as typed: each must occur as such. */
  phrases: string[][]
  /** `-word`: index terms no result may contain. */
  excluded: string[]
  /** `-"some phrase"`: phrases no result may contain. */
  excludedPhrases: string[][]
}

const QUOTES = new Set(['"', '“', '”', '„'])
const SPACE = /\s/

/**
 * Parses the query syntax: `"exact phrase"`, `-word` and `-"phrase"` to
 * exclude, every other word required. Lone quotes are ignored. One linear pass.
 */
export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], excluded: [], excludedPhrases: [] }
  let lastBare: QueryWord | undefined
  let i = 0
  while (i < q.length) {
    if (SPACE.test(q[i]!)) {
      i++
      continue
    }
    const negated = q[i] === '-' && i + 1 < q.length && !SPACE.test(q[i + 1]!)
    const from = negated ? i + 1 : i
    if (QUOTES.has(q[from]!)) {
      let close = from + 1
      while (close < q.length && !QUOTES.has(q[close]!)) close++
      addPhrase(parsed, q, from + 1, close, negated)
      lastBare = undefined
      i = close + 1
      continue
    }
    let end = from
    while (end < q.length && !SPACE.test(q[end]!) && !QUOTES.has(q[end]!)) end++
    for (const token of tokensWithOffsets(q.slice(from, end))) {
      if (negated) {
        pushTerm(parsed.excluded, token.text)
        continue
      }
      const term = processTerm(token.text)
      if (term === null) continue
      lastBare = { text: token.text, start: from + token.start, end: from + token.end, term, prefix: false, quoted: false }
      parsed.words.push(lastBare)
    }
    if (negated) lastBare = undefined
    i = end
  }
  // Prefix matching only for a last word that ends the query (the user may still be typing it).
  const last = parsed.words.at(-1)
  if (last && last === lastBare && last.end === q.length && last.text.length >= RANKING.prefixMinLength) last.prefix = true
  return parsed
}

function addPhrase(parsed: ParsedQuery, q: string, from: number, to: number, negated: boolean): void {
  const tokens = [...tokensWithOffsets(q.slice(from, to))]
  if (negated) {
    if (tokens.length > 1) parsed.excludedPhrases.push(tokens.map((token) => token.text))
    else for (const token of tokens) pushTerm(parsed.excluded, token.text)
    return
  }
  if (tokens.length > 1) parsed.phrases.push(tokens.map((token) => token.text))
  for (const token of tokens) {
    const term = processTerm(token.text)
    if (term !== null) parsed.words.push({ text: token.text, start: from + token.start, end: from + token.end, term, prefix: false, quoted: true })
  }
}

function pushTerm(terms: string[], word: string): void {
  const term = processTerm(word)
  if (term !== null) terms.push(term)
}

/**
 * A phrase as a regex over the original text: its words in order, separated
 * by anything that is not a word (as the tokenizer splits), case-insensitive.
 * Linear-time: literal words and single character classes only.
 */
export function phrasePattern(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words.join('[^\\p{L}\\p{M}\\p{N}]+')}(?![\\p{L}\\p{M}\\p{N}])`, 'giu')
}
