import { VarintReader, VarintWriter } from './varint'

/**
 * Postings per score block: the unit a top-k search skips (src/search/topk).
 * A field's postings longer than one block store, per block, the largest term
 * frequency and the smallest ratio of field length to term frequency (in
 * sixteenths, rounded down). BM25's document-dependent part,
 * tf(k+1) / (tf + k(1 - b + b·len/avg)) = (k+1) / (1 + k(1-b)/tf + k·b·(len/tf)/avg),
 * grows with the one and shrinks with the other, so the pair bounds every
 * posting of the block for any k ≥ 0, 0 ≤ b ≤ 1, average length and boost given
 * at query time (and for the corpus-wide averages other layers may set).
 */
export const SCORE_BLOCK = 64
/** The length-to-frequency ratio is stored in these units. */
export const RATIO_UNIT = 16

/**
 * The BM25 parameters and average field lengths the index was built for: each
 * block also stores its largest document-dependent part under them, in 255ths
 * of k + 1 rounded up (a tighter bound, valid only while they hold).
 */
export type ScoreBasis = { k: number; b: number; averageFieldLength: readonly number[] }

/** Per score block of one field's postings: the largest term frequency, the smallest length / frequency (in `RATIO_UNIT`s), the largest part under `basis`. */
export type BlockBounds = { maxFrequency: Uint32Array; minRatio: Uint32Array; maxPart: Uint8Array; basis: ScoreBasis }

/**
 * The most BM25's document-dependent part (`bm25Part`) can be for any posting
 * of score block `block`, for the query's k, b and the field's average length:
 * from the block's largest frequency and smallest length ratio, or, while the
 * index's own basis holds, its stored largest part if that is lower.
 */
export function blockPartBound(blocks: BlockBounds, block: number, k: number, b: number, averageLength: number, fieldId: number): number {
  const ratio = blocks.minRatio[block]! / RATIO_UNIT
  const part = (k + 1) / (1 + (k * (1 - b)) / blocks.maxFrequency[block]! + (k * b * ratio) / averageLength)
  const { basis } = blocks
  if (basis.k === k && basis.b === b && basis.averageFieldLength[fieldId] === averageLength) return Math.min(part, ((k + 1) * blocks.maxPart[block]!) / 255)
  return part
}

/**
 * BM25's document-dependent part, tf(k+1) / (tf + k(1 - b + b·len/avg)), as MiniSearch computes it. The top-k
 * evaluator's hot loops (src/search/topk/evaluate.ts) write the same expression inline, on purpose: a double returned
 * from a call V8 does not inline is a heap number, one allocation per scored posting.
 */
export function bm25Part(termFreq: number, fieldLength: number, averageLength: number, k: number, b: number): number {
  return (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / averageLength))
}

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
    readonly docs: Uint32Array,
    readonly freqs: Uint32Array,
    /** Stored for postings longer than one block (`SCORE_BLOCK`); shorter ones are bounded at query time. */
    readonly bounds?: BlockBounds,
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

/** One field's postings of one term as the build collects them: document ids ascending, each with its term frequency. */
export type PostingList = { docs: ArrayLike<number>; freqs: ArrayLike<number> }

/** Documents' field lengths, at `doc * fieldCount + field` (the compact index's layout). */
export type FieldLengthTable = { lengths: ArrayLike<number>; fieldCount: number }

/**
 * `fields[fieldId]`: the term's postings in that field (ascending ids);
 * `fieldLengths`, the documents' field lengths, for the block bounds. A
 * shard's index (`withPart` false) stores no block's BM25 part: its part is
 * under the corpus-wide averages, which its figures hold and which a change to
 * any other shard moves (`readTermPostings` computes it from the postings instead).
 */
