import { stemmer } from 'stemmer'
import { STOP_WORDS } from '../text/stop-words'
import { INDEX_WORD, tokensOf, type Token } from '../text/tokens'

const MARKS = /\p{M}+/gu
const LETTER = /^\p{L}$/u

/** The words of `text` as the index sees them (before `processTerm`). */
export function tokenize(text: string): string[] {
  return text.match(INDEX_WORD) ?? []
}

/** The words of `text` with their offsets, for highlighting and phrase checks. */
export function tokensWithOffsets(text: string): Token[] {
  return tokensOf(text, INDEX_WORD)
}

/** Lower case without accents: how a word is compared before stemming (phrases, suggestions, facets). */
export function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(MARKS, '')
}

/** Word -> term, remembered per isolate: stemming dominates indexing and highlighting otherwise. Bounded. */
const TERM_CACHE = new Map<string, string | null>()
const TERM_CACHE_SIZE = 200_000

/**
 * The index term of a word: normalised, stop words and lone letters dropped
 * (`null`), English (Porter) stem otherwise. Used for the index and for queries alike.
 */
export function processTerm(word: string): string | null {
  const cached = TERM_CACHE.get(word)
  if (cached !== undefined) return cached
  const normal = normalizeWord(word)
  const term = STOP_WORDS.has(normal) || LETTER.test(normal) ? null : stemmer(normal)
  if (TERM_CACHE.size >= TERM_CACHE_SIZE) TERM_CACHE.clear()
  TERM_CACHE.set(word, term)
  return term
}
