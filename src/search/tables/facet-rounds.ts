import { FACETS, compareFacetNames, facetKey, type FacetCounts, type FacetName, type NormalizedFilters } from '../facets'
import { topValues } from './facet-top'

/**
 * Some of one facet's counts over a part's matches, as a part hands them to
 * the front in the rounds of `FacetRounds`, in columns (cheap to clone over
 * RPC): `names[i]`, the name shown for a value (of the names the part's
 * matches give it, the first in name order, as `FacetTable.count` shows; its
 * `facetKey` is the value's key; '' for a value none of them has), has
 * `counts[i]` matches. `known`: the selected keys this part has, matched or not.
 */
export type FacetTally = { names: string[]; counts: Uint32Array; known: string[] }
export type FacetTallies = Record<FacetName, FacetTally>

/** What a part's round 3 asks of its facet column: a value's names, and a normalised key's value (-1 when none). */
export type KeyedColumn = { readonly names: readonly string[]; keyIndex(key: string): number }

/** One facet's counts over a part's matches, copied out of the column's scratch: the i-th value counted is `keys[i]`. */
export type PartColumn = { column: KeyedColumn; keys: Uint32Array; counts: Uint32Array; display: Uint32Array; known: string[] }

/**
 * A part's facet counts over its matches, for the three rounds of an exact
 * top `limit` across parts (`FacetRounds`): its own top values, then every
 * value with at least a threshold, then the exact counts of the candidates.
 * A broad query's part counts tens of thousands of values per facet; handing
 * them all to the front cost more than the search.
 */
export class PartFacets {
  constructor(private readonly columns: Record<FacetName, PartColumn>) {}

  /** Round 1: each facet's top `limit` values (most matches, then by name). */
  top(limit: number): FacetTallies {
    return this.each(({ counts, display }) => {
      if (limit <= 0) return []
      const positions = new Uint32Array(counts.length)
      for (let i = 0; i < positions.length; i++) positions[i] = i
      const top = new Uint32Array(Math.min(limit, counts.length))
      return top.subarray(0, topValues(positions, positions.length, counts, display, limit, top))
    })
  }

  /** Round 2: each facet's values with at least `atLeast[facet]` matches. */
  atLeast(atLeast: Record<FacetName, number>): FacetTallies {
    return this.each(({ counts }, facet) => {
      const positions: number[] = []
      for (let i = 0; i < counts.length; i++) if (counts[i]! >= atLeast[facet]) positions.push(i)
      return positions
    })
  }

  /** Round 3: the counts and shown names ('' when no match has it) of the candidates (normalised keys), in their order. */
  exact(candidates: Record<FacetName, readonly string[]>): FacetTallies {
    const tallies = {} as FacetTallies
    for (const facet of FACETS) {
      const { column, keys, counts, display, known } = this.columns[facet]
      const wanted = candidates[facet]
      const names: string[] = []
      const found = new Uint32Array(wanted.length)
      wanted.forEach((key, i) => {
        const index = column.keyIndex(key)
        const position = index === -1 ? -1 : bisect(keys, index)
        names.push(position === -1 ? '' : column.names[display[position]!]!)
        if (position !== -1) found[i] = counts[position]!
      })
      tallies[facet] = { names, counts: found, known }
    }
    return tallies
  }

  private each(positionsOf: (column: PartColumn, facet: FacetName) => ArrayLike<number>): FacetTallies {
    const tallies = {} as FacetTallies
    for (const facet of FACETS) {
      const part = this.columns[facet]
      const positions = positionsOf(part, facet)
      const names: string[] = []
      const counts = new Uint32Array(positions.length)
      for (let at = 0; at < positions.length; at++) {
        names.push(part.column.names[part.display[positions[at]!]!]!)
        counts[at] = part.counts[positions[at]!]!
      }
      tallies[facet] = { names, counts, known: part.known }
    }
    return tallies
  }
}

/** Where `value` is in the ascending `sorted`, or -1. */
function bisect(sorted: Uint32Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low < sorted.length && sorted[low] === value ? low : -1
}

/**
 * The front's side of an exact top `limit` per facet over parts that each
 * count their own matches (TPUT: Cao and Wang, "Efficient top-K query
 * calculation in distributed networks", 2004), in three rounds of bounded
 * size instead of every value of every part:
 * 1. each part's top `limit`: summed, the `limit`-th highest sum τ is at most
 *    the whole corpus's `limit`-th count;
 * 2. each part's values with at least τ / parts matches: a value with τ or more
 *    in all has that many in some part, so every value of the top (and every
 *    tie at its last count) is among those handed in;
 * 3. each part's exact count and shown name for those candidates and the
 *    selected values: the top of their sums, ties by name, is the one index's
 *    (`FacetTable.count`), then the selected values not among them that some
 *    part has (count 0 when no result has them).
 */
