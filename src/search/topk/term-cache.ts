import type MiniSearch from 'minisearch'
import type { IndexInternals } from './plan'

type TermIndex = IndexInternals['_index']

/**
 * The same index, remembering the postings each term, prefix and fuzzy
 * lookup decoded: one request evaluates its query up to four times (exact,
 * typo-tolerant, any-word, and per-word existence checks) over the same terms.
 * Meant to live for one request; shares everything else with `index`.
 */
export function withTermCache<T>(index: MiniSearch<T>): MiniSearch<T> {
  const terms = (index as unknown as IndexInternals)._index
  const exact = new Map<string, ReturnType<TermIndex['get']>>()
  const prefixes = new Map<string, [string, NonNullable<ReturnType<TermIndex['get']>>][]>()
  const fuzzy = new Map<string, ReturnType<TermIndex['fuzzyGet']>>()
  const cached: TermIndex = {
    get: (term) => {
      if (!exact.has(term)) exact.set(term, terms.get(term))
      return exact.get(term)
    },
    atPrefix: (prefix) => {
      let found = prefixes.get(prefix)
      if (!found) prefixes.set(prefix, (found = [...terms.atPrefix(prefix)]))
      return found
    },
    fuzzyGet: (term, maxDistance) => {
      const key = `${maxDistance} ${term}`
      let found = fuzzy.get(key)
      // A copy each time: the caller deletes the terms it also found as prefixes.
      if (!found) fuzzy.set(key, (found = terms.fuzzyGet(term, maxDistance)))
      return new Map(found)
    },
  }
  const view = Object.create(index) as IndexInternals
  view._index = cached
  return view as unknown as MiniSearch<T>
}
