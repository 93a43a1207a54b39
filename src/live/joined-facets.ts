import { facetNamePosition, type FacetTable } from '../search/tables/facet-table'
import { FACETS, facetKey, type FacetCount, type FacetCounts, type FacetName, type NormalizedFilters } from '../search/facets'

type Column = ReturnType<FacetTable['column']>

/**
 * The facet values of the base and the live part numbered as one: a live
 * value the base has gets the base's number, the others numbers after the
 * base's; every name gets a rank in the one corpus's name order. Counting a
 * search's matches in both parts is then what `FacetTable.count` does in one
 * table (typed arrays indexed by value, the top `limit` picked once), instead
 * of listing every value of each part and adding the lists up by name. Made
 * once per version of the live segment, for the facets a search counts.
 */
export class JoinedFacets {
  private readonly columns = new Map<FacetName, JoinedColumn>()

  constructor(private readonly tables: readonly [FacetTable, FacetTable]) {}

  /**
   * The counts over `docs[part]` (each part's matches), as `FacetTable.count`
   * gives them for one table: each facet's counts apply every other active
   * filter; the top `limit` values (most articles, then by name, a value
   * written several ways showing the first of its names among the results),
   * then the selected values not among them that some part has.
   */
  count(docs: readonly [ArrayLike<number>, ArrayLike<number>], filters: NormalizedFilters, limit: number): FacetCounts {
    const failed = docs.map((part, p) => {
      const marks = new Uint8Array(part.length)
      if (filters.length === 0) return marks
      const check = this.tables[p]!.check(filters)
      for (let i = 0; i < part.length; i++) marks[i] = check(part[i]!)
      return marks
    })
    const counts = {} as FacetCounts
    FACETS.forEach((facet, f) => {
      const joined = this.column(facet)
      const { tally, display, shown } = joined
      const others = ~(1 << f)
      const touched: number[] = []
      for (let p = 0; p < docs.length; p++) {
        const part = docs[p]!
        const marks = failed[p]!
        const { starts, values, keyOf } = this.tables[p]!.column(facet)
        const keys = joined.keys[p]!
        const ranks = joined.ranks[p]!
        for (let i = 0; i < part.length; i++) {
          if ((marks[i]! & others) !== 0) continue
          const doc = part[i]!
          for (let at = starts[doc]!; at < starts[doc + 1]!; at++) {
            const name = values[at]!
            const key = keys[keyOf[name]!]!
            const rank = ranks[name]!
            if (tally[key]!++ === 0 || rank < display[key]!) {
              if (tally[key] === 1) touched.push(key)
              display[key] = rank
              shown[key] = p === 0 ? name : -1 - name
            }
          }
        }
      }
      const top = topKeys(touched, (a, b) => tally[b]! - tally[a]! || display[a]! - display[b]!, tally, limit)
      const listed: FacetCount[] = top.map((key) => ({ value: this.nameShown(facet, key), count: tally[key]! }))
      for (const value of filters.find(([name]) => name === facet)?.[1] ?? []) {
        const key = joined.keyOf(value)
        // A value no article has is no facet value; a known one stays listed (count 0 if no match has it) so it can be unticked.
        if (key === -1 || top.includes(key)) continue
        listed.push(tally[key]! > 0 ? { value: this.nameShown(facet, key), count: tally[key]! } : { value, count: 0 })
      }
      for (const key of touched) tally[key] = 0
      counts[facet] = listed
    })
    return counts
  }

  private nameShown(facet: FacetName, key: number): string {
    const shown = this.column(facet).shown[key]!
    return shown >= 0 ? this.tables[0].column(facet).names[shown]! : this.tables[1].column(facet).names[-1 - shown]!
  }

  private column(facet: FacetName): JoinedColumn {
    let found = this.columns.get(facet)
    if (!found) this.columns.set(facet, (found = new JoinedColumn(this.tables[0].column(facet), this.tables[1].column(facet))))
    return found
  }
}

/** One facet's values of both parts in one numbering. */
class JoinedColumn {
  /** Per part, the joined value of each of its values. */
  readonly keys: [Uint32Array, Uint32Array]
  /** Per part, the rank of each of its names in the one corpus's name order. */
  readonly ranks: [Float64Array, Float64Array]
  /** Scratch for counting (zero between uses): per joined value, its count, the best rank of its names among the results, and that name (base index, or −1 − live index). */
  readonly tally: Uint32Array
  readonly display: Float64Array
  readonly shown: Int32Array
  private readonly liveOnly = new Map<string, number>()

  constructor(
    private readonly base: Column,
    live: Column,
  ) {
    this.keys = [Uint32Array.from({ length: base.keyCount }, (_, key) => key), new Uint32Array(live.keyCount)]
    live.names.forEach((name, i) => {
      const key = facetKey(name)
      let joined = base.keyIndex(key)
      if (joined === -1) {
        joined = this.liveOnly.get(key) ?? base.keyCount + this.liveOnly.size
        this.liveOnly.set(key, joined)
      }
      this.keys[1][live.keyOf[i]!] = joined
    })
    // Both name lists are sorted (`compareFacetNames`): a live name ranks with the base name it equals, or between its neighbours.
    const between = 1 / (live.names.length + 2)
    this.ranks = [
      Float64Array.from(base.names, (_, i) => i),
      Float64Array.from(live.names, (name, i) => {
        const at = facetNamePosition(base.names, name)
        return base.names[at] === name ? at : at - 1 + (i + 1) * between
      }),
    ]
    const keyCount = base.keyCount + this.liveOnly.size
    this.tally = new Uint32Array(keyCount)
    this.display = new Float64Array(keyCount)
    this.shown = new Int32Array(keyCount)
  }

  /** The joined value of a normalised key, or −1 when neither part has it. */
  keyOf(key: string): number {
    const inBase = this.base.keyIndex(key)
    return inBase !== -1 ? inBase : (this.liveOnly.get(key) ?? -1)
  }
}

/**
 * The `limit` best keys in `better`'s order, without ordering every key: a
 * histogram of the counts finds the lowest count that makes the list, and
 * only the keys at or above it are sorted.
 */
function topKeys(touched: readonly number[], better: (a: number, b: number) => number, tally: Uint32Array, limit: number): number[] {
  if (touched.length <= limit) return [...touched].sort(better)
  let highest = 0
  for (const key of touched) if (tally[key]! > highest) highest = tally[key]!
  const histogram = new Uint32Array(highest + 1)
  for (const key of touched) histogram[tally[key]!]!++
  let threshold = highest
  let atLeast = histogram[highest]!
  while (atLeast < limit && threshold > 0) atLeast += histogram[--threshold]!
  return touched
    .filter((key) => tally[key]! >= threshold)
    .sort(better)
    .slice(0, limit)
}
