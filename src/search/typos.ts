import { WeightedLru } from '../lru'
import type { Lexicon } from './tables/lexicon'
import { RANKING } from './options'
import type { ParsedQuery, QueryWord } from './query'
import { normalizeWord, processTerm } from './terms'

/** A corpus word a query word may be a slip for, as the index term it searches. */
export type TypoCandidate = { term: string; display: string; distance: number; documents: number }

/** A corpus word close to a query word: its normal form, spelling, Damerau distance and article count. */
export type NearWord = { word: string; display: string; distance: number; documents: number }

/**
 * What a corpus knows of one query word, all that typo tolerance and
 * corrections decide on: how many articles have it, whether it begins a longer
 * corpus word, and the corpus words within its edits. The parts of one corpus
 * (shards, the bundle and the live segment) each know theirs;
 * `mergeWordKnowledge` makes the whole corpus's, so every part decides alike.
 */
export type WordKnowledge = { documents: number; startsAWord: boolean; near: NearWord[] }

/** Edits forgiven in a word of this many letters (Damerau: a swap of two letters is one). */
export const editsFor = (length: number): number => (length < RANKING.typoMinLength ? 0 : length < RANKING.twoTyposFrom ? 1 : 2)

/** Whether typo tolerance applies to a word: long enough, and not quoted. */
export const forgivesTypos = (word: QueryWord): boolean => !word.quoted && editsFor(normalizeWord(word.text).length) > 0

/**
 * This corpus's knowledge of each word of a query. The close words are looked
 * up only where they can matter: a word typo tolerance applies to, not one
 * being typed that begins a corpus word, not a known word of a long query
 * (knowing it here means the whole corpus knows it).
 */
export function wordKnowledge(lexicon: Lexicon, query: ParsedQuery): WordKnowledge[] {
  return query.words.map((word) => {
    const typed = normalizeWord(word.text)
    const documents = lexicon.documentsOf(typed)
    const startsAWord = word.prefix && lexicon.startsAWord(typed)
    const skip = !forgivesTypos(word) || startsAWord || (query.words.length > RANKING.typosOfKnownWordsUpTo && documents > 0)
    return { documents, startsAWord, near: skip ? [] : nearWords(lexicon, typed) }
  })
}

/** Words' close spellings per lexicon (a lexicon never changes; a new corpus version is a new one), the most recent kept. */
const nearCaches = new WeakMap<Lexicon, WeightedLru<string, NearWord[]>>()
/** About this many close words (and words) kept per lexicon: a few hundred KiB. */
const NEAR_CACHE_WEIGHT = 20_000

/**
 * The corpus words within a word's edits: the same words come back query
 * after query (and keystroke after keystroke), and the search through the
 * lexicon costs far more than the lookup. Shared, so read only.
 */
function nearWords(lexicon: Lexicon, typed: string): NearWord[] {
  let cache = nearCaches.get(lexicon)
  if (!cache) nearCaches.set(lexicon, (cache = new WeightedLru(NEAR_CACHE_WEIGHT, (near) => 1 + near.length)))
  let near = cache.get(typed)
  if (!near) {
    near = lexicon.near(typed, editsFor(typed.length)).map(({ word, display, distance, documents }) => ({ word, display, distance, documents }))
    cache.set(typed, near)
  }
  return near
}

/**
 * The whole corpus's knowledge from its parts' (each a list by query word, the
 * parts in corpus order): article counts summed, close words united with
 * their counts summed and the spelling of the first part that has them (the
 * one index's lexicon keeps a word's first-seen spelling), in `Lexicon.near`'s
 * order: fewest edits, then most articles.
 */
export function mergeWordKnowledge(parts: readonly (readonly WordKnowledge[])[]): WordKnowledge[] {
  if (parts.length === 1) return [...parts[0]!]
  return parts[0]!.map((_, at) => {
    const near = new Map<string, NearWord>()
    for (const part of parts) {
      for (const word of part[at]!.near) {
        const found = near.get(word.word)
        if (found) found.documents += word.documents
        else near.set(word.word, { ...word })
      }
    }
    return {
      documents: parts.reduce((sum, part) => sum + part[at]!.documents, 0),
      startsAWord: parts.some((part) => part[at]!.startsAWord),
      near: [...near.values()].sort((a, b) => a.distance - b.distance || b.documents - a.documents || a.word.localeCompare(b.word)),
    }
  })
}

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
export function typoCandidates(knowledge: WordKnowledge, word: QueryWord, wordsInQuery: number): TypoCandidate[] {
  if (!forgivesTypos(word) || knowledge.startsAWord) return []
  if (wordsInQuery > RANKING.typosOfKnownWordsUpTo && knowledge.documents > 0) return []
  const found = new Map<string, TypoCandidate>()
  for (const near of knowledge.near) {
    const term = processTerm(near.word)
    if (term === null || term === word.term || found.has(term)) continue
    found.set(term, { term, display: near.display, distance: near.distance, documents: near.documents })
    if (found.size === RANKING.typoCandidates) break
  }
  return [...found.values()]
}

/**
 * The query with each word the corpus lacks replaced by the candidate that
 * occurs in the most articles with the query's other words, then the closest,
 * then the most frequent ("hurricane dorain" → "hurricane dorian", not
 * "domain"); `undefined` when no word is corrected. `articlesWith` counts the
 * articles (of the whole corpus) that have every one of some index terms.
 */
export async function correctQuery(
  q: string,
  query: ParsedQuery,
  knowledge: readonly WordKnowledge[],
  candidates: readonly (readonly TypoCandidate[])[],
  articlesWith: (terms: readonly string[]) => Promise<number>,
): Promise<string | undefined> {
  const lacking = lackingWords(query, knowledge)
  const unknown = correctableWords(query, knowledge, candidates)
  if (unknown.length === 0) return undefined
  const known = query.words.filter((_, at) => !lacking.includes(at)).map((word) => word.term)
  const together = await Promise.all(
    unknown.map((at) => Promise.all(candidates[at]!.map((candidate) => (known.length === 0 ? 0 : articlesWith([...known, candidate.term]))))),
  )
  let corrected = ''
  let from = 0
  unknown.forEach((at, i) => {
    const counts = new Map(candidates[at]!.map((candidate, j) => [candidate, together[i]![j]!]))
    const best = [...candidates[at]!].sort((a, b) => counts.get(b)! - counts.get(a)! || a.distance - b.distance || b.documents - a.documents)[0]!
    const word = query.words[at]!
    corrected += q.slice(from, word.start) + matchCase(word.text, best.display)
    from = word.end
  })
  return corrected + q.slice(from)
}

/** The query words typo tolerance applies to that the corpus lacks (by position). */
function lackingWords(query: ParsedQuery, knowledge: readonly WordKnowledge[]): number[] {
  return query.words.flatMap((word, at) => (forgivesTypos(word) && knowledge[at]!.documents === 0 ? [at] : []))
}

/**
 * The words `correctQuery` would replace (by position): those the corpus
 * lacks that have candidates. None: no correction, whatever the counts, so
 * a search need not count the articles with every word to decide on one.
 */
export function correctableWords(query: ParsedQuery, knowledge: readonly WordKnowledge[], candidates: readonly (readonly TypoCandidate[])[]): number[] {
  return lackingWords(query, knowledge).filter((at) => candidates[at]!.length > 0)
}

/** The correction in the case the reader typed: lower case stays lower, a capital stays. */
function matchCase(typed: string, display: string): string {
  return typed === typed.toLowerCase() ? display.toLowerCase() : display
}
