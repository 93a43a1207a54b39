import type { StoredArticle } from '../article'
import type { StoredLexicon } from '../search/lexicon'
import { joinWords, packNumbers, sortedWithPositions, treeRanks } from '../search/sorted-words'
import { normalizeWord, tokenize } from '../search/terms'

/**
 * The live articles' words (did-you-mean, autocomplete), counted as
 * articles come and go: a change reads the words of the articles it
 * changes, not those of the whole segment, as `storeLexicon` does for the
 * bundle. A word's spelling is the first seen, as in the bundle's lexicon
 * (after a removal, the spelling of an article that is gone may stay).
 */
export class LiveWords {
  private readonly entries = new Map<string, { documents: number; display: string }>()

  add(article: StoredArticle): void {
    for (const [key, word] of wordsOf(article)) {
      const entry = this.entries.get(key)
      if (entry) entry.documents++
      else this.entries.set(key, { documents: 1, display: word })
    }
  }

  remove(article: StoredArticle): void {
    for (const key of wordsOf(article).keys()) {
      const entry = this.entries.get(key)
      if (entry && --entry.documents === 0) this.entries.delete(key)
    }
  }

  /** The words as `storeLexicon` stores them (first-seen order gives the radix-tree ranks). */
  stored(): StoredLexicon {
    const firstSeen = [...this.entries.keys()]
    const ranks = treeRanks(firstSeen)
    const { sorted, positions } = sortedWithPositions(firstSeen)
    const entryAt = (i: number) => this.entries.get(firstSeen[i]!)!
    return {
      words: joinWords(sorted),
      documents: packNumbers(positions.map((i) => entryAt(i).documents)),
      displays: joinWords(positions.map((i) => (entryAt(i).display === firstSeen[i] ? '' : entryAt(i).display))),
      ranks: packNumbers(positions.map((i) => ranks[i]!)),
    }
  }
}

/** An article's words by normalised form, each with its first spelling in the article (title, then text). */
function wordsOf(article: StoredArticle): Map<string, string> {
  const words = new Map<string, string>()
  for (const word of tokenize(`${article.title} ${article.text}`)) {
    const key = normalizeWord(word)
    if (!words.has(key)) words.set(key, word)
  }
  return words
}
