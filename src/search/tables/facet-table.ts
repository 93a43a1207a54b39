import type { StoredArticle } from '../../article'
import {
  articleFacets,
  compareFacetNames,
  FACETS,
  facetKey,
  type ArticleFacets,
  type FacetCount,
  type FacetCounts,
  type FacetName,
  type NormalizedFilters,
} from '../facets'
import { bitCount, bitsSet, MatchSet } from '../topk/match-set'
import { PartFacets, type PartColumn } from './facet-rounds'
import { FacetRows, type TalliedColumn } from './facet-rows'
import { ranksBefore, topValues } from './facet-top'
import { packNumbers, unpackNumbers } from './sorted-words'

/**
 * Every article's facet values as numbers, computed at build time: per facet,
 * one table of display names, and per article the indices of its names. A
 * search counts facets in typed arrays indexed by value, never by string.
 *
 * Names are sorted the way the facet lists order ties (`localeCompare`), so
 * comparing two names is comparing two integers. Two names with the same
 * `facetKey` ("Police", "police") are one value: `keys` gives each name's value.
 */
export type StoredFacetColumn = {
  names: string[]
  /** Packed: the value (key index) of each name. */
  keys: string
  /** Packed: how many names each article has. */
  counts: string
  /** Packed: the articles' name indices, article after article, each article's in `articleFacets` order. */
  values: string
}
export type StoredFacetTable = Record<FacetName, StoredFacetColumn>

export function storeFacetTable(articles: readonly StoredArticle[]): StoredFacetTable {
  const all = articles.map(articleFacets)
  return packFacetTable(all, (facet) => [...new Set(all.flatMap((facets) => [...facets[facet].values()]))].sort(compareFacetNames))
}

/**
 * The facet table's packing, apart from its counting: each article's values (in table order), and per facet
 * (`namesOf`) every name they use, sorted by `compareFacetNames`. The build reads them from the corpus (`storeFacetTable`); the live
 * segment keeps them as articles come and go (src/live/live-facets.ts).
 */
export function packFacetTable(articles: readonly ArticleFacets[], namesOf: (facet: FacetName) => readonly string[]): StoredFacetTable {
  const table = {} as StoredFacetTable
  for (const facet of FACETS) {
    const sorted = namesOf(facet)
    const nameIndex = new Map(sorted.map((name, i) => [name, i]))
    const keyIndex = new Map<string, number>()
    const keys = sorted.map((name) => {
      const key = facetKey(name)
      if (!keyIndex.has(key)) keyIndex.set(key, keyIndex.size)
      return keyIndex.get(key)!
    })
    table[facet] = {
      names: [...sorted],
      keys: packNumbers(keys),
      counts: packNumbers(articles.map((facets) => facets[facet].size)),
      values: packNumbers(articles.flatMap((facets) => [...facets[facet].values()].map((name) => nameIndex.get(name)!))),
    }
  }
  return table
}

/** Where `name` is, or goes, in `names` (sorted by `compareFacetNames`): the first position whose name does not come before it. */
export function facetNamePosition(names: readonly string[], name: string): number {
  let low = 0
  let high = names.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareFacetNames(names[middle]!, name) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * A facet column by value: each value's documents (ascending), the values by
 * corpus frequency (most first), each value's first name and how many names
 * it has, and bitsets of the frequent values' documents (made when first
 * counted).
 */
type InvertedColumn = {
  starts: Uint32Array
  docs: Uint32Array
  byFrequency: Uint32Array
  /** Per position in `byFrequency`: the value's frequency, and the prefix sums of what counting them costs. */
  frequencies: Uint32Array
  costs: Float64Array
  /** The first `listed` values of `byFrequency` have their documents in `docs`; the others an empty range. */
  listed: number
  firstName: Uint32Array
  spellings: Uint32Array
  /** Per value, its documents in the corpus. */
  frequency: Uint32Array
  /** Whether every value written several ways has its document list (`FacetColumn.fromRest` finds the name it shows there). */
  spelledListed: boolean
  bitsets: Map<number, Uint32Array>
  bitsetWords: number
  bytes: number
}

/**
 * A value in at least this many documents per word of a bitset over the
 * corpus is counted by intersecting bitsets (a word ANDed and counted costs
 * about what testing a few documents does); the others by testing their
 * documents. It also caps the bitsets' memory: at most 32 / DENSE_SHARE
 * values' worth per value an article has on average.
 */
const DENSE_SHARE = 4

