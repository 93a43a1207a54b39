import type { Lexicon } from './lexicon'
import type { ParsedQuery } from './query'
import { normalizeWord } from './terms'

/** Edits allowed when correcting a word of this length: one for short words, two from 6 letters on. */
const maxEdits = (length: number) => (length < 4 ? 0 : length < 6 ? 1 : 2)

/**
 * A corrected query when some typed words are not in the corpus: each such
 * word becomes the closest corpus word (fewest edits, then most articles).
 * `undefined` when there is nothing to correct.
 */
export function didYouMean(q: string, query: ParsedQuery, lexicon: Lexicon): string | undefined {
  let corrected = ''
  let from = 0
  let changed = false
  for (const word of query.words) {
    const key = normalizeWord(word.text)
    if (word.quoted || lexicon.has(key)) continue
    const edits = maxEdits(key.length)
    const best = edits === 0 ? undefined : lexicon.closest(key, edits)
    if (!best) continue
    corrected += q.slice(from, word.start) + best
    from = word.end
    changed = true
  }
  return changed ? corrected + q.slice(from) : undefined
}
