import MiniSearch, { type Options } from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import type { CollectedIndex } from './collect-index'
import { writeTermPostings, type PostingList, type ScoreBasis } from './compact-postings'
import { CompactTermMap } from './compact-term-map'
import { READ_ONLY } from './compact-read-only'
import { RANKING } from '../options'
import { termBlocks, TermList, type TermBlocks } from './compact-terms'
import { readShardFigures, writeShardFigures, type CorpusWide, type ShardFigures } from './shard-figures'
import { treeRanks } from '../tables/sorted-words'
import { VarintWriter } from './varint'

export const COMPACT_INDEX_FORMAT = 'news-edge-compact-index/5'

/**
 * A MiniSearch index serialised for a fast start: no radix tree and no Map per
 * posting to rebuild, only typed arrays to view and a term list read in place. The
 * header is JSON (it travels in the bundle); the binary part is bytes (a Data
 * module in the Worker: no parsing, no copy).
 */
export type CompactIndexHeader = {
  format: typeof COMPACT_INDEX_FORMAT
  fieldIds: Record<string, number>
  /** Empty in a shard: its figures hold the corpus-wide ones. */
  averageFieldLength: number[]
  /** Document ids by MiniSearch short id (0, 1, 2, …). */
  ids: string[]
  /**
   * A shard's index (`serializeCompactShard`): only what its own articles give,
   * so its bytes stay the same while they do. Its binary part has no ranks and
   * its score blocks no BM25 part; its corpus figures (shard-figures.ts, a
   * module of their own) give the corpus-wide document count, average field
   * lengths, document frequencies and ranks, and it cannot be loaded without them.
   */
  shard?: true
  /** MiniSearch stored fields by short id; absent when the options store none. */
  storedFields?: (Record<string, unknown> | null)[]
  termCount: number
  /** Length of the UTF-8 term list inside the binary part. */
  termBytes: number
  /** The term list's blocks: a lookup decodes one block (compact-terms.ts). */
  termBlocks: TermBlocks
  /** Length of the binary part: a bundle and a binary file from different builds do not match. */
  binaryBytes: number
  /**
   * The BM25 k and b the score block bounds were computed for (with `averageFieldLength`, or a shard's figures'
   * averages); a whole index's, also the d and the field boosts (by field id) of its terms' window bounds.
   */
  scoreBasis: { k: number; b: number; d?: number; fieldBoost?: number[] }
}

/** The ranking a compact index's stored bounds are computed for: searches under others still get valid bounds, looser. */
export type ScoreParameters = { k: number; b: number; d: number; boost: Readonly<Record<string, number>> }

const SCORE_PARAMETERS: ScoreParameters = { ...RANKING.bm25, boost: RANKING.boost }

/**
 * The binary part: ranks (Uint32 per term; none in a shard), offsets (Uint32
 * per term), field lengths (Uint32 per document and field), the sorted terms as
 * UTF-8 joined with "\n", then the varint postings, each field's followed by
 * its score block bounds when it is longer than one block (compact-postings.ts).
 */
export type CompactIndex = { header: CompactIndexHeader; binary: Uint8Array }

/** What a compact index is loaded from: a shard's index comes with its corpus figures' module (shard-figures.ts). */
export type CompactModules = CompactIndex & { figures?: Uint8Array }

/** MiniSearch's serialised form, as `toJSON()` returns it (serializationVersion 2). */
type MiniSearchJson = {
  documentCount: number
  nextId: number
  documentIds: Record<string, string>
  fieldIds: Record<string, number>
  fieldLength: Record<string, (number | null)[]>
  averageFieldLength: number[]
  storedFields: Record<string, Record<string, unknown>>
  dirtCount: number
  index: [string, Record<string, Record<string, number>>][]
}

/** `bm25`: the parameters searches will use, for the tightest score bounds (any others still get valid ones). */
export function serializeCompactIndex(index: MiniSearch<never> | MiniSearch<unknown>, bm25: ScoreParameters = SCORE_PARAMETERS): CompactIndex {
  return writeCompactIndex(indexSource(index), undefined, bm25)
}

/**
 * The index cut into shards by document: `shards[s]` lists the short ids of
 * shard s's documents, which become its short ids 0, 1, 2, … in that order.
 * Each shard's index holds only the terms its own documents have, and its
 * figures the whole corpus's statistics (document count, average field lengths,
 * and per term and field the number of documents that have it) and the whole
 * index's term order, so a document scores bit for bit the same in its shard
 * as in the whole index. Its score block bounds are over its own postings
 * blocks, under the corpus-wide averages.
 */