/** The share of a column's entries (article × value) that the most frequent values' document lists hold at most. */
const LISTED_SHARE = 0.5

/** Values per article on average up to which a column lists every value's documents (see `inverted`). */
const FULLY_LISTED = 2

/** The first position of the descending `frequencies` below `least`. */
function firstBelow(frequencies: Uint32Array, least: number): number {
  let low = 0
  let high = frequencies.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (frequencies[middle]! >= least) low = middle + 1
    else high = middle
  }
  return low
}

/** `topOver`'s list of the best values so far, shared by the isolate's searches (used within one synchronous call). */
let topList = new Uint32Array(16)

function topScratch(limit: number): Uint32Array {
  if (topList.length < limit) topList = new Uint32Array(limit)
  return topList
}

/** A key's 32-bit hash: FNV-1a over its UTF-16 code units, then MurmurHash3's finaliser, so that the slot (the hash modulo the table's size) and its high bits (`keySlots`' check) both spread. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/** One facet's table, unpacked when first used. */
class FacetColumn implements TalliedColumn {
  readonly names: readonly string[]
  readonly keyOf: Uint32Array
  readonly keyCount: number
  /** Article d's name indices are values[starts[d] .. starts[d + 1]) (two bytes each where the names fit: `FacetRows` holds them again). */
  readonly starts: Uint32Array
  readonly values: Uint16Array | Uint32Array
  readonly documentCount: number
  /** Scratch for counting (zero between uses), and the name each counted value shows. */
  readonly tally: Uint32Array
  readonly display: Uint32Array
  /** Scratch: the values counted so far, in the order counted (a value is in it while its tally is above 0). */
  readonly touchedKeys: Uint32Array
  /**
   * The values by key (`facetKey`), made on the first lookup, without a key string per name (a `Map` of them held
   * 9 MiB of a shard of 10,000 articles): a hash table of one name per value, open addressing with linear probing, at
   * most three quarters full. A slot holds the name's index + 1 in its low `nameBits` bits and the top bits of its key's hash
   * above them, so that a probe keys a name only when those bits agree (a bisection of the names in key order keyed
   * 17 names a lookup, and a sharded search looks up some 1,500 keys).
   */
  private keySlots: Uint32Array | undefined
  private readonly nameBits: number

  constructor(stored: StoredFacetColumn) {
    this.names = stored.names
    this.nameBits = 32 - Math.clz32(stored.names.length)
    this.keyOf = unpackNumbers(stored.keys)
    let keyCount = 0
    for (const key of this.keyOf) if (key + 1 > keyCount) keyCount = key + 1
    this.keyCount = keyCount
    const counts = unpackNumbers(stored.counts)
    this.starts = new Uint32Array(counts.length + 1)
    for (let d = 0; d < counts.length; d++) this.starts[d + 1] = this.starts[d]! + counts[d]!
    const values = unpackNumbers(stored.values)
    this.values = stored.names.length <= 0x10000 ? Uint16Array.from(values) : values
    this.documentCount = counts.length
    this.tally = new Uint32Array(keyCount)
    this.display = new Uint32Array(keyCount)
    this.touchedKeys = new Uint32Array(keyCount)
  }

  /** The value of a normalised key (`facetKey`), or -1 when no article has it. */
  keyIndex(key: string): number {
    const slots = (this.keySlots ??= this.slotsByKey())
    const { nameBits } = this
    const hash = keyHash(key)
    for (let slot = hash % slots.length; ; slot = slot + 1 === slots.length ? 0 : slot + 1) {
      const entry = slots[slot]!
      if (entry === 0) return -1
      if (entry >>> nameBits !== hash >>> nameBits) continue
      const name = (entry & (2 ** nameBits - 1)) - 1
      if (facetKey(this.names[name]!) === key) return this.keyOf[name]!
    }
  }

  /** `keySlots`: each value's first name placed by its key's hash (the keys are made for it and dropped). */
  private slotsByKey(): Uint32Array {
    const { nameBits } = this
    // Three quarters full at most (an empty slot ends every probe): a miss probes a few slots more than at half full,
    // each an integer compared, in 4/3 of a slot per value rather than 2 to 4 (a power of two's size).
    const slots = new Uint32Array(Math.ceil((this.keyCount * 4) / 3) + 1)
    const placed = new Uint8Array(this.keyCount)
    for (let name = 0; name < this.keyOf.length; name++) {
      const value = this.keyOf[name]!
      if (placed[value] === 1) continue
      placed[value] = 1
      const hash = keyHash(facetKey(this.names[name]!))
      let slot = hash % slots.length
      while (slots[slot] !== 0) slot = slot + 1 === slots.length ? 0 : slot + 1
      slots[slot] = (((hash >>> nameBits) << nameBits) | (name + 1)) >>> 0
    }
    return slots
  }

