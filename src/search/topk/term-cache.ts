import type MiniSearch from 'minisearch'
import type { MatchSet } from './match-set'
import type { IndexInternals, SpecNode } from './plan'

type TermIndex = IndexInternals['_index']

/**
 * What one request's evaluations of its query share, made once: each query
 * term's plan (its expansions, one leaf per matched index term and field) and
 * its match set (the union of those leaves' postings). A request evaluates
 * its words up to seven times (as typed, every word as typed, the correction's
 * counts, the correction and its every word): a prefix of hundreds of
 * expansions was planned and its postings united each time. Lives for one
 * request (`release` hands the match sets back to the isolate's pool), so it
 * holds nothing between requests.
 */
export class RequestMemo {
  private readonly specs = new Map<string, SpecNode>()
  private readonly sets = new Map<SpecNode, MatchSet>()

  /** The plan of a term under `key` (everything its leaves depend on), made by `make` the first time. */
  spec(key: string, make: () => SpecNode): SpecNode {
    let node = this.specs.get(key)
    if (!node) this.specs.set(key, (node = make()))
    return node
  }

  /** A term's match set, if an evaluation of this request made it (the memo owns it: nobody else releases it). */
  matchSet(node: SpecNode): MatchSet | undefined {
    return this.sets.get(node)
  }

  /** Keeps a term's match set for the request's other evaluations; the memo releases it. */
  keep(node: SpecNode, set: MatchSet): void {
    this.sets.set(node, set)
  }

  /** Hands the kept match sets back to the pool, once no evaluation of the request reads them. */
  release(): void {
    for (const set of this.sets.values()) set.release()
    this.sets.clear()
    this.specs.clear()
  }
}

/**
 * The same index for one request: it remembers the postings each term, prefix
 * and fuzzy lookup decoded, and carries the request's `RequestMemo`, which the
 * planner and the evaluator read. Shares everything else with `index`.
 */
export function withTermCache<T>(index: MiniSearch<T>): { index: MiniSearch<T>; memo: RequestMemo } {
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
  const memo = new RequestMemo()
  const view = Object.create(index) as IndexInternals
  view._index = cached
  view._memo = memo
  return { index: view as unknown as MiniSearch<T>, memo }
}