export class FacetRounds {
  /** Per facet, round 1's bound: at most the whole corpus's `limit`-th count. */
  private readonly tau = {} as Record<FacetName, number>
  /** Per facet, the least count a part's value needed in round 2. */
  private readonly least = {} as Record<FacetName, number>

  constructor(
    private readonly parts: number,
    private readonly filters: NormalizedFilters,
    private readonly limit: number,
  ) {}

  /** Round 1 in, the least count a part's value needs to be a candidate out. */
  thresholds(tops: readonly FacetTallies[]): Record<FacetName, number> {
    for (const facet of FACETS) {
      // Fewer values than the list holds: every value counted is a candidate.
      const tau = (this.tau[facet] = this.limit <= 0 ? Infinity : limitth(sumsByKey(tops, facet), this.limit))
      this.least[facet] = Math.max(1, Math.ceil(tau / this.parts))
    }
    return { ...this.least }
  }

  /**
   * Round 2 in, the candidates (normalised keys) every part counts exactly
   * out: the values handed in whose count could still reach the `limit`-th
   * highest of their sums (a part that did not hand one in has fewer than the
   * least count of it), and the selected values.
   */
  candidatesFrom(above: readonly FacetTallies[]): Record<FacetName, string[]> {
    const candidates = {} as Record<FacetName, string[]>
    for (const facet of FACETS) {
      const sums = sumsByKey(above, facet)
      // Both rounds' sums are lower bounds of counts: the larger bound prunes more.
      const tau = Math.max(this.tau[facet], this.limit <= 0 ? Infinity : limitth(sums, this.limit))
      const chosen = new Set(this.filters.find(([name]) => name === facet)?.[1] ?? [])
      for (const [key, { sum, parts }] of sums) if (sum + (this.parts - parts) * (this.least[facet] - 1) >= tau) chosen.add(key)
      candidates[facet] = [...chosen]
    }
    return candidates
  }

  /** Round 3 in (each part's counts and names of `candidates`, in their order), the facet counts out. */
  counts(candidates: Record<FacetName, readonly string[]>, exact: readonly FacetTallies[]): FacetCounts {
    const counts = {} as FacetCounts
    for (const facet of FACETS) {
      const merged = new Map<string, MergedValue>()
      candidates[facet].forEach((key, i) => {
        let value: MergedValue | undefined
        for (const tally of exact) {
          const count = tally[facet].counts[i]!
          if (count === 0) continue
          const name = tally[facet].names[i]!
          if (!value) value = { key, name, count }
          // Parts mostly spell a value alike: the locale comparison only for two spellings.
          else value = { key, name: name !== value.name && compareFacetNames(name, value.name) < 0 ? name : value.name, count: value.count + count }
        }
        if (value) merged.set(key, value)
      })
      const top = [...merged.values()].sort((a, b) => b.count - a.count || compareFacetNames(a.name, b.name)).slice(0, Math.max(0, this.limit))
      const listed = top.map(({ name, count }) => ({ value: name, count }))
      const known = new Set(exact.flatMap((tally) => tally[facet].known))
      for (const key of this.filters.find(([name]) => name === facet)?.[1] ?? []) {
        if (!known.has(key) || top.some((value) => value.key === key)) continue
        const value = merged.get(key)
        listed.push(value ? { value: value.name, count: value.count } : { value: key, count: 0 })
      }
      counts[facet] = listed
    }
    return counts
  }
}

type MergedValue = { key: string; name: string; count: number }

/** The parts' counts of one facet's values summed by key, with how many parts handed each in. */
function sumsByKey(tallies: readonly FacetTallies[], facet: FacetName): Map<string, { sum: number; parts: number }> {
  const sums = new Map<string, { sum: number; parts: number }>()
  for (const tally of tallies) {
    const { names, counts } = tally[facet]
    names.forEach((name, i) => {
      const key = facetKey(name)
      const found = sums.get(key)
      if (found) {
        found.sum += counts[i]!
        found.parts++
      } else sums.set(key, { sum: counts[i]!, parts: 1 })
    })
  }
  return sums
}

/** The `limit`-th highest of the sums, 0 when there are fewer. */
function limitth(sums: ReadonlyMap<string, { sum: number }>, limit: number): number {
  if (sums.size < limit) return 0
  return Float64Array.from(sums.values(), ({ sum }) => sum).sort()[sums.size - limit]!
}