  /**
   * The exact counts a tally of every match (`FacetRows.tallyOver`) would give of every value that can be among
   * the top `limit` (and of the `selected` keys), found without a tally per
   * match when that is cheaper: values are counted one by one, most frequent
   * in the corpus first (an intersection of the match bitset with the value's
   * documents), and a value's count is at most its corpus frequency, so once
   * `limit` values count more than the next value's frequency, no value left
   * can make the list (TPUT's bound, Cao and Wang 2004, with the corpus as the
   * one other part). A broad match set ends after a few values; a narrow one
   * (each value counting a small share of its frequency) would count most of
   * them, so the values' work is capped at what the tally would cost, and past
   * that the tally runs. Same `tally`, `display`, `touchedKeys` as the tally
   * for those values; -1 when the tally is to run instead (the scratch left clear).
   */
  topOver(words: Uint32Array, matched: number, limit: number, selected: readonly number[]): number {
    if (this.tallies(matched, limit, selected)) return -1
    const inverted = this.inverted()
    const { tally, display, touchedKeys } = this
    const budget = this.tallyCost(matched)
    const { byFrequency, frequencies, costs } = inverted
    const top = topScratch(limit)
    let listed = 0
    let touched = 0
    let spent = 0
    let least = -1
    for (let i = 0; i < byFrequency.length; i++) {
      const key = byFrequency[i]!
      const frequency = frequencies[i]!
      if (listed === limit && frequency < tally[top[limit - 1]!]!) break
      spent += i < inverted.listed ? Math.min(frequency, inverted.bitsetWords) : Infinity
      // Over budget, or sure to be: the values still to count (at least as frequent as the list's last count) cost more than is left.
      if (listed === limit && tally[top[limit - 1]!] !== least) {
        least = tally[top[limit - 1]!]!
        if (spent + costs[firstBelow(frequencies, least)]! - costs[i + 1]! > budget) spent = Infinity
      }
      if (spent > budget) {
        for (let t = 0; t < touched; t++) tally[touchedKeys[t]!] = 0
        return -1
      }
      const count = this.countOf(key, words)
      if (count === 0) continue
      tally[key] = count
      display[key] = this.displayOf(key, words)
      touchedKeys[touched++] = key
      // The list so far, best first (most matches, then first name): insertion into at most `limit` keys.
      if (listed === limit && !ranksBefore(key, top[limit - 1]!, tally, display)) continue
      let at = listed < limit ? listed++ : limit - 1
      while (at > 0 && ranksBefore(key, top[at - 1]!, tally, display)) {
        top[at] = top[at - 1]!
        at--
      }
      top[at] = key
    }
    for (const key of selected) {
      if (tally[key] !== 0) continue
      const count = this.countOf(key, words)
      if (count === 0) continue
      tally[key] = count
      display[key] = this.displayOf(key, words)
      touchedKeys[touched++] = key
    }
    return touched
  }

  /** The tally's cost over `matched` documents in steps, as one step is a document tested or a bitset word: it visits each match's values. */
  private tallyCost(matched: number): number {
    return matched * (1 + this.values.length / Math.max(1, this.documentCount))
  }

  /** Whether `topOver` would tally every match from the start rather than count values one by one (see there). */
  tallies(matched: number, limit: number, selected: readonly number[]): boolean {
    const inverted = this.inverted()
    const budget = this.tallyCost(matched)
    if (limit <= 0 || budget < inverted.bitsetWords) return true
    const { frequencies, costs } = inverted
    // Were the matches spread over values as over the corpus, the list's last count would be the `limit`-th frequency
    // times the share matched; counting every value above half that would cost more than the tally: tally at once.
    const expected = (frequencies[Math.min(limit, frequencies.length) - 1] ?? 0) * (matched / Math.max(1, this.documentCount))
    const needed = firstBelow(frequencies, expected / 2)
    if (needed > inverted.listed || costs[needed]! > budget) return true
    for (let i = 0; i < selected.length; i++) if (!this.isListed(selected[i]!)) return true
    return false
  }

