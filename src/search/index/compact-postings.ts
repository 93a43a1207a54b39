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
 * Documents per window (2^WINDOW_SHIFT consecutive ids): the unit a top-k search visits in bound order
 * (src/search/topk/evaluate.ts), and the unit a term's window bounds are stored for.
 */
export const WINDOW_SHIFT = 6
/**
 * A term in more than one of this many documents (over all its fields, and more than a score block) stores a bound
 * per window it is in (`TermWindows`): the common words whose windows a search would otherwise visit nearly all of. A
 * rarer term's windows hold one posting or two, so a byte per window costs more per posting (a term spread evenly over
 * 1 document in 50 takes 0.57 byte a posting, 1 in 16 a quarter of a byte, 1 in 4 a sixteenth; a posting takes about
 * 2): at 20,000 synthetic articles 1 in 32 adds 5.0 % to the index, 1 in 16 2.8 % (but a common word's rarer
 * leaves are then left out: "protester" visits 288 windows of 313, not 214), every term of more than a block 11.9 %.
 */
const TERM_WINDOW_SHARE = 32

/** Whether a term of `postings` postings (all fields) in an index of `documentCount` documents stores window bounds. */
export function storesTermWindows(postings: number, documentCount: number): boolean {
  return postings > SCORE_BLOCK && postings * TERM_WINDOW_SHARE > documentCount
}
/** A term's window bounds are stored in these units of its largest possible score (one varint byte each). */
const WINDOW_LEVELS = 127

/**
 * The BM25 parameters and average field lengths the index was built for: each
 * block also stores its largest document-dependent part under them, in 255ths
 * of k + 1 rounded up (a tighter bound, valid only while they hold). `windows`:
 * what the terms' window bounds were computed under (absent where none are
 * stored: a shard's index, whose scores depend on the other shards).
 */
export type ScoreBasis = { k: number; b: number; averageFieldLength: readonly number[]; windows?: WindowBasis }

/**
 * BM25+'s d, the field boosts (by field id) and the document count (BM25's N) a whole index's term window bounds
 * were computed under.
 */
export type WindowBasis = { d: number; fieldBoost: readonly number[]; documentCount: number }

/**
 * One term's bound per window it has postings in, over all its fields at once: the most one document of the window
 * scores for the term, Σ over fields of `weights[field]` × (d + its BM25 part), under `basis`, in
 * `WINDOW_LEVELS`ths of `top` (the most any document could score, rounded up). A common word's documents have it in
 * the text and a few in the title: the block bounds of its leaves (term × field) add the title's best document to
 * the text's best, where the window's best document has one of them; this bound does not.
 */
export type TermWindows = {
  /** The windows the term has a posting in (any field), ascending, and each one's bound. */
  windows: Uint32Array
  levels: Uint8Array
  /** Per field id, field boost × idf under `basis` (0 for a field the term is not in). */
  weights: Float64Array
  top: number
  basis: ScoreBasis
}

/** BM25's inverse document frequency, as MiniSearch computes it: `df` documents have the term, of `documentCount`. */
export function termIdf(df: number, documentCount: number): number {
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5))
}

/**
 * A whole index's postings of one block or fewer: their largest BM25 part under `basis`, as a block's (`blockPart`):
 * one varint, so that a prefix's thousands of short leaves are bounded without each posting scored.
 */
export type ListPart = { part: number; basis: ScoreBasis }

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

