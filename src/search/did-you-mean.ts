import type SearchableMap from 'minisearch/SearchableMap'
import type { LexiconEntry } from './lexicon'
import type { ParsedQuery } from './query'
import { normalizeWord } from './terms'

/** Edits allowed when correcting a word of this length: one for short words, two from 6 letters on. */
const maxEdits = (length: number) => (length < 4 ? 0 : length < 6 ? 1 : 2)

/**
 * A corrected query when some typed words are not in the corpus: each such
 * word becomes the closest corpus word (fewest edits, then most articles).
 * `undefined` when there is nothing to correct.
 */
export function didYouMean(q: string, query: ParsedQuery, lexicon: SearchableMap<LexiconEntry>): string | undefined {
  let corrected = ''
  let from = 0
  let changed = false
  for (const word of query.words) {
    const key = normalizeWord(word.text)
    if (word.quoted || lexicon.has(key)) continue
    const best = closest(lexicon, key)
    if (!best) continue
    corrected += q.slice(from, word.start) + best
    from = word.end
    changed = true
  }
  return changed ? corrected + q.slice(from) : undefined
}

function closest(lexicon: SearchableMap<LexiconEntry>, key: string): string | undefined {
  const edits = maxEdits(key.length)
  if (edits === 0) return undefined
  let best: { display: string; distance: number; documents: number } | undefined
  for (const [, [entry, distance]] of lexicon.fuzzyGet(key, edits)) {
    if (!best || distance < best.distance || (distance === best.distance && entry.documents > best.documents)) {
      best = { display: entry.display, distance, documents: entry.documents }
    }
  }
  return best?.display
}