  /** Whether `fromRest` can count this column (see `InvertedColumn.spelledListed`). */
  countsFromRest(): boolean {
    return this.inverted().spelledListed
  }

  /**
   * The tally (`FacetRows.tallyOver`) of the bitset `words` from the tally of every other document
   * (left in `tally` by a tally of the rest): a value's count is its corpus
   * count less that, and the name it shows its only one or, for a value
   * written several ways, the first among its matches' (`displayOf`). What a
   * match set of more than half the corpus costs less to count. Returns the
   * values counted (`touchedKeys`), as the tally does.
   */
  fromRest(words: Uint32Array): number {
    const { tally, display, touchedKeys } = this
    const { frequency, firstName, spellings } = this.inverted()
    let touched = 0
    for (let key = 0; key < this.keyCount; key++) {
      const count = frequency[key]! - tally[key]!
      tally[key] = count
      if (count === 0) continue
      display[key] = spellings[key] === 1 ? firstName[key]! : this.displayOf(key, words)
      touchedKeys[touched++] = key
    }
    return touched
  }

  /** How many documents of the bitset `words` have the value `key`: its bitset's intersection if it is frequent, else its documents tested. */
  private countOf(key: number, words: Uint32Array): number {
    const inverted = this.inverted()
    const bitset = this.bitsetOf(key)
    let count = 0
    if (bitset) {
      const length = Math.min(bitset.length, words.length)
      for (let w = 0; w < length; w++) count += bitCount(bitset[w]! & words[w]!)
      return count
    }
    const { starts, docs } = inverted
    const end = starts[key + 1]!
    for (let at = starts[key]!; at < end; at++) {
      const doc = docs[at]!
      if ((words[doc >>> 5]! & (1 << (doc & 31))) !== 0) count++
    }
    return count
  }

  /** The name a value shows over the bitset `words` (which has some of its documents): the first in name order among theirs. */
  private displayOf(key: number, words: Uint32Array): number {
    const { starts, docs, firstName, spellings } = this.inverted()
    if (spellings[key] === 1) return firstName[key]!
    let shown = Infinity
    const end = starts[key + 1]!
    for (let at = starts[key]!; at < end && shown !== firstName[key]; at++) {
      const doc = docs[at]!
      if ((words[doc >>> 5]! & (1 << (doc & 31))) === 0) continue
      for (let v = this.starts[doc]!; v < this.starts[doc + 1]!; v++) {
        const name = this.values[v]!
        if (this.keyOf[name] === key && name < shown) shown = name
      }
    }
    return shown
  }

  /** The bitset of a value's documents, for the values in at least `DENSE_SHARE` of the bitset's words' worth of documents (made when first counted), else undefined. */
  private bitsetOf(key: number): Uint32Array | undefined {
    const inverted = this.inverted()
    const { starts, docs, bitsets } = inverted
    if (starts[key + 1]! - starts[key]! < DENSE_SHARE * inverted.bitsetWords) return undefined
    let bitset = bitsets.get(key)
    if (!bitset) {
      bitset = new Uint32Array(inverted.bitsetWords)
      for (let at = starts[key]!; at < starts[key + 1]!; at++) bitset[docs[at]! >>> 5]! |= 1 << (docs[at]! & 31)
      bitsets.set(key, bitset)
      inverted.bytes += bitset.byteLength
    }
    return bitset
  }

  /** Adds to the bitset `into` the documents that have any of `keys`. */
  addDocumentsOf(keys: readonly number[], into: Uint32Array): void {
    const { starts, docs } = this.inverted()
    const unlisted = keys.filter((key) => !this.isListed(key))
    for (const key of keys) {
      for (let at = starts[key]!; at < starts[key + 1]!; at++) {
        const doc = docs[at]!
        if (doc >>> 5 < into.length) into[doc >>> 5]! |= 1 << (doc & 31)
      }
    }
    if (unlisted.length === 0) return
    // Rare values have no list: one pass over the column finds their documents.
    const wanted = new Uint8Array(this.keyCount)
    for (const key of unlisted) wanted[key] = 1
    const documents = Math.min(this.documentCount, into.length * 32)
    for (let doc = 0; doc < documents; doc++) {
      for (let at = this.starts[doc]!; at < this.starts[doc + 1]!; at++) {
        if (wanted[this.keyOf[this.values[at]!]!] === 1) {
          into[doc >>> 5]! |= 1 << (doc & 31)
          break
        }
      }
    }
  }