export function serializeCompactShards(
  index: MiniSearch<never> | MiniSearch<unknown>,
  shards: readonly (readonly number[])[],
  bm25: ScoreParameters = SCORE_PARAMETERS,
): (CompactIndex & { figures: Uint8Array })[] {
  const source = indexSource(index)
  const terms = new Map(source.sorted.map((entry) => [entry.term, entry]))
  const corpus: CorpusWide = {
    documentCount: source.documentCount,
    averageFieldLength: source.averageFieldLength,
    documentFrequencies: (term) => terms.get(term)!.postings.map((postings) => postings?.docs.length ?? 0),
    rank: (term) => terms.get(term)!.rank!,
  }
  return shards.map((documents) => {
    const shard = writeCompactIndex(source, documents, bm25)
    return { ...shard, figures: serializeShardFigures(shard, corpus) }
  })
}

/**
 * What a shard's figures hold of the whole corpus, summed from the shards' own
 * collected indexes (`collectIndex`), so that a build never holds the whole
 * corpus's index (scripts/lib/sharded-build.ts): the document count, the
 * average field lengths, each term's document frequency per field and its rank
 * in the tree order of the whole index. Shards are added in corpus order (each
 * a consecutive run of it); `serializeShardFigures` then writes each shard's
 * figures exactly as `serializeCompactShards` cuts them from the whole index.
 */
export class CorpusFigures {
  private documentCount = 0
  private readonly averageFieldLength: number[] = []
  /** Term -> documents per field, in a tree filled in the whole index's order of first sight: its iteration order is the whole index's. */
  private frequencies: SearchableMap<number[]> | undefined = new SearchableMap<number[]>()
  /** Once every shard is in: term -> its rank and document frequencies, one hash lookup a term rather than a walk down the tree. */
  private terms: Map<string, { rank: number; frequencies: number[] }> | undefined

  /** The next shard's own collected index (its terms in the order MiniSearch would insert them into its tree, which shapes it). */
  add({ fieldIds, fieldLengths, terms }: CollectedIndex): void {
    const frequencies = this.open()
    const fieldCount = Object.keys(fieldIds).length
    for (const [term, postings] of terms) {
      const counts = frequencies.fetch(term, () => new Array<number>(fieldCount).fill(0))
      for (let field = 0; field < fieldCount; field++) counts[field]! += postings[field]?.docs.length ?? 0
    }
    this.addFieldLengths(fieldLengths, fieldCount)
  }

  /** The next shard as `shardCounts` gave it when it was collected (a shard reused from an earlier build: none of its articles read). */
  addCounts({ fieldCount, fieldLengths, terms }: ShardCounts): void {
    const frequencies = this.open()
    for (const [term, documents] of terms) {
      const counts = frequencies.fetch(term, () => new Array<number>(fieldCount).fill(0))
      for (let field = 0; field < fieldCount; field++) counts[field]! += documents[field]!
    }
    this.addFieldLengths(fieldLengths, fieldCount)
  }

  private open(): SearchableMap<number[]> {
    if (!this.frequencies) throw new Error('CorpusFigures: a shard added after the figures were read')
    return this.frequencies
  }

  private addFieldLengths(fieldLengths: ArrayLike<number>, fieldCount: number): void {
    // MiniSearch's running average (addFieldLength), replayed at each document's corpus position: the same bits.
    for (let at = 0; at < fieldLengths.length; at += fieldCount) {
      for (let field = 0; field < fieldCount; field++) {
        const length = fieldLengths[at + field]!
        if (length < 0) continue
        this.averageFieldLength[field] = ((this.averageFieldLength[field] || 0) * this.documentCount + length) / (this.documentCount + 1)
      }
      this.documentCount++
    }
  }

  /** The corpus-wide figures, once every shard is in. */
  corpusWide(): CorpusWide {
    if (!this.terms) {
      const entries = [...this.frequencies!]
      const ranks = treeRanks(entries.map(([term]) => term))
      this.terms = new Map(entries.map(([term, frequencies], position) => [term, { rank: ranks[position]!, frequencies }]))
      // The tree was only for its order; at 250,000 articles it holds millions of terms.
      this.frequencies = undefined
    }
    const { terms } = this
    return {
      documentCount: this.documentCount,
      averageFieldLength: this.averageFieldLength,
      documentFrequencies: (term) => terms.get(term)!.frequencies,
      rank: (term) => terms.get(term)!.rank,
    }
  }
}

