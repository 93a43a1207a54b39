/**
 * A shard's corpus figures: what its compact index needs of the whole corpus to
 * score every document as one index would (BM25's N, average field lengths,
 * and per term and field the corpus-wide document frequency), and each of its
 * terms' rank in the whole index's tree order (so scores add up in the same
 * order, bit for bit). They are a Data module of their own (`figures.bin`),
 * rewritten at every build, so that the shard's index (`search.bin`) holds only
 * what its own articles give and stays the same bytes while they do, whatever
 * changes elsewhere in the corpus (docs/scaling.md, "the build at scale").
 *
 * Layout: a Uint32 (little-endian) byte length of a JSON header, the header,
 * padding to 4 bytes, then per term of the index (in its sorted order) its rank
 * (Uint32), then per term and field its document frequency (Uint32, at
 * `term * fieldCount + field`).
 */
export const SHARD_FIGURES_FORMAT = 'news-edge-shard-figures/1'

/** The whole corpus's figures a shard's figures are written from (`CorpusFigures`, or the whole index when tests cut it). */
export type CorpusWide = {
  documentCount: number
  averageFieldLength: readonly number[]
  documentFrequencies: (term: string) => readonly number[]
  rank: (term: string) => number
}

type FiguresHeader = {
  format: typeof SHARD_FIGURES_FORMAT
  documentCount: number
  averageFieldLength: readonly number[]
  termCount: number
  fieldCount: number
  /** The index these figures belong to: its binary part's length (a figures module and an index of different shards or builds do not match). */
  indexBytes: number
}

export type ShardFigures = {
  documentCount: number
  averageFieldLength: number[]
  ranks: Uint32Array
  /** At `term * fieldCount + field`. */
  documentFrequencies: Uint32Array
}

/** The figures of a shard whose index has `terms` (sorted), `fieldCount` fields and a binary part of `indexBytes` bytes. */
export function writeShardFigures(terms: readonly string[], fieldCount: number, indexBytes: number, corpus: CorpusWide): Uint8Array {
  const header: FiguresHeader = {
    format: SHARD_FIGURES_FORMAT,
    documentCount: corpus.documentCount,
    averageFieldLength: corpus.averageFieldLength,
    termCount: terms.length,
    fieldCount,
    indexBytes,
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const start = 4 * Math.ceil((4 + json.length) / 4)
  const bytes = new Uint8Array(start + 4 * terms.length * (1 + fieldCount))
  new DataView(bytes.buffer).setUint32(0, json.length, true)
  bytes.set(json, 4)
  const ranks = new Uint32Array(bytes.buffer, start, terms.length)
  const frequencies = new Uint32Array(bytes.buffer, start + ranks.byteLength, terms.length * fieldCount)
  terms.forEach((term, k) => {
    ranks[k] = corpus.rank(term)
    frequencies.set(corpus.documentFrequencies(term), k * fieldCount)
  })
  return bytes
}

/** The figures of the index whose header says `termCount`, `fieldCount` and `indexBytes`; throws if they belong to another. */
export function readShardFigures(bytes: Uint8Array, index: { termCount: number; fieldCount: number; indexBytes: number }): ShardFigures {
  // Uint32Array views need 4-byte alignment: a Data module is aligned; a Node Buffer from a shared pool may not be.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice()
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as FiguresHeader
  if (header.format !== SHARD_FIGURES_FORMAT) throw new Error(`Unknown shard figures format ${JSON.stringify(header.format)}: rebuild with npm run build.`)
  if (header.termCount !== index.termCount || header.fieldCount !== index.fieldCount || header.indexBytes !== index.indexBytes) {
    throw new Error("The shard's corpus figures belong to another index (another shard or build): run npm run build.")
  }
  const start = bytes.byteOffset + 4 * Math.ceil((4 + length) / 4)
  const ranks = new Uint32Array(bytes.buffer, start, header.termCount)
  return {
    documentCount: header.documentCount,
    averageFieldLength: [...header.averageFieldLength],
    ranks,
    documentFrequencies: new Uint32Array(bytes.buffer, start + ranks.byteLength, header.termCount * header.fieldCount),
  }
}