  /** Whether a value has its document list (see `InvertedColumn.listed`). */
  private isListed(key: number): boolean {
    const { starts, frequencies, listed } = this.inverted()
    // A listed value's list holds all its documents; an unlisted one's is empty, and it has some.
    return listed === frequencies.length || starts[key + 1]! - starts[key]! > 0
  }

  /** Bytes of the per-value document lists and bitsets made so far (0 before a search counted by value). */
  get invertedBytes(): number {
    return this.invertedLists?.bytes ?? 0
  }

  private invertedLists: InvertedColumn | undefined

  /** The column by value (`InvertedColumn`), made when first needed. */
  private inverted(): InvertedColumn {
    // Made apart: a function whose closures capture its variables makes their context on every call, before any return.
    return (this.invertedLists ??= this.invert())
  }

  private invert(): InvertedColumn {
    const { keyCount, keyOf, starts, values } = this
    const frequency = new Uint32Array(keyCount)
    for (let at = 0; at < values.length; at++) frequency[keyOf[values[at]!]!]!++
    const byFrequency = Uint32Array.from({ length: keyCount }, (_, key) => key).sort((a, b) => frequency[b]! - frequency[a]! || a - b)
    const frequencies = Uint32Array.from(byFrequency, (key) => frequency[key]!)
    // costs[i]: the steps `countOf` takes for the i most frequent values.
    const costs = new Float64Array(keyCount + 1)
    const bitsetWords = (this.documentCount + 31) >>> 5
    for (let i = 0; i < keyCount; i++) costs[i + 1] = costs[i]! + Math.min(frequencies[i]!, bitsetWords)
    // Lists for the most frequent values only, half the column's entries: the values counted one by one. A column of
    // few values (a year, at most a handful per article: `FULLY_LISTED`) lists them all, for a few bytes an article, so
    // that a filter on any of them reads its list, not every article's values.
    let listed = 0
    const share = values.length <= FULLY_LISTED * this.documentCount ? 1 : LISTED_SHARE
    for (let entries = 0; listed < keyCount && entries + frequencies[listed]! <= values.length * share; listed++) entries += frequencies[listed]!
    const keyStarts = new Uint32Array(keyCount + 1)
    for (let i = 0; i < listed; i++) keyStarts[byFrequency[i]! + 1] = frequencies[i]!
    for (let key = 0; key < keyCount; key++) keyStarts[key + 1]! += keyStarts[key]!
    const docs = new Uint32Array(keyStarts[keyCount]!)
    const fill = keyStarts.slice(0, keyCount)
    for (let doc = 0; doc < this.documentCount; doc++) {
      for (let at = starts[doc]!; at < starts[doc + 1]!; at++) {
        const key = keyOf[values[at]!]!
        if (fill[key]! < keyStarts[key + 1]!) docs[fill[key]!++] = doc
      }
    }
    const firstName = new Uint32Array(keyCount).fill(0xffffffff)
    const spellings = new Uint32Array(keyCount)
    for (let name = 0; name < keyOf.length; name++) {
      spellings[keyOf[name]!]!++
      if (firstName[keyOf[name]!] === 0xffffffff) firstName[keyOf[name]!] = name
    }
    let spelledListed = true
    for (let key = 0; key < keyCount; key++) if (spellings[key]! > 1 && listed < keyCount && keyStarts[key + 1] === keyStarts[key]) spelledListed = false
    const bytes = [keyStarts, docs, byFrequency, frequencies, costs, firstName, spellings, frequency].reduce((sum, array) => sum + array.byteLength, 0)
    return {
      starts: keyStarts,
      docs,
      byFrequency,
      frequencies,
      costs,
      listed,
      firstName,
      spellings,
      frequency,
      spelledListed,
      bitsets: new Map(),
      bitsetWords,
      bytes,
    }
  }

  has(doc: number, key: number): boolean {
    for (let at = this.starts[doc]!; at < this.starts[doc + 1]!; at++) if (this.keyOf[this.values[at]!] === key) return true
    return false
  }
}

/** The values selected of a facet no filter is on. */
const NONE_SELECTED: ReadonlySet<string> = new Set()

/** The values selected of `facet` (normalised keys), without a closure per look-up. */
function selectedOf(filters: NormalizedFilters, facet: FacetName): ReadonlySet<string> {
  for (let i = 0; i < filters.length; i++) if (filters[i]![0] === facet) return filters[i]![1]
  return NONE_SELECTED
}

const NO_FILTERS: readonly { facet: FacetName; documents: Uint32Array }[] = []
const NO_KEYS: readonly number[] = []

