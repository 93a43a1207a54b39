import type { Lexicon } from './lexicon'
import { RANKING } from './options'
import type { ParsedQuery, QueryWord } from './query'
import { normalizeWord, processTerm } from './terms'

/** A corpus word a query word may be a slip for, as the index term it searches. */
export type TypoCandidate = { term: string; display: string; distance: number; documents: number }

/** Edits forgiven in a word of this many letters (Damerau: a swap of two letters is one). */
export const editsFor = (length: number): number => (length < RANKING.typoMinLength ? 0 : length < RANKING.twoTyposFrom ? 1 : 2)

/** Whether typo tolerance applies to a word: long enough, and not quoted. */
export const forgivesTypos = (word: QueryWord): boolean => !word.quoted && editsFor(normalizeWord(word.text).length) > 0

/**
 * The corpus words a query word may be a slip for, closest first, then most
 * frequent: their index terms other than the word's own (a word that stems
 * like the typed one is no typo), at most `RANKING.typoCandidates`. In a
 * long query only words the corpus lacks get candidates: each word's lookup
 * costs, and the other words already carry a long query. A word
 * still being typed that begins a corpus word is taken as that beginning
 * ("Mastu" is "Mastung" unfinished, not "masts" misspelt). Words, not
 * stems, are compared: "vacine" is one letter from "vaccine" and far from
 * "vicinity", though their stems "vacin", "vaccin" and "vicin" are all one apart.
 */
export function typoCandidates(lexicon: Lexicon, word: QueryWord, wordsInQuery: number): TypoCandidate[] {
  if (!forgivesTypos(word)) return []
  const typed = normalizeWord(word.text)
  if (word.prefix && lexicon.startsAWord(typed)) return []
  if (wordsInQuery > RANKING.typosOfKnownWordsUpTo && lexicon.documentsOf(typed) > 0) return []
  const found = new Map<string, TypoCandidate>()
  for (const entry of lexicon.near(typed, editsFor(typed.length))) {
    const term = processTerm(entry.word)
    if (term === null || term === word.term || found.has(term)) continue
    found.set(term, { term, display: entry.display, distance: entry.distance, documents: entry.documents })
    if (found.size === RANKING.typoCandidates) break
  }
  return [...found.values()]
}

/**
 * The query with each word the corpus lacks replaced by the candidate that
 * occurs in the most articles with the query's other words, then the closest,
 * then the most frequent ("hurricane dorain" → "hurricane dorian", not
 * "domain"); `undefined` when no word is corrected. `articlesWith` counts the
 * articles that have every one of some index terms.
 */
export function correctQuery(
  q: string,
  query: ParsedQuery,
  candidatesOf: (word: QueryWord) => readonly TypoCandidate[],
  lexicon: Lexicon,
  articlesWith: (terms: readonly string[]) => number,
): string | undefined {
  const unknown = query.words.filter((word) => forgivesTypos(word) && lexicon.documentsOf(normalizeWord(word.text)) === 0)
  if (unknown.length === 0) return undefined
  const known = query.words.filter((word) => !unknown.includes(word)).map((word) => word.term)
  let corrected = ''
  let from = 0
  for (const word of unknown) {
    const candidates = candidatesOf(word)
    if (candidates.length === 0) continue
    const together = new Map(candidates.map((candidate) => [candidate, known.length === 0 ? 0 : articlesWith([...known, candidate.term])]))
    const best = [...candidates].sort((a, b) => together.get(b)! - together.get(a)! || a.distance - b.distance || b.documents - a.documents)[0]!
    corrected += q.slice(from, word.start) + matchCase(word.text, best.display)
    from = word.end
  }
  return from === 0 ? undefined : corrected + q.slice(from)
}

/** The correction in the case the reader typed: lower case stays lower, a capital stays. */
function matchCase(typed: string, display: string): string {
  return typed === typed.toLowerCase() ? display.toLowerCase() : display
}
