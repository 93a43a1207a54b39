import type { Options } from 'minisearch'
import type { PostingList } from './compact-postings'

/**
 * What MiniSearch's `addAll` of fresh documents would hold, collected straight
 * into arrays: the build writes a shard's compact index from it
 * (`serializeCompactShard`, `CorpusFigures`) and never searches it, so it needs
 * neither MiniSearch's radix tree (a walk of it per word) nor a Map per term
 * and field. Making a 10,000-article shard's MiniSearch index was most of the
 * sharded build's time (docs/scaling.md).
 */
export type CollectedIndex = {
  ids: string[]
  fieldIds: Record<string, number>
  /**
   * MiniSearch's field lengths (distinct words of the field, before `processTerm`)
   * at `doc * fieldCount + field`; -1 where the document has no such field (MiniSearch keeps none).
   */
  fieldLengths: Int32Array
  /** Term -> its postings per field, in the order MiniSearch would first insert each term into its tree. */
  terms: Map<string, (MutablePostings | undefined)[]>
}

type MutablePostings = PostingList & { docs: number[]; freqs: number[] }

/**
 * The documents indexed as MiniSearch would with `options` (fields, tokenize,
 * processTerm, id field, field extraction): the same terms, term frequencies
 * and field lengths, in the same order. Stored fields are not collected: the
 * compact index of a shard keeps none (`INDEX_OPTIONS.storeFields` is empty).
 */
export function collectIndex<T>(documents: readonly T[], options: Options<T>): CollectedIndex {
  const { fields, idField = 'id', tokenize, processTerm, storeFields = [] } = options
  if (!tokenize || !processTerm) throw new Error("collectIndex needs the index options' own tokenize and processTerm.")
  if (storeFields.length > 0) throw new Error('collectIndex keeps no stored fields: use MiniSearch for an index that stores some.')
  const extractField = options.extractField ?? ((document: T, field: string) => (document as Record<string, unknown>)[field])
  const stringifyField = options.stringifyField ?? ((value: unknown) => String(value))
  const fieldIds = Object.fromEntries(fields.map((field, id) => [field, id]))
  const fieldCount = fields.length
  const fieldLengths = new Int32Array(documents.length * fieldCount).fill(-1)
  const terms = new Map<string, (MutablePostings | undefined)[]>()
  const ids: string[] = []
  const seenIds = new Set<unknown>()
  const addTerm = (field: number, doc: number, term: string) => {
    let byField = terms.get(term)
    if (byField === undefined) terms.set(term, (byField = new Array<MutablePostings | undefined>(fieldCount).fill(undefined)))
    const postings = byField[field]
    if (postings === undefined) byField[field] = { docs: [doc], freqs: [1] }
    // Documents come in order, so this document's posting, if any, is the last one.
    else if (postings.docs[postings.docs.length - 1] === doc) postings.freqs[postings.freqs.length - 1]!++
    else {
      postings.docs.push(doc)
      postings.freqs.push(1)
    }
  }
  documents.forEach((document, doc) => {
    const id = extractField(document, idField)
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`)
    if (seenIds.has(id)) throw new Error(`MiniSearch: duplicate ID ${String(id)}`)
    seenIds.add(id)
    ids.push(id as string)
    fields.forEach((name, field) => {
      const value = extractField(document, name)
      if (value == null) return
      const tokens = tokenize(stringifyField(value, name), name)
      fieldLengths[doc * fieldCount + field] = new Set(tokens).size
      for (const token of tokens) {
        const processed = processTerm(token, name)
        // As MiniSearch's `add`: every term of an array, a single one only when not empty.
        if (Array.isArray(processed)) {
          for (const term of processed) addTerm(field, doc, term)
        } else if (processed) addTerm(field, doc, processed)
      }
    })
  })
  return { ids, fieldIds, fieldLengths, terms }
}