/** What `FacetTable.tallied` works out for one facet: its column, the bitset it counts over and its size, its selected values, how it counts. */
type FacetPass = {
  column: FacetColumn | undefined
  within: Uint32Array | undefined
  selected: readonly number[]
  matched: number
  /** Whether every match is tallied (else values are counted one by one, `FacetColumn.topOver`). */
  tallies: boolean
  /** Its place among the facets tallied together over the shared bitset, or -1. */
  slot: number
}

/** Which filters an article fails, as a bit mask (bit i: the filter on `FACETS[i]`). */
export type FilterCheck = (doc: number) => number

export class FacetTable {
  private readonly columns = new Map<FacetName, FacetColumn>()

  constructor(private readonly stored: StoredFacetTable) {}

  column(facet: FacetName): FacetColumn {
    let column = this.columns.get(facet)
    if (!column) this.columns.set(facet, (column = new FacetColumn(this.stored[facet])))
    return column
  }

  /** Article `doc`'s names of one facet, in the order `articleFacets` gives them. */
  namesOf(doc: number, facet: FacetName): string[] {
    const column = this.column(facet)
    const names: string[] = []
    for (let at = column.starts[doc]!; at < column.starts[doc + 1]!; at++) names.push(column.names[column.values[at]!]!)
    return names
  }

  /** The names among an article's values of `facet` (`articleFacets`: key -> name) that `other` has too, in the article's order. */
  sharedWith(values: ReadonlyMap<string, string>, other: number, facet: FacetName): string[] {
    const column = this.column(facet)
    const names: string[] = []
    for (const [key, name] of values) {
      const index = column.keyIndex(key)
      if (index !== -1 && column.has(other, index)) names.push(name)
    }
    return names
  }

  /** The filters compiled: each selected facet as a mask over its values. */
  check(filters: NormalizedFilters): FilterCheck {
    const compiled = filters.map(([facet, selected]) => {
      const column = this.column(facet)
      const wanted = new Uint8Array(column.keyCount)
      for (const key of selected) {
        const index = column.keyIndex(key)
        if (index !== -1) wanted[index] = 1
      }
      return { bit: 1 << FACETS.indexOf(facet), column, wanted }
    })
    return (doc) => {
      let failed = 0
      for (const { bit, column, wanted } of compiled) {
        let any = false
        for (let at = column.starts[doc]!; at < column.starts[doc + 1]! && !any; at++) any = wanted[column.keyOf[column.values[at]!]!] === 1
        if (!any) failed |= bit
      }
      return failed
    }
  }

  /**
   * Facet counts over a result set (the match set, not
   * scored), the way faceted UIs expect: each facet's counts apply every OTHER
   * active filter, so its alternatives stay visible with the numbers a click
   * would give. The top `limit` values of each facet (most articles first,
   * then by name; a value written several ways, "Police" and "police", shows
   * the first of its names among the results in name order), plus the selected ones.
   */
  count(matches: MatchSet, filters: NormalizedFilters, limit: number): FacetCounts {
    const counts = {} as FacetCounts
    if (this.topKeys.length < limit) this.topKeys = new Uint32Array(limit)
    const top = this.topKeys
    this.tallied(
      matches,
      filters,
      (facet, column, touched) => {
        const { tally, display, touchedKeys } = column
        const listed = topValues(touchedKeys, touched, tally, display, limit, top)
        const selected = selectedOf(filters, facet)
        // An array of the values' number where no value is selected (an empty array grown by `push` takes room for 17).
        const values: FacetCount[] = new Array<FacetCount>(selected.size === 0 ? listed : 0)
        if (selected.size === 0) for (let i = 0; i < listed; i++) values[i] = { value: column.names[display[top[i]!]!]!, count: tally[top[i]!]! }
        else {
          for (let i = 0; i < listed; i++) values.push({ value: column.names[display[top[i]!]!]!, count: tally[top[i]!]! })
          for (const value of selected) {
            const key = column.keyIndex(value)
            // A value no article has is no facet value; a known one stays listed (count 0 if no match has it) so it can be unticked.
            if (key === -1 || top.subarray(0, listed).includes(key)) continue
            values.push(tally[key]! > 0 ? { value: column.names[display[key]!]!, count: tally[key]! } : ({ value, count: 0 } satisfies FacetCount))
          }
        }
        counts[facet] = values
      },
      limit,
    )
    return counts
  }