/**
 * What `CorpusFigures` reads of a shard's collected index: its field lengths, and its terms in the order its
 * documents first use them (the tree ranks depend on it; the compact index keeps them sorted) with their document
 * counts per field. The build keeps it beside the shard (scripts/lib/sharded-build.ts), so that a later build
 * that reuses the shard sums its share of the corpus-wide figures without reading its articles.
 */
export type ShardCounts = { fieldCount: number; fieldLengths: number[]; terms: [string, number[]][] }

export function shardCounts({ fieldIds, fieldLengths, terms }: CollectedIndex): ShardCounts {
  const fieldCount = Object.keys(fieldIds).length
  return {
    fieldCount,
    fieldLengths: Array.from(fieldLengths),
    terms: Array.from(terms, ([term, postings]) => [term, Array.from({ length: fieldCount }, (_, field) => postings[field]?.docs.length ?? 0)]),
  }
}

/**
 * One shard's compact index from its own collected index (its documents, in order): what those documents
 * give alone, so the same bytes whatever the rest of the corpus holds. `serializeShardFigures` writes what it
 * needs of the corpus.
 */
export function serializeCompactShard(index: CollectedIndex, bm25: ScoreParameters = SCORE_PARAMETERS): CompactIndex {
  const { ids, fieldIds, fieldLengths, terms } = index
  const fieldCount = Object.keys(fieldIds).length
  const sorted = [...terms.keys()].sort().map((term) => ({ term, postings: terms.get(term)! }))
  const source: IndexSource = {
    fieldIds,
    documentCount: ids.length,
    averageFieldLength: [],
    id: (doc) => ids[doc]!,
    fieldLength: (doc, field) => Math.max(0, fieldLengths[doc * fieldCount + field]!),
    storedFields: undefined,
    sorted,
  }
  return writeCompactIndex(source, undefined, bm25, true)
}

/** A shard's corpus figures (shard-figures.ts) for its index, from the whole corpus's (`CorpusFigures` once every shard is in). */
export function serializeShardFigures(index: CompactIndex, corpus: CorpusFigures | CorpusWide): Uint8Array {
  const figures = corpus instanceof CorpusFigures ? corpus.corpusWide() : corpus
  return writeShardFigures(indexTerms(index), Object.keys(index.header.fieldIds).length, index.header.binaryBytes, figures)
}

/** The index's terms, sorted, read from its binary part. */
export function indexTerms({ header, binary }: CompactIndex): string[] {
  if (header.termCount === 0) return []
  const start = 4 * termWords(header) + 4 * header.ids.length * Object.keys(header.fieldIds).length
  return new TextDecoder().decode(binary.subarray(start, start + header.termBytes)).split('\n')
}

/** Uint32 words per term at the start of the binary part: a rank and an offset, a shard only the offset. */
function termWords(header: Pick<CompactIndexHeader, 'shard' | 'termCount'>): number {
  return (header.shard ? 1 : 2) * header.termCount
}

/**
 * What serialising reads of an index: its fields, documents and their field
 * lengths (0 where absent), and its terms in JavaScript's string order with
 * their tree ranks and postings per field.
 */
type IndexSource = {
  fieldIds: Record<string, number>
  documentCount: number
  averageFieldLength: number[]
  id: (doc: number) => string
  fieldLength: (doc: number, field: number) => number
  /** MiniSearch's stored fields by short id, when the options store any. */
  storedFields: Record<string, Record<string, unknown>> | undefined
  /** `rank`: absent where the source is a shard's own (a shard's index has no ranks). */
  sorted: { term: string; rank?: number; postings: readonly (PostingList | undefined)[] }[]
}

