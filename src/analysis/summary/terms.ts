import { NEWS_STOP_WORDS } from '../../text/stop-words'
import { PROSE_WORD } from '../../text/tokens'

/**
 * The content terms of a passage, for comparing sentences: lower-cased words
 * without stop words, possessives or plural endings, so "attacks" and
 * "attack", "Pakistan's" and "Pakistan" meet.
 */
export function contentTerms(text: string): string[] {
  const terms: string[] = []
  for (const [word] of text.matchAll(PROSE_WORD)) {
    const term = normalizeTerm(word)
    if (term.length > 1 && !NEWS_STOP_WORDS.has(term)) terms.push(term)
  }
  return terms
}

// Every word of every sentence is normalised, some twice (keywords and summary): string tests, no patterns, but the digit test.
export function normalizeTerm(word: string): string {
  const lowered = word.toLowerCase()
  return stem(lowered.endsWith("'s") || lowered.endsWith('’s') ? lowered.slice(0, -2) : lowered)
}

/** A deliberately light stemmer: plural endings only, so that terms stay readable and precise. */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word
  if (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('xes') || word.endsWith('zes')) return word.slice(0, -2)
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

/** Term counts of a list of terms. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  return counts
}

/** A word's terms: the word itself and, for a compound ("Balochistan-based"), each of its parts. */
export function termsOfWord(word: string): string[] {
  const term = normalizeTerm(word)
  return term.includes('-') ? [term, ...term.split('-').filter((part) => part.length > 0)] : [term]
}
