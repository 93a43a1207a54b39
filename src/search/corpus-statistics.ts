import type MiniSearch from 'minisearch'

/**
 * The corpus statistics BM25 reads, and nothing else: the document count N
 * (MiniSearch's `_documentCount`), the average length of each field
 * (`_avgFieldLength`) and, per term and field, the number of documents that
 * have the term (the `.size` of the term's field postings). Several indexes
 * that together make one corpus (the bundle and the live segment) each score
 * with the statistics of the whole, so a document scores as it would in one
 * index built from all of them.
 */
export type CorpusStatistics = {
  readonly documentCount: number
  readonly averageFieldLength: readonly number[]
  /** Documents of the whole corpus with `term` in field `fieldId`. */
  documentFrequency(term: string, fieldId: number): number
}

/** The private state of a MiniSearch index that holds the statistics. */
type Internals = {
  _documentCount: number
  _avgFieldLength: number[]
  _index: TermMap
}

type FieldPostings = { readonly size: number; keys(): Iterable<number>; get(doc: number): number | undefined; has?(doc: number): boolean }
type TermData = { get(fieldId: number): FieldPostings | undefined }
/** What MiniSearch's search reads of its term map (its `SearchableMap`, or the compact index's stand-in). */
type TermMap = {
  readonly size: number
  get(term: string): TermData | undefined
  has(term: string): boolean
  atPrefix(prefix: string): Iterable<[string, TermData]>
  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]>
  [Symbol.iterator](): Iterator<[string, TermData]>
}

/** What one index contributes to a corpus's statistics. */
export type IndexStatistics = { documentCount: number; fieldLengthSums: number[]; documentFrequency(term: string, fieldId: number): number }

/** An index's own N, summed field lengths and document frequencies, read where MiniSearch keeps them. */
export function indexStatistics(index: MiniSearch<unknown> | MiniSearch<never>): IndexStatistics {
  const internals = index as unknown as Internals
  const documentCount = internals._documentCount
  return {
    documentCount,
    fieldLengthSums: internals._avgFieldLength.map((average) => average * documentCount),
    documentFrequency: (term, fieldId) => internals._index.get(term)?.get(fieldId)?.size ?? 0,
  }
}

/**
 * The statistics of a corpus made of `added` indexes less `removed` ones (the
 * documents a live segment replaces or deletes, indexed apart so that their
 * terms can be subtracted). Document frequencies are remembered per term, up
 * to a bound, since a query asks the same terms of every part.
 */
export function combinedStatistics(added: readonly IndexStatistics[], removed: readonly IndexStatistics[]): CorpusStatistics {
  const sum = (parts: readonly IndexStatistics[], of: (part: IndexStatistics) => number) => parts.reduce((total, part) => total + of(part), 0)
  const documentCount = sum(added, (part) => part.documentCount) - sum(removed, (part) => part.documentCount)
  const fieldCount = Math.max(...added.map((part) => part.fieldLengthSums.length))
  const averageFieldLength = Array.from({ length: fieldCount }, (_, field) => {
    const total = sum(added, (part) => part.fieldLengthSums[field] ?? 0) - sum(removed, (part) => part.fieldLengthSums[field] ?? 0)
    return documentCount > 0 ? total / documentCount : 0
  })
  const remembered = new Map<string, number>()
  return {
    documentCount,
    averageFieldLength,
    documentFrequency(term, fieldId) {
      const key = `${fieldId}:${term}`
      let found = remembered.get(key)
      if (found === undefined) {
        found = sum(added, (part) => part.documentFrequency(term, fieldId)) - sum(removed, (part) => part.documentFrequency(term, fieldId))
        if (remembered.size >= MAX_REMEMBERED_TERMS) remembered.clear()
        remembered.set(key, found)
      }
      return found
    },
  }
}

/** Enough for every term of many queries; a bound so that an isolate's memory stays flat. */
const MAX_REMEMBERED_TERMS = 50_000

/**
 * An index's statistics as plain data, to send where the index is not (a
 * sharded build's live segment is in its front, its base in the shards):
 * N, summed field lengths, and per term each field's document frequency.
 */
export type StatisticsData = { documentCount: number; fieldLengthSums: number[]; frequencies: [term: string, byField: number[]][] }

/** The statistics that `data` describes. */
export function statisticsFromData(data: StatisticsData): IndexStatistics {
  const frequencies = new Map(data.frequencies)
  return {
    documentCount: data.documentCount,
    fieldLengthSums: data.fieldLengthSums,
    documentFrequency: (term, fieldId) => frequencies.get(term)?.[fieldId] ?? 0,
  }
}

/** Per term of `index`, each field's document frequency (0 where the term is not in that field). */
export function termFrequencies(index: MiniSearch<unknown> | MiniSearch<never>, fieldCount: number): StatisticsData['frequencies'] {
  return Array.from((index as unknown as Internals)._index, ([term, data]) => [
    term,
    Array.from({ length: fieldCount }, (_, fieldId) => data.get(fieldId)?.size ?? 0),
  ])
}