/** `ListPart`'s bound of BM25's part for the query's k, b and the field's average length; undefined under another basis. */
export function listPartBound({ part, basis }: ListPart, k: number, b: number, averageLength: number, fieldId: number): number | undefined {
  return basis.k === k && basis.b === b && basis.averageFieldLength[fieldId] === averageLength ? ((k + 1) * part) / 255 : undefined
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
    /** Stored for postings longer than one block (`SCORE_BLOCK`); shorter ones have `listPart` in a whole index, and are bounded at query time in a shard. */
    readonly bounds?: BlockBounds,
    private readonly documentFrequency = docs.length,
    /** The term's window bounds, shared by its fields' postings (a whole index's terms of many postings only). */
    readonly termWindows?: TermWindows,
    /** For postings of one block or fewer in a whole index (`ListPart`). */
    readonly listPart?: ListPart,
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
    if (count <= SCORE_BLOCK) {
      if (withPart) writer.write(blockPart(docs, freqs, 0, field, fieldLengths, basis))
      return
    }
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
  if (withPart && basis.windows && storesTermWindows(postingCount(fields), basis.windows.documentCount))
    writeTermWindows(writer, fields, fieldLengths, basis, basis.windows)
}

function postingCount(fields: readonly (PostingList | undefined)[]): number {
  let count = 0
  for (const postings of fields) count += postings?.docs.length ?? 0
  return count
}

/** Per field id, field boost × idf (`TermWindows.weights`), from each field's document frequency. */
function termWeights(counts: readonly number[], { fieldBoost, documentCount }: WindowBasis): Float64Array {
  return Float64Array.from(counts, (count, field) => (count === 0 ? 0 : (fieldBoost[field] ?? 1) * termIdf(count, documentCount)))
}

/** The most a document can score for a term of these `weights`: every field's part at its limit, k + 1. */
function termTop(weights: Float64Array, k: number, d: number): number {
  let top = 0
  for (const weight of weights) top += weight * (d + k + 1)
  return top
}

/**
 * Build-time scratch for `writeTermWindows`, grown to the largest index written: per document its score for the
 * term being written, per window its best.
 */
let documentScores = new Float64Array(0)
let windowScores = new Float64Array(0)

/**
 * A term's window bounds (`TermWindows`), written after its fields' postings: one varint (under 128, one byte) per
 * window with a posting, in window order; which windows those are, the reader works out from the postings.
 */
function writeTermWindows(
  writer: VarintWriter,
  fields: readonly (PostingList | undefined)[],
  { lengths, fieldCount }: FieldLengthTable,
  { k, b, averageFieldLength }: ScoreBasis,
  windowBasis: WindowBasis,
): void {
  const { documentCount } = windowBasis
  if (documentScores.length < documentCount) documentScores = new Float64Array(documentCount)
  const windowCount = (documentCount >>> WINDOW_SHIFT) + 1
  if (windowScores.length < windowCount) windowScores = new Float64Array(windowCount)
  const weights = termWeights(
    fields.map((postings) => postings?.docs.length ?? 0),
    windowBasis,
  )
  const { d } = windowBasis
  fields.forEach((postings, field) => {
    for (let i = 0; i < (postings?.docs.length ?? 0); i++) {
      const doc = postings!.docs[i]!
      documentScores[doc]! += weights[field]! * (d + bm25Part(postings!.freqs[i]!, lengths[doc * fieldCount + field]!, averageFieldLength[field]!, k, b))
    }
  })
  const windows = new Set<number>()
  for (const postings of fields) {
    for (let i = 0; i < (postings?.docs.length ?? 0); i++) {
      const doc = postings!.docs[i]!
      const window = doc >>> WINDOW_SHIFT
      windows.add(window)
      if (documentScores[doc]! > windowScores[window]!) windowScores[window] = documentScores[doc]!
    }
  }
  const top = termTop(weights, k, d)
  for (const window of Uint32Array.from(windows).sort()) {
    writer.write(Math.min(WINDOW_LEVELS, Math.max(1, Math.ceil(((WINDOW_LEVELS * windowScores[window]!) / top) * (1 + 1e-9)))))
    windowScores[window] = 0
  }
  for (const postings of fields) for (let i = 0; i < (postings?.docs.length ?? 0); i++) documentScores[postings!.docs[i]!] = 0
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
  const fields: { field: number; docs: Uint32Array; freqs: Uint32Array; bounds: BlockBounds | undefined; listPart: ListPart | undefined }[] = []
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
    const listPart = count <= SCORE_BLOCK && !corpusWide ? { part: reader.read(), basis } : undefined
    fields.push({ field, docs, freqs, bounds, listPart })
  }
  const termWindows = !corpusWide && basis.windows ? readTermWindows(reader, fields, fieldCount, basis, basis.windows) : undefined
  const data: TermData = new Map()
  for (const { field, docs, freqs, bounds, listPart } of fields) {
    data.set(field, new FieldPostings(docs, freqs, bounds, corpusWide ? corpusWide.documentFrequencies[field]! : docs.length, termWindows, listPart))
  }
  return data
}