/** A built MiniSearch index as a source (`rank`: its own tree's order, as a `loadJSON` of it would iterate). */
function indexSource(index: MiniSearch<never> | MiniSearch<unknown>): IndexSource {
  const json = index.toJSON() as unknown as MiniSearchJson
  if (json.dirtCount !== 0 || json.nextId !== json.documentCount) {
    throw new Error('serializeCompactIndex needs a freshly built index (no removed or discarded documents).')
  }
  const fieldCount = Object.keys(json.fieldIds).length
  const ranked = loadJsonOrder(json.index.map(([term]) => term))
  const sorted = ranked
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .map(({ term, rank, position }) => {
      const data = json.index[position]![1]
      // Object keys that are integers iterate in ascending order: the postings come out by ascending document.
      const postings = Array.from({ length: fieldCount }, (_, field): PostingList | undefined => {
        const entries = data[field]
        if (entries === undefined) return undefined
        const docs = Object.keys(entries).map(Number)
        return { docs, freqs: docs.map((doc) => entries[doc]!) }
      })
      return { term, rank, postings }
    })
  return {
    fieldIds: json.fieldIds,
    documentCount: json.documentCount,
    averageFieldLength: json.averageFieldLength,
    id: (doc) => json.documentIds[doc]!,
    fieldLength: (doc, field) => json.fieldLength[doc]?.[field] ?? 0,
    storedFields: Object.keys(json.storedFields).length > 0 ? json.storedFields : undefined,
    sorted,
  }
}

/**
 * The compact form of `documents` (short ids of the source, in their new order; all of them, in order, when
 * undefined); `shard`: a shard's own index (no ranks, no BM25 part in its blocks, no averages: its figures hold
 * them); `bm25`: for the score block bounds.
 */
function writeCompactIndex(
  source: IndexSource,
  documents: readonly number[] | undefined,
  bm25: ScoreParameters,
  shard = documents !== undefined,
): CompactIndex {
  const averageFieldLength = shard ? [] : source.averageFieldLength
  const documentCount = documents?.length ?? source.documentCount
  const sourceDoc = documents ? (doc: number) => documents[doc]! : (doc: number) => doc
  const fieldCount = Object.keys(source.fieldIds).length
  const ids = Array.from({ length: documentCount }, (_, doc) => source.id(sourceDoc(doc)))
  // A whole index's terms also store window bounds under the field boosts; a shard's scores hang on the other shards.
  const fieldBoost = Object.keys(source.fieldIds).map(() => 1)
  for (const [field, id] of Object.entries(source.fieldIds)) fieldBoost[id] = bm25.boost[field] ?? 1
  const windows = shard ? undefined : { d: bm25.d, fieldBoost, documentCount }
  const basis: ScoreBasis = { k: bm25.k, b: bm25.b, averageFieldLength, ...(windows && { windows }) }
  const mine = documents ? localPostings(documents) : (postings: PostingList | undefined) => postings

  const kept: { term: string; rank: number | undefined; fields: (PostingList | undefined)[] }[] = []
  for (const { term, rank, postings } of source.sorted) {
    if (term.includes('\n')) throw new Error(`serializeCompactIndex: the term ${JSON.stringify(term)} contains a line break`)
    const fields = postings.map(mine)
    if (fields.some((each) => each !== undefined)) kept.push({ term, rank, fields })
  }
  const termCount = kept.length
  const fieldLengths = new Uint32Array(documentCount * fieldCount)
  for (let doc = 0; doc < documentCount; doc++) {
    for (let field = 0; field < fieldCount; field++) fieldLengths[doc * fieldCount + field] = source.fieldLength(sourceDoc(doc), field)
  }
  const ranks = new Uint32Array(shard ? 0 : termCount)
  const offsets = new Uint32Array(termCount)
  const writer = new VarintWriter()
  kept.forEach(({ rank, fields }, k) => {
    if (!shard) ranks[k] = rank!
    offsets[k] = writer.length
    writeTermPostings(writer, fields, { lengths: fieldLengths, fieldCount }, basis, !shard)
  })

  const postings = writer.toBytes()
  const sortedTerms = kept.map(({ term }) => term)
  const termBytes = new TextEncoder().encode(sortedTerms.join('\n'))
  const wordCount = ranks.length + termCount + fieldLengths.length
  const binary = new Uint8Array(4 * wordCount + termBytes.length + postings.length)
  const words = new Uint32Array(binary.buffer, 0, wordCount)
  words.set(ranks, 0)
  words.set(offsets, ranks.length)
  words.set(fieldLengths, ranks.length + termCount)
  binary.set(termBytes, words.byteLength)
  binary.set(postings, words.byteLength + termBytes.length)

  const { storedFields } = source
  const header: CompactIndexHeader = {
    format: COMPACT_INDEX_FORMAT,
    fieldIds: source.fieldIds,
    averageFieldLength,
    ids,
    ...(shard ? { shard: true as const } : {}),
    ...(storedFields ? { storedFields: Array.from({ length: documentCount }, (_, doc) => storedFields[sourceDoc(doc)] ?? null) } : {}),
    termCount,
    termBytes: termBytes.length,
    termBlocks: termBlocks(sortedTerms),
    binaryBytes: binary.length,
    scoreBasis: { k: bm25.k, b: bm25.b, ...(windows && { d: windows.d, fieldBoost }) },
  }
  return { header, binary }
}

