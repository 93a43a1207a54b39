import type { StoredArticle } from '../../article'
import { fuzzyMatches, indexOf, inTreeOrder, joinWords, packNumbers, prefixRange, sortedWithPositions, treeRanks, unpackNumbers } from './sorted-words'
import { JoinedWords } from './joined-words'
import { normalizeWord, tokenize } from '../terms'

/** A word as it appears in the corpus: how many articles have it, and its spelling where first seen. */
export type LexiconEntry = { documents: number; display: string }

/**
 * The corpus's words (not stems), for did-you-mean and autocomplete, as the
 * build stores them: normalised words sorted, with the article count, the
 * first-seen spelling (empty when it is the word itself) and the radix-tree
 * rank of each (the order lookups always returned matches in).
 */
export type StoredLexicon = { words: string; documents: string; displays: string; ranks: string }

export function storeLexicon(articles: readonly StoredArticle[]): StoredLexicon {
  const entries = new Map<string, LexiconEntry>()
  // Most words recur across articles: each spelling is normalised once.
  const keys = new Map<string, string>()
  const keyOf = (word: string) => {
    let key = keys.get(word)
    if (key === undefined) keys.set(word, (key = normalizeWord(word)))
    return key
  }
  for (const article of articles) {
    for (const [key, word] of articleWords(article, keyOf)) {
      const entry = entries.get(key)
      if (entry) entry.documents++
      else entries.set(key, { documents: 1, display: word })
    }
  }
  const firstSeen = [...entries.keys()]
  const ranks = treeRanks(firstSeen)
  const { sorted, positions } = sortedWithPositions(firstSeen)
  return packLexicon(
    sorted,
    positions.map((i) => entries.get(firstSeen[i]!)!),
    positions.map((i) => ranks[i]!),
  )
}

/** An article's words by normalised form (`keyOf`), each with its first spelling in the article (title, then text). */
export function articleWords(article: StoredArticle, keyOf: (word: string) => string = normalizeWord): Map<string, string> {
  const words = new Map<string, string>()
  for (const word of tokenize(`${article.title} ${article.text}`)) {
    const key = keyOf(word)
    if (!words.has(key)) words.set(key, word)
  }
  return words
}

/**
 * The lexicon's packing, apart from its counting: `sorted` words (normalised, in sorted order), each with its
 * entry and its rank at the same position. The build counts the corpus (`storeLexicon`); the live segment keeps
 * its counts as articles come and go (src/live/live-words.ts).
 */
export function packLexicon(sorted: readonly string[], entries: readonly LexiconEntry[], ranks: readonly number[]): StoredLexicon {
  return {
    words: joinWords(sorted),
    documents: packNumbers(entries.map((entry) => entry.documents)),
    displays: joinWords(entries.map((entry, i) => (entry.display === sorted[i] ? '' : entry.display))),
    ranks: packNumbers(ranks),
  }
}

/**
 * The lexicon, opened when first used (did-you-mean, suggestions): its words and spellings stay the two
 * strings the bundle stores, each word cut from them when a lookup reads it (see JoinedWords).
 */
export class Lexicon {
  private readonly words: JoinedWords
  private readonly documents: Uint32Array
  private readonly displays: JoinedWords
  private readonly ranks: Uint32Array

  constructor(stored: StoredLexicon) {
    this.words = new JoinedWords(stored.words)
    this.documents = unpackNumbers(stored.documents)
    this.displays = new JoinedWords(stored.displays)
    this.ranks = unpackNumbers(stored.ranks)
  }

  has(word: string): boolean {
    return indexOf(this.words, word) !== -1
  }

  /** How many articles have `word` (normalised); 0 when none. */
  documentsOf(word: string): number {
    const at = indexOf(this.words, word)
    return at === -1 ? 0 : this.documents[at]!
  }

  /**
   * The corpus words other than `word` within `maxEdits` Damerau edits of it
   * (a swap of two adjacent letters is one edit), fewest edits first, then
   * most articles: the order a reader's intended word is most likely in.
   */
  near(word: string, maxEdits: number): (LexiconEntry & { word: string; distance: number })[] {
    const found = [...fuzzyMatches(this.words, this.ranks, word, maxEdits, true)].filter(([, distance]) => distance > 0)
    return found
      .map(([at, distance]) => ({ ...this.entry(at), word: this.words.at(at)!, distance }))
      .sort((a, b) => a.distance - b.distance || b.documents - a.documents || a.word.localeCompare(b.word))
  }

  /** Whether some corpus word starts with `prefix` and is longer. */
  startsAWord(prefix: string): boolean {
    const [start, end] = prefixRange(this.words, prefix)
    return end - start > (this.words.at(start) === prefix ? 1 : 0)
  }

  /** The words that start with `prefix` and are longer, in radix-tree order. */
  longer(prefix: string): LexiconEntry[] {
    const [start, end] = prefixRange(this.words, prefix)
    const found: number[] = []
    for (let at = start; at < end; at++) if (this.words.at(at) !== prefix) found.push(at)
    return inTreeOrder(found, this.ranks).map((at) => this.entry(at))
  }

  private entry(at: number): LexiconEntry {
    return { documents: this.documents[at]!, display: this.displays.at(at) || this.words.at(at)! }
  }
}
