import type { StoredArticle } from '../article'
import { articleWords, packLexicon, type LexiconEntry, type StoredLexicon } from '../search/tables/lexicon'
import { lowerBound } from '../search/tables/sorted-words'

/**
 * The live articles' words (did-you-mean, autocomplete), counted as
 * articles come and go: a change reads the words of the articles it
 * changes, not those of the whole segment, as `storeLexicon` does for the
 * bundle. A word's spelling is the first seen, as in the bundle's lexicon
 * (after a removal, the spelling of an article that is gone may stay).
 */
export class LiveWords {
  private readonly entries = new Map<string, LexiconEntry>()
  /** The words in sorted order once asked for, then kept sorted word by word (a new word inserted in place). */
  private sorted: string[] | undefined

  add(article: StoredArticle): void {
    for (const [key, word] of articleWords(article)) {
      const entry = this.entries.get(key)
      if (entry) entry.documents++
      else {
        this.entries.set(key, { documents: 1, display: word })
        this.sorted?.splice(lowerBound(this.sorted, key), 0, key)
      }
    }
  }

  remove(article: StoredArticle): void {
    for (const key of articleWords(article).keys()) {
      const entry = this.entries.get(key)
      if (entry && --entry.documents === 0) {
        this.entries.delete(key)
        this.sorted?.splice(lowerBound(this.sorted, key), 1)
      }
    }
  }

  /**
   * The words as `storeLexicon` stores them, but for the ranks: these are the
   * sorted order, not the radix-tree order of first sight (`treeRanks`, which
   * took longer than the rest of a version's tables). Every lookup the search
   * makes orders its results fully (`Lexicon.near`: edits, articles, word;
   * suggestions: articles, spelling), so the ranks decide no answer.
   */
  stored(): StoredLexicon {
    const sorted = (this.sorted ??= [...this.entries.keys()].sort())
    return packLexicon(
      sorted,
      sorted.map((word) => this.entries.get(word)!),
      sorted.map((_, i) => i),
    )
  }
}