  /** `count`'s list of a facet's top values (see `topValues`), grown to the largest limit asked for. */
  private topKeys = new Uint32Array(16)

  /** Every value `count` would count over `matches`, uncut, kept for the rounds of a merge across parts (`PartFacets`). */
  tallies(matches: MatchSet, filters: NormalizedFilters): PartFacets {
    const columns = {} as Record<FacetName, PartColumn>
    this.tallied(matches, filters, (facet, column, touched) => {
      const selected = selectedOf(filters, facet)
      // In key order, so that round 3 finds a candidate's count by bisection.
      const keys = column.touchedKeys.slice(0, touched).sort()
      // Loops, not Uint32Array.from with a function: that took most of a broad query's facet time.
      const counts = new Uint32Array(keys.length)
      const display = new Uint32Array(keys.length)
      for (let i = 0; i < keys.length; i++) {
        counts[i] = column.tally[keys[i]!]!
        display[i] = column.display[keys[i]!]!
      }
      columns[facet] = { column, keys, counts, display, known: [...selected].filter((key) => column.keyIndex(key) !== -1) }
    })
    return new PartFacets(columns)
  }

  /**
   * Counts every facet's values over the matches in the columns' scratch
   * arrays (each facet applying every OTHER active filter: the match bitset
   * ANDed with the bitsets of the documents each other filter keeps), hands
   * each facet's counted values to `read` (the first `touched` of its
   * column's `touchedKeys`), then clears the scratch. With a `limit`, only
   * the values that can make each facet's top `limit` (and the selected ones)
   * need be counted (`FacetColumn.topOver`); without, every value is. The
   * facets' records and the lists of columns are the table's, reused: a
   * search without filters makes no object here.
   */
  private tallied(matches: MatchSet, filters: NormalizedFilters, read: (facet: FacetName, column: FacetColumn, touched: number) => void, limit?: number): void {
    const length = matches.words.length
    const kept =
      filters.length === 0
        ? NO_FILTERS
        : filters.map(([facet, selected], i) => ({ facet, documents: this.keptBy(facet, selected, this.scratch(2 + i, length)) }))
    // The facets no filter is on share one bitset: the matches, ANDed with what every filter keeps.
    let shared: Uint32Array | undefined
    const passes = this.passes
    for (let f = 0; f < FACETS.length; f++) {
      const facet = FACETS[f]!
      const pass = passes[f]!
      const column = this.column(facet)
      let filtered = false
      for (let k = 0; k < kept.length; k++) if (kept[k]!.facet === facet) filtered = true
      let within: Uint32Array
      if (!filtered && shared) within = shared
      else if (kept.length === 0 || (kept.length === 1 && filtered)) within = matches.words
      else {
        // A filtered facet's own bitset (each is read after all are made); the shared one's.
        within = this.scratch(filtered ? 2 + kept.length + f : 1, length)
        within.set(matches.words)
        for (const { facet: other, documents } of kept) if (other !== facet) for (let w = 0; w < length; w++) within[w]! &= documents[w]!
        if (!filtered) shared = within
      }
      const chosen = selectedOf(filters, facet)
      const selected = chosen.size === 0 ? NO_KEYS : [...chosen].map((key) => column.keyIndex(key)).filter((key) => key !== -1)
      // Facets over one bitset have one count of it.
      const matched = f > 0 && within === passes[f - 1]!.within ? passes[f - 1]!.matched : bitsSet(within)
      pass.column = column
      pass.within = within
      pass.selected = selected
      pass.matched = matched
      pass.tallies = limit === undefined || column.tallies(matched, limit, selected)
    }
    const touched = this.touchedScratch
    // The facets that tally every match over the shared bitset, in one pass; each other facet that tallies, on its own.
    const sharedWithin = shared ?? matches.words
    const together = this.together
    together.length = 0
    let togetherMatched = 0
    for (let f = 0; f < passes.length; f++) {
      const pass = passes[f]!
      pass.slot = pass.tallies && pass.within === sharedWithin ? together.length : -1
      if (pass.slot === -1) continue
      together.push(pass.column!)
      togetherMatched = pass.matched
    }
    if (together.length > 0) this.tallyAll(together, sharedWithin, togetherMatched, touched)
    const alone = this.alone
    for (let f = 0; f < FACETS.length; f++) {
      const pass = passes[f]!
      const column = pass.column!
      const within = pass.within!
      let count: number
      if (pass.slot !== -1) count = touched[pass.slot]!
      else if (pass.tallies) {
        // Not into `touched`, which holds the shared pass's counts until every facet is read.
        alone[0] = column
        this.tallyAll(alone, within, pass.matched, this.aloneScratch)
        count = this.aloneScratch[0]!
      } else {
        count = column.topOver(within, pass.matched, limit!, pass.selected)
        // Counting value by value turned out to cost more than the tally: the tally, on its own.
        if (count === -1) {
          alone[0] = column
          this.tallyAll(alone, within, pass.matched, this.aloneScratch)
          count = this.aloneScratch[0]!
        }
      }
      read(FACETS[f]!, column, count)
      const keys = column.touchedKeys
      for (let i = 0; i < count; i++) column.tally[keys[i]!] = 0
      pass.column = undefined
      pass.within = undefined
    }
  }