/** A field's postings restricted to `documents` (source short ids), renumbered by their place there, ascending; none when empty. */
function localPostings(documents: readonly number[]): (postings: PostingList | undefined) => PostingList | undefined {
  const local = new Map(documents.map((doc, i) => [doc, i]))
  return (postings) => {
    if (postings === undefined) return undefined
    const kept: [number, number][] = []
    for (let i = 0; i < postings.docs.length; i++) {
      const at = local.get(postings.docs[i]!)
      if (at !== undefined) kept.push([at, postings.freqs[i]!])
    }
    if (kept.length === 0) return undefined
    kept.sort((a, b) => a[0] - b[0])
    return { docs: kept.map(([doc]) => doc), freqs: kept.map(([, freq]) => freq) }
  }
}

/**
 * Where each term comes when a `MiniSearch.loadJSON` of this index iterates its
 * radix tree (inserting the terms in `toJSON` order can shape the tree
 * differently from the original): ranks in that order make the compact index
 * add up scores exactly as loadJSON's index does, bit for bit.
 */
function loadJsonOrder(terms: readonly string[]): { term: string; position: number; rank: number }[] {
  const ranks = treeRanks(terms)
  return terms.map((term, position) => ({ term, position, rank: ranks[position]! }))
}

/** The private state MiniSearch searches through; the compact loader sets it directly. */
type MiniSearchInternals = {
  _index: unknown
  _documentCount: number
  _nextId: number
  _documentIds: unknown
  _idToShortId: unknown
  _fieldIds: Record<string, number>
  _fieldLength: unknown
  _avgFieldLength: number[]
  _storedFields: unknown
  _dirtCount: number
}

/**
 * A MiniSearch instance over compact data: MiniSearch scores, ranks, and
 * handles fuzzy, prefix and AND/OR queries as always, through stand-ins for its
 * private maps. `options` must be the ones the index was built with. Read-only:
 * adding or removing documents throws.
 */
export function loadCompactIndex<T>(compact: CompactModules, options: Options<T>): MiniSearch<T> {
  const { header } = compact
  let { binary } = compact
  if (header.format !== COMPACT_INDEX_FORMAT) {
    throw new Error(`Unknown search index format ${JSON.stringify(header.format)}: rebuild the bundle with npm run build.`)
  }
  if (header.binaryBytes !== binary.length) {
    throw new Error(
      `The search index has ${binary.length} bytes where its header expects ${header.binaryBytes}: the two generated files come from different builds. Run npm run build.`,
    )
  }
  // Uint32Array views need 4-byte alignment: a Data module is aligned; a Node Buffer from a shared pool may not be.
  if (binary.byteOffset % 4 !== 0) binary = binary.slice()
  const fieldCount = Object.keys(header.fieldIds).length
  const { ids, termCount } = header
  const documentCount = ids.length
  if ((header.shard === true) !== (compact.figures !== undefined)) {
    throw new Error(
      header.shard ? "A shard's index needs its corpus figures (figures.bin): run npm run build." : 'Corpus figures belong to a shard, not to this index.',
    )
  }
  const rankWords = termWords(header) - termCount
  const words = new Uint32Array(binary.buffer, binary.byteOffset, rankWords + termCount + documentCount * fieldCount)
  const fieldLengths = words.subarray(rankWords + termCount)
  const figures: ShardFigures | undefined = compact.figures && readShardFigures(compact.figures, { termCount, fieldCount, indexBytes: binary.length })
  const terms = new TermList(binary.subarray(words.byteLength, words.byteLength + header.termBytes), header.termBlocks, termCount)
  const averageFieldLength = figures?.averageFieldLength ?? header.averageFieldLength

  const miniSearch = new MiniSearch<T>(options)
  const internals = miniSearch as unknown as MiniSearchInternals
  internals._index = new CompactTermMap({
    terms,
    ranks: figures?.ranks ?? words.subarray(0, termCount),
    offsets: words.subarray(rankWords, rankWords + termCount),
    postings: binary.subarray(words.byteLength + header.termBytes),
    fieldCount,
    basis: scoreBasis(header, averageFieldLength, documentCount),
    ...(figures && { corpusWide: { documentFrequencies: figures.documentFrequencies, fieldLengths } }),
  })
  // BM25 reads N here; the documents this index holds are `_nextId`.
  internals._documentCount = figures?.documentCount ?? documentCount
  internals._nextId = documentCount
  internals._dirtCount = 0
  internals._fieldIds = header.fieldIds
  internals._avgFieldLength = averageFieldLength
  internals._documentIds = new DocumentIds(ids)
  internals._idToShortId = new ShortIds(ids)
  internals._fieldLength = new FieldLengths(fieldLengths, fieldCount)
  internals._storedFields = new StoredFields(header.storedFields)
  return miniSearch
}