export function writeTermPostings(
  writer: VarintWriter,
  fields: readonly (PostingList | undefined)[],
  fieldLengths: FieldLengthTable,
  basis: ScoreBasis,
  withPart = true,
): void {
  const { lengths, fieldCount } = fieldLengths
  fields.forEach((postings, field) => {
    const count = postings?.docs.length ?? 0
    writer.write(count)
    if (count === 0) return
    const { docs, freqs } = postings!
    let previous = 0
    for (let i = 0; i < count; i++) {
      writer.write(docs[i]! - previous)
      writer.write(freqs[i]!)
      previous = docs[i]!
    }
    if (count <= SCORE_BLOCK) return
    for (let start = 0; start < count; start += SCORE_BLOCK) {
      let maxFrequency = 0
      let minRatio = Infinity
      for (let i = start; i < Math.min(start + SCORE_BLOCK, count); i++) {
        const frequency = freqs[i]!
        maxFrequency = Math.max(maxFrequency, frequency)
        minRatio = Math.min(minRatio, Math.floor((RATIO_UNIT * lengths[docs[i]! * fieldCount + field]!) / frequency))
      }
      writer.write(maxFrequency)
      writer.write(minRatio)
      if (withPart) writer.write(blockPart(docs, freqs, start, field, fieldLengths, basis))
    }
  })
}

/**
 * The largest BM25 part of the block of postings from `start` under `basis`, in 255ths of k + 1 rounded up: the
 * byte a block stores, or a shard computes when it decodes the postings (the same function, so the same byte).
 * Field lengths come as a table, not a callback per posting: in a shard this runs on the query path, each time a
 * term's postings are decoded (its cost: bench/shard-decode.ts).
 */
function blockPart(
  docs: ArrayLike<number>,
  freqs: ArrayLike<number>,
  start: number,
  field: number,
  { lengths, fieldCount }: FieldLengthTable,
  { k, b, averageFieldLength }: ScoreBasis,
): number {
  const average = averageFieldLength[field]!
  let maxPart = 0
  for (let i = start; i < Math.min(start + SCORE_BLOCK, docs.length); i++) {
    const part = bm25Part(freqs[i]!, lengths[docs[i]! * fieldCount + field]!, average, k, b) / (k + 1)
    if (part > maxPart) maxPart = part
  }
  return Math.min(255, Math.ceil(maxPart * 255 * (1 + 1e-9)))
}

/**
 * What a shard's postings take from its corpus figures (src/search/index/shard-figures.ts): the term's corpus-wide
 * document frequency per field (what MiniSearch scores with as the postings' `size`), and the documents' field
 * lengths, with which the blocks' BM25 part is computed under the corpus-wide `basis`.
 */
export type CorpusWidePostings = { documentFrequencies: ArrayLike<number>; fieldLengths: FieldLengthTable }

export function readTermPostings(bytes: Uint8Array, offset: number, fieldCount: number, basis: ScoreBasis, corpusWide?: CorpusWidePostings): TermData {
  const reader = new VarintReader(bytes, offset)
  const data: TermData = new Map()
  for (let field = 0; field < fieldCount; field++) {
    const count = reader.read()
    if (count === 0) continue
    const docs = new Uint32Array(count)
    const freqs = new Uint32Array(count)
    let doc = 0
    for (let i = 0; i < count; i++) {
      doc += reader.read()
      docs[i] = doc
      freqs[i] = reader.read()
    }
    let bounds: BlockBounds | undefined
    if (count > SCORE_BLOCK) {
      const blocks = Math.ceil(count / SCORE_BLOCK)
      bounds = { maxFrequency: new Uint32Array(blocks), minRatio: new Uint32Array(blocks), maxPart: new Uint8Array(blocks), basis }
      for (let block = 0; block < blocks; block++) {
        bounds.maxFrequency[block] = reader.read()
        bounds.minRatio[block] = reader.read()
        bounds.maxPart[block] = corpusWide ? blockPart(docs, freqs, block * SCORE_BLOCK, field, corpusWide.fieldLengths, basis) : reader.read()
      }
    }
    data.set(field, new FieldPostings(docs, freqs, bounds, corpusWide ? corpusWide.documentFrequencies[field]! : count))
  }
  return data
}
