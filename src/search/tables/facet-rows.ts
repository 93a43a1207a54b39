/**
 * The part of a facet column that tallying reads and writes (`FacetColumn` in facet-table.ts): per document its
 * name indices (`values[starts[d] .. starts[d + 1])`), each name's value (`keyOf`), and the scratch a tally leaves
 * its counts in (`tally`, the name each counted value shows in `display`, the values met in `touchedKeys`).
 */
export type TalliedColumn = {
  readonly names: readonly string[]
  readonly keyOf: Uint32Array
  readonly keyCount: number
  readonly starts: Uint32Array
  readonly values: Uint16Array | Uint32Array
  readonly documentCount: number
  readonly tally: Uint32Array
  readonly display: Uint32Array
  readonly touchedKeys: Uint32Array
}

/**
 * Every column of a facet table as one row per document, made once when the
 * table is first counted: the document's names of every column side by side
 * (column after column), each name numbered across the columns. Tallying the
 * matches of a search is then one counter raised per name in each match's
 * row, the names' counts added up to their values' afterwards (a few
 * thousand names, against some twenty in each match's row), where a pass per
 * match read five ranges of five arrays and looked up each name's value and
 * the name it shows (a broad one-word query's facets were two fifths of its time).
 */
export class FacetRows {
  /** Document d's names of column c are `entries[offsets[d * columns + c] .. offsets[d * columns + c + 1])`. */
  private readonly offsets: Uint32Array
  /** Names numbered across the columns: column c's name i is `nameBase[c] + i`. */
  private readonly entries: Uint16Array | Uint32Array
  private readonly nameBase: Uint32Array
  private readonly documentCount: number
  /** Scratch of one tally (zero between uses): per name, the matches that have it. */
  private readonly tally: Uint32Array
  /** Scratch of a tally: the columns' runs it reads, as pairs of first and past-last column. */
  private readonly runs: Uint8Array

  constructor(private readonly columns: readonly TalliedColumn[]) {
    const count = columns.length
    this.nameBase = new Uint32Array(count + 1)
    let documentCount = 0
    let entries = 0
    columns.forEach((column, c) => {
      this.nameBase[c + 1] = this.nameBase[c]! + column.names.length
      documentCount = Math.max(documentCount, column.documentCount)
      entries += column.values.length
    })
    this.documentCount = documentCount
    const names = this.nameBase[count]!
    // Two bytes a name where the columns' names fit, as they do in a shard: half the memory, and of the bytes read per match.
    this.entries = names <= 0x10000 ? new Uint16Array(entries) : new Uint32Array(entries)
    this.offsets = new Uint32Array(documentCount * count + 1)
    let at = 0
    for (let doc = 0; doc < documentCount; doc++) {
      for (let c = 0; c < count; c++) {
        const { starts, values, documentCount: documents } = columns[c]!
        if (doc < documents) for (let v = starts[doc]!; v < starts[doc + 1]!; v++) this.entries[at++] = this.nameBase[c]! + values[v]!
        this.offsets[doc * count + c + 1] = at
      }
    }
    this.tally = new Uint32Array(names)
    this.runs = new Uint8Array(2 * count)
  }

  /** The rows' bytes (the bench's memory figure). */
  get bytes(): number {
    return this.offsets.byteLength + this.entries.byteLength + this.tally.byteLength
  }

  /**
   * Tallies the documents of the bitset `words` in each of `wanted` (some of
   * the rows' columns): into each column's `tally`, `display` (the first of a
   * value's names in name order among the matches) and `touchedKeys` (the
   * values met, in the order of their first names), and into `touched[i]` how
   * many values `wanted[i]` met.
   */
  tallyOver(wanted: readonly TalliedColumn[], words: Uint32Array, touched: Uint32Array): void {
    const count = this.columns.length
    // The wanted columns as runs of neighbours in the rows (all of them, one run, when no filter sets one apart).
    const runs = this.runs
    let runCount = 0
    for (let c = 0; c < count; c++) {
      if (!wanted.includes(this.columns[c]!)) continue
      if (runCount > 0 && runs[2 * runCount - 1] === c) runs[2 * runCount - 1] = c + 1
      else {
        runs[2 * runCount] = c
        runs[2 * runCount + 1] = c + 1
        runCount++
      }
    }
    const { offsets, entries, tally, documentCount } = this
    const length = Math.min(words.length, (documentCount + 31) >>> 5)
    for (let w = 0; w < length; w++) {
      let word = words[w]!
      while (word !== 0) {
        const lowest = word & -word
        word ^= lowest
        const doc = (w << 5) + 31 - Math.clz32(lowest)
        if (doc >= documentCount) break
        const row = doc * count
        for (let r = 0; r < runCount; r++) {
          const end = offsets[row + runs[2 * r + 1]!]!
          for (let at = offsets[row + runs[2 * r]!]!; at < end; at++) tally[entries[at]!]!++
        }
      }
    }
    // Each name's count added to its value's, in its column: an article has one name per value (`articleFacets`), so
    // the sum is the value's count. Names are visited in name order, so a value's first name met is the one it shows.
    for (let slot = 0; slot < wanted.length; slot++) {
      const column = wanted[slot]!
      const base = this.nameBase[this.columns.indexOf(column)]!
      const { keyOf } = column
      let met = 0
      for (let name = 0; name < column.names.length; name++) {
        const matches = tally[base + name]!
        if (matches === 0) continue
        tally[base + name] = 0
        const key = keyOf[name]!
        if (column.tally[key] === 0) {
          column.display[key] = name
          column.touchedKeys[met++] = key
        }
        column.tally[key]! += matches
      }
      touched[slot] = met
    }
  }
}
