import { VarintReader, VarintWriter } from './varint'

/**
 * One field's postings of one term, shaped like the `Map<docId, frequency>`
 * MiniSearch keeps there (`size`, `keys()`, `get()`), over two typed arrays.
 * Document ids ascend, which is also the order MiniSearch's own maps iterate in.
 */
export class FieldPostings {
  /** Where the next `get` probably looks: MiniSearch reads `get(doc)` for each doc of `keys()` in turn. */
  private next = 0

  /**
   * @param documentFrequency what MiniSearch scores with as this term's
   * document frequency (`size`): the corpus-wide one in a shard, whose `docs`
   * are only its own documents.
   */
  constructor(
    private readonly docs: Uint32Array,
    private readonly freqs: Uint32Array,
    private readonly documentFrequency = docs.length,
  ) {}

  get size(): number {
    return this.documentFrequency
  }

  keys(): IterableIterator<number> {
    return this.docs.values()
  }

  has(doc: number): boolean {
    return this.find(doc) !== -1
  }

  get(doc: number): number | undefined {
    const at = this.find(doc)
    return at === -1 ? undefined : this.freqs[at]
  }

  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.docs.length; i++) yield [this.docs[i]!, this.freqs[i]!]
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries()
  }

  private find(doc: number): number {
    if (this.docs[this.next] === doc) return this.next++
    const at = this.search(doc)
    if (at !== -1) this.next = at + 1
    return at
  }

  private search(doc: number): number {
    let low = 0
    let high = this.docs.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const value = this.docs[middle]!
      if (value === doc) return middle
      if (value < doc) low = middle + 1
      else high = middle - 1
    }
    return -1
  }
}

/** What MiniSearch's index holds for one term: field id -> postings. */
export type TermData = Map<number, FieldPostings>

/**
 * `fields[fieldId]` maps document id -> term frequency (ascending ids). A
 * shard also gives each field's corpus-wide document frequency, written after
 * the count.
 */
export function writeTermPostings(writer: VarintWriter, fields: readonly (ReadonlyMap<number, number> | undefined)[], documentFrequencies?: readonly number[]): void {
  fields.forEach((postings, field) => {
    const docs = postings ? [...postings.keys()].sort((a, b) => a - b) : []
    writer.write(docs.length)
    if (documentFrequencies && docs.length > 0) writer.write(documentFrequencies[field]!)
    let previous = 0
    for (const doc of docs) {
      writer.write(doc - previous)
      writer.write(postings!.get(doc)!)
      previous = doc
    }
  })
}

export function readTermPostings(bytes: Uint8Array, offset: number, fieldCount: number, corpusWide = false): TermData {
  const reader = new VarintReader(bytes, offset)
  const data: TermData = new Map()
  for (let field = 0; field < fieldCount; field++) {
    const count = reader.read()
    if (count === 0) continue
    const documentFrequency = corpusWide ? reader.read() : count
    const docs = new Uint32Array(count)
    const freqs = new Uint32Array(count)
    let doc = 0
    for (let i = 0; i < count; i++) {
      doc += reader.read()
      docs[i] = doc
      freqs[i] = reader.read()
    }
    data.set(field, new FieldPostings(docs, freqs, documentFrequency))
  }
  return data
}
