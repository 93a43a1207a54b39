import SearchableMap from 'minisearch/SearchableMap'
import type { StoredArticle } from '../bundle/types'
import { normalizeWord, tokenize } from './terms'

/** A word as it appears in the corpus: how many articles have it, and its spelling where first seen. */
export type LexiconEntry = { documents: number; display: string }

/**
 * The corpus's words (not stems), for did-you-mean and autocomplete: keyed
 * by normalised word, in a radix tree for prefix and edit-distance lookups.
 */
type Counting = LexiconEntry & { lastArticle: string }

export function buildLexicon(articles: Iterable<StoredArticle>): SearchableMap<LexiconEntry> {
  const entries = new Map<string, Counting>()
  const keys = new Map<string, string>()
  for (const article of articles) {
    const seen = new Set<string>()
    for (const word of tokenize(`${article.title} ${article.text}`)) {
      if (seen.has(word)) continue
      seen.add(word)
      let key = keys.get(word)
      if (key === undefined) keys.set(word, (key = normalizeWord(word)))
      const entry = entries.get(key)
      if (!entry) entries.set(key, { documents: 1, display: word, lastArticle: article.id })
      else if (entry.lastArticle !== article.id) {
        entry.documents++
        entry.lastArticle = article.id
      }
    }
  }
  const lexicon = new SearchableMap<LexiconEntry>()
  for (const [key, { documents, display }] of entries) lexicon.set(key, { documents, display })
  return lexicon
}
