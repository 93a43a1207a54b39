import { rankOrder, type RankKey, type SearchCoordinator } from './coordinator'
import { FacetRounds, type FacetTallies } from './tables/facet-rounds'
import { normalizeFilters, type FacetCounts, type FacetName } from './facets'
import type { SearchHit, SearchParams, SearchResponse } from './search'
import { mergeWordKnowledge, type WordKnowledge } from './typos'

/**
 * What one search over the parts of a corpus (the shards of a build, or the
 * bundle and the live segment) offers each part: the part hands in its own
 * figures and gets back the whole corpus's once every part has handed in (a
 * barrier per step), so every part takes the same decisions. Plain data in
 * and out: a shard calls it over RPC.
 */
export type GatherApi = {
  sum(part: number, step: string, local: number): Promise<number>
  words(part: number, step: string, local: WordKnowledge[]): Promise<WordKnowledge[]>
  /** The part's best `offset + limit` rank keys in; which of them are on the page out (indices, page order). */
  page(part: number, ranked: RankKey[]): Promise<number[]>
  /** The facets' exact top across parts in three rounds (`FacetRounds`): the part's top `limit` values in, the least count a candidate needs out; */
  facetTops(part: number, tops: FacetTallies, limit: number): Promise<Record<FacetName, number>>
  /** the part's values with at least that in, the candidates out; */
  facetCandidates(part: number, above: FacetTallies): Promise<Record<FacetName, string[]>>
  /** the part's counts of the candidates in, the whole corpus's facet counts out. */
  facetCounts(part: number, exact: FacetTallies): Promise<FacetCounts>
}

/** A part broke the gathering's protocol (a step twice, a part that does not exist). */
export class GatherError extends Error {}

/** One step's barrier: resolves every part's call with the combined value once all have called. */
class Barrier<T, R> {
  private readonly values: T[] = []
  private arrived = 0
  private readonly done: Promise<R>
  private resolve!: (value: R) => void
  reject!: (error: Error) => void

  constructor(
    private readonly parts: number,
    private readonly combine: (values: T[]) => R,
  ) {
    this.done = new Promise<R>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
    // The search may abort a step no part is waiting on: that is no unhandled rejection.
    this.done.catch(() => {})
  }

  arrive(part: number, value: T): Promise<R> {
    if (part in this.values) return Promise.reject(new GatherError(`part ${part} handed in the same step twice`))
    this.values[part] = value
    if (++this.arrived === this.parts) this.resolve(this.combine(this.values))
    return this.done
  }
}

/** The gathering side of one search over `parts` parts. */
export class Gather {
  private readonly barriers = new Map<string, Barrier<unknown, unknown>>()
  private failure: Error | undefined
  /** Per part, the page positions of the hits it will return, in its order. */
  private readonly slots: number[][]
  /** The facet rounds' state between their steps. */
  private facetRounds: FacetRounds | undefined
  private candidates: Record<FacetName, string[]> | undefined
  readonly api: GatherApi

  constructor(
    private readonly parts: number,
    private readonly params: SearchParams,
  ) {
    this.slots = Array.from({ length: parts }, () => [])
    this.api = {
      sum: (part, step, local) => this.step(`sum:${step}`, part, local, (values: number[]) => values.reduce((a, b) => a + b, 0)),
      words: (part, step, local) => this.step(`words:${step}`, part, local, (values: WordKnowledge[][]) => mergeWordKnowledge(values)),
      page: (part, ranked) => this.step('page', part, ranked, (lists: RankKey[][]) => this.cutPage(lists)).then((pages) => pages[part]!),
      facetTops: (part, tops, limit) =>
        this.step('facets:top', part, tops, (all: FacetTallies[]) => {
          this.facetRounds = new FacetRounds(parts, normalizeFilters(this.params.filters ?? {}), limit)
          return this.facetRounds.thresholds(all)
        }),
      facetCandidates: (part, above) => this.step('facets:above', part, above, (all: FacetTallies[]) => (this.candidates = this.rounds().candidatesFrom(all))),
      facetCounts: (part, exact) => this.step('facets:exact', part, exact, (all: FacetTallies[]) => this.rounds().counts(this.candidates!, all)),
    }
  }

  /** The search coordinator of part `part`, whose documents start at `firstPosition` of the whole corpus. */
  coordinator(part: number, firstPosition: number): SearchCoordinator {
    return coordinatorOver(this.api, part, firstPosition)
  }

  /** Every pending and later step fails: the parts still waiting stop instead of hanging. */
  abort(error: Error) {
    this.failure ??= error
    for (const barrier of this.barriers.values()) barrier.reject(this.failure)
  }

  /**
   * The whole answer from the parts' answers (each part's search answered
   * through this gathering): their common totals, facets and corrections,
   * the page's hits each part rendered put in the merged order.
   */
  answer(answers: readonly SearchResponse[]): SearchResponse {
    const hits: SearchHit[] = []
    answers.forEach((answer, part) => answer.hits.forEach((hit, j) => (hits[this.slots[part]![j]!] = hit)))
    const { typoTolerance: _, ...common } = answers[0]!
    return { ...common, hits, ...(answers.some((answer) => answer.typoTolerance) ? { typoTolerance: true } : {}) }
  }

  private step<T, R>(name: string, part: number, local: T, combine: (values: T[]) => R): Promise<R> {
    if (this.failure) return Promise.reject(this.failure)
    if (!Number.isInteger(part) || part < 0 || part >= this.parts) return Promise.reject(new GatherError(`no part ${part}`))
    let barrier = this.barriers.get(name) as Barrier<T, R> | undefined
    if (!barrier) this.barriers.set(name, (barrier = new Barrier<T, R>(this.parts, combine) as Barrier<T, R>) as Barrier<unknown, unknown>)
    return barrier.arrive(part, local)
  }

  private rounds(): FacetRounds {
    if (!this.facetRounds) throw new GatherError('a facet round before the first')
    return this.facetRounds
  }

  /** k-way merge of the parts' ranked lists by the one index's order, cut to the page: each part's indices on it. */
  private cutPage(lists: RankKey[][]): number[][] {
    const order = rankOrder(this.params.sort)
    const heads = lists.map(() => 0)
    const pages: number[][] = lists.map(() => [])
    const end = this.params.offset + this.params.limit
    for (let at = 0; at < end; at++) {
      let best = -1
      lists.forEach((list, part) => {
        const head = list[heads[part]!]
        if (head && (best === -1 || order(head, lists[best]![heads[best]!]!) < 0)) best = part
      })
      if (best === -1) break
      if (at >= this.params.offset) {
        pages[best]!.push(heads[best]!)
        this.slots[best]!.push(at - this.params.offset)
      }
      heads[best]!++
    }
    return pages
  }
}

/** A part's search coordinator over a gathering it reaches through `api` (in process, or over RPC from a shard). */
export function coordinatorOver(api: GatherApi, part: number, firstPosition: number): SearchCoordinator {
  return {
    firstPosition,
    sum: (step, local) => api.sum(part, step, local),
    words: (step, local) => api.words(part, step, [...local]),
    page: (ranked) => api.page(part, [...ranked]),
    facets: async (table, matches, filters, limit) => {
      const tallies = table.tallies(matches, filters)
      const thresholds = await api.facetTops(part, tallies.top(limit), limit)
      const candidates = await api.facetCandidates(part, tallies.atLeast(thresholds))
      return api.facetCounts(part, tallies.exact(candidates))
    },
  }
}