/**
 * The same index answering with each document's short id (its position: a
 * number) as the result's `id`, for a caller that keeps per-document tables
 * by position: no id-to-position lookup per result. Shares everything with
 * `index`; the documents must have been added as 0, 1, 2, … (a fresh
 * `addAll`, or a compact index).
 */
export function withPositionIds<T>(index: MiniSearch<T>): MiniSearch<T> {
  const internals = index as unknown as MiniSearchInternals
  const view = Object.create(index) as MiniSearchInternals
  // The number of documents held, not `_documentCount`: a statistics view (corpus-statistics.ts) or a shard sets that to the whole corpus's.
  view._documentIds = new DocumentIds(Array.from({ length: internals._nextId }, (_, doc) => doc))
  return view as unknown as MiniSearch<T>
}

/** Short id -> document id, as MiniSearch's `_documentIds` map, over the id array. */
class DocumentIds<Id> {
  constructor(private readonly ids: readonly Id[]) {}
  get size(): number {
    return this.ids.length
  }
  has(doc: number): boolean {
    return Number.isInteger(doc) && doc >= 0 && doc < this.ids.length
  }
  get(doc: number): Id | undefined {
    return this.has(doc) ? this.ids[doc] : undefined
  }
  *entries(): IterableIterator<[number, Id]> {
    for (let doc = 0; doc < this.ids.length; doc++) yield [doc, this.ids[doc]!]
  }
  [Symbol.iterator](): IterableIterator<[number, Id]> {
    return this.entries()
  }
}

/** Document id -> short id (`_idToShortId`), built on first use: searching never needs it. */
class ShortIds {
  private map: Map<string, number> | undefined
  constructor(private readonly ids: readonly string[]) {}
  private lookup(): Map<string, number> {
    this.map ??= new Map(this.ids.map((id, doc) => [id, doc]))
    return this.map
  }
  has(id: string): boolean {
    return this.lookup().has(id)
  }
  get(id: string): number | undefined {
    return this.lookup().get(id)
  }
  /** MiniSearch's `add` and `remove` start here. */
  set(): never {
    throw new Error(READ_ONLY)
  }
  delete(): never {
    throw new Error(READ_ONLY)
  }
}

/**
 * `_fieldLength`: short id -> unique-term count per field. MiniSearch reads one
 * element of the returned array right away, so one scratch array is reused
 * instead of allocating an array per posting scored.
 */
class FieldLengths {
  private readonly scratch: number[]
  constructor(
    private readonly lengths: Uint32Array,
    private readonly fieldCount: number,
  ) {
    this.scratch = new Array<number>(fieldCount).fill(0)
  }
  get(doc: number): number[] {
    for (let field = 0; field < this.fieldCount; field++) this.scratch[field] = this.lengths[doc * this.fieldCount + field]!
    return this.scratch
  }
}

class StoredFields {
  constructor(private readonly fields: readonly (Record<string, unknown> | null)[] | undefined) {}
  get(doc: number): Record<string, unknown> | undefined {
    return this.fields?.[doc] ?? undefined
  }
}

/** The stored bounds' basis (compact-postings.ts) of a loaded index: its terms' window bounds only in a whole index. */
function scoreBasis({ scoreBasis: { k, b, d, fieldBoost }, shard }: CompactIndexHeader, averageFieldLength: number[], documentCount: number): ScoreBasis {
  if (shard || d === undefined || !fieldBoost) return { k, b, averageFieldLength }
  return { k, b, averageFieldLength, windows: { d, fieldBoost, documentCount } }
}