/** Marks of the windows a term is in, while its window bounds are read (grown to the largest index read). */
let windowMarks = new Uint8Array(0)

/** `writeTermWindows`'s bounds, read after the term's postings (for the terms `storesTermWindows` names). */
function readTermWindows(
  reader: VarintReader,
  fields: readonly { field: number; docs: Uint32Array }[],
  fieldCount: number,
  basis: ScoreBasis,
  windowBasis: WindowBasis,
): TermWindows | undefined {
  let count = 0
  for (const { docs } of fields) count += docs.length
  if (!storesTermWindows(count, windowBasis.documentCount)) return undefined
  const windowCount = (windowBasis.documentCount >>> WINDOW_SHIFT) + 1
  if (windowMarks.length < windowCount) windowMarks = new Uint8Array(windowCount)
  let first = windowCount
  let last = -1
  let marked = 0
  for (const { docs } of fields) {
    for (let i = 0; i < docs.length; i++) {
      const window = docs[i]! >>> WINDOW_SHIFT
      if (windowMarks[window] === 0) marked++
      windowMarks[window] = 1
    }
    first = Math.min(first, docs[0]! >>> WINDOW_SHIFT)
    last = Math.max(last, docs[docs.length - 1]! >>> WINDOW_SHIFT)
  }
  const windows = new Uint32Array(marked)
  const levels = new Uint8Array(marked)
  for (let window = first, at = 0; window <= last; window++) {
    if (windowMarks[window] === 0) continue
    windowMarks[window] = 0
    windows[at] = window
    levels[at++] = reader.read()
  }
  const counts = new Array<number>(fieldCount).fill(0)
  for (const { field, docs } of fields) counts[field] = docs.length
  const weights = termWeights(counts, windowBasis)
  return { windows, levels, weights, top: termTop(weights, basis.k, windowBasis.d), basis }
}

/** What a query's leaf (one field's postings of one term) multiplies its BM25 part by, and where. */
export type LeafWeight = { fieldId: number; weight: number; idf: number; averageLength: number }

/**
 * What a term's stored window levels are multiplied by to bound its score in `leaves[from, to)` (its postings in each
 * field the query searches, each field once) under BM25 `k`, `b` and `d`: each leaf's weight × idf is at most this many times
 * the field's build-time weight, so the document's score is at most that times its build-time score. `undefined`
 * when the stored bounds do not hold (another BM25 basis or average field length).
 */
export function termWindowScale(
  windows: TermWindows,
  leaves: readonly LeafWeight[],
  from: number,
  to: number,
  k: number,
  b: number,
  d: number,
): number | undefined {
  const { basis, weights, top } = windows
  if (basis.k !== k || basis.b !== b || basis.windows?.d !== d) return undefined
  let scale = 0
  for (let i = from; i < to; i++) {
    const { fieldId, weight, idf, averageLength } = leaves[i]!
    if (!(weights[fieldId]! > 0) || basis.averageFieldLength[fieldId] !== averageLength) return undefined
    scale = Math.max(scale, (weight * idf) / weights[fieldId]!)
  }
  return (scale * top) / WINDOW_LEVELS
}