  /** `tallied`'s record of each facet (`FACETS` order), reused by every count of the table (each within one synchronous call). */
  private readonly passes: FacetPass[] = FACETS.map(() => ({ column: undefined, within: undefined, selected: NO_KEYS, matched: 0, tallies: false, slot: -1 }))
  /** `tallied`'s lists of the columns tallied together, and of one tallied alone. */
  private readonly together: FacetColumn[] = []
  private readonly alone: FacetColumn[] = []

  private readonly touchedScratch = new Uint32Array(FACETS.length)
  private readonly aloneScratch = new Uint32Array(1)

  /**
   * The tally (`FacetRows.tallyOver`) of the `matched` documents of `within`; for more than
   * half the corpus, the rest of the corpus tallied instead, and each value's
   * count its corpus count less the rest's (`FacetColumn.fromRest`): fewer
   * documents visited, the same counts.
   */
  private tallyAll(columns: readonly FacetColumn[], within: Uint32Array, matched: number, touched: Uint32Array): void {
    const documents = columns[0]!.documentCount
    let broad = matched * 2 > documents && within.length === (documents + 31) >>> 5
    for (let c = 0; c < columns.length && broad; c++) broad = columns[c]!.documentCount === documents && columns[c]!.countsFromRest()
    if (!broad) return this.rows().tallyOver(columns, within, touched)
    // After the filters' bitsets and each facet's own (see `tallied`).
    const rest = this.scratch(2 + 2 * FACETS.length, within.length)
    for (let w = 0; w < within.length; w++) rest[w] = ~within[w]!
    const spare = within.length * 32 - documents
    if (spare > 0) rest[within.length - 1]! &= 0xffffffff >>> spare
    this.rows().tallyOver(columns, rest, touched)
    for (let c = 0; c < columns.length; c++) touched[c] = columns[c]!.fromRest(within)
  }

  /** The documents (of a corpus of `size`) that pass every filter: a bitset ANDed with a match set instead of a check per match. */
  passing(filters: NormalizedFilters, size: number): MatchSet {
    const passing = MatchSet.all(size)
    const scratch = this.scratch(0, passing.words.length)
    for (const [facet, selected] of filters) passing.intersect(new MatchSet(size, this.keptBy(facet, selected, scratch)))
    return passing
  }

  /** Into `into` (cleared first), the documents with some selected value of `facet`. */
  private keptBy(facet: FacetName, selected: ReadonlySet<string>, into: Uint32Array): Uint32Array {
    const column = this.column(facet)
    into.fill(0)
    column.addDocumentsOf(
      [...selected].map((key) => column.keyIndex(key)).filter((key) => key !== -1),
      into,
    )
    return into
  }

  /** Bitsets reused by the counts of this table (each used within one synchronous call): the `i`-th, of `length` words. */
  private scratch(i: number, length: number): Uint32Array {
    let bitset = this.bitsets[i]
    if (!bitset || bitset.length !== length) this.bitsets[i] = bitset = new Uint32Array(length)
    return bitset
  }

  private readonly bitsets: Uint32Array[] = []

  /** Every column's names per document as one row (`FacetRows`), made when first tallied. */
  private rows(): FacetRows {
    return (this.rowsMade ??= new FacetRows(FACETS.map((facet) => this.column(facet))))
  }

  private rowsMade: FacetRows | undefined

  /** Bytes of what counting made beside the stored table so far: the facet columns' per-value document lists and bitsets, the rows (the bench's memory figure). */
  get invertedBytes(): number {
    let bytes = this.rowsMade?.bytes ?? 0
    for (const column of this.columns.values()) bytes += column.invertedBytes
    return bytes
  }
}
