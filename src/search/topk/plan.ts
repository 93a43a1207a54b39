import MiniSearch, { type Query, type SearchOptions } from 'minisearch'
import { termIdf, type BlockBounds, type ListPart, type TermWindows } from '../index/compact-postings'
import type { MatchSet } from './match-set'

/**
 * A query tree resolved against an index the way MiniSearch 7.2's
 * `executeQuery`/`executeQuerySpec`/`termResults` resolve it: options inherited
 * down the tree, each term expanded to its exact, prefix and fuzzy matches in
 * MiniSearch's order, each match to one leaf per field with its weight. Scores
 * are added up in this order, so they come out as MiniSearch's bit for bit.
 */

/** One posting list to score: a term match in one field. */
export type Leaf = {
  /** The index term matched (`match` key in results). */
  derivedTerm: string
  field: string
  fieldId: number
  docs: ArrayLike<number>
  freqs: ArrayLike<number>
  bounds: BlockBounds | undefined
  /** A short list's stored bound (postings of one block or fewer, a whole index's). */
  listPart: ListPart | undefined
  /** The term's stored window bounds over all its fields (the same object in each of its leaves), if the index has them. */
  termWindows: TermWindows | undefined
  /** termWeight × termBoost × fieldBoost, multiplied in MiniSearch's order. */
  weight: number
  /** BM25 inverse document frequency from the postings' size (the df other layers may make corpus-wide). */
  idf: number
  averageLength: number
  /** Where the evaluator last looked in `docs` (it reads postings in ascending document order). */
  cursor: number
}

export type SpecNode = { kind: 'spec'; term: string; leaves: Leaf[] }
export type CombineNode = { kind: 'combine'; operator: 'or' | 'and' | 'and_not'; children: PlanNode[] }
export type PlanNode = SpecNode | CombineNode | { kind: 'wildcard' }

export type Bm25 = { k: number; b: number; d: number }

/** What the plan reads of a MiniSearch instance: the same private state its own search reads. */
export type IndexInternals = {
  _index: {
    get(term: string): FieldData | undefined
    atPrefix(prefix: string): Iterable<[string, FieldData]>
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldData, number]>
  }
  /** BM25's N: in a shard, the whole corpus's document count. */
  _documentCount: number
  /** The documents this index holds are 0 … `_nextId` − 1 (in a shard, fewer than `_documentCount`). */
  _nextId: number
  _avgFieldLength: number[]
  _fieldIds: Record<string, number>
  _fieldLength: { get(doc: number): ArrayLike<number> | undefined }
  _documentIds: { get(doc: number): unknown }
  _storedFields: { get(doc: number): Record<string, unknown> | undefined }
  _options: {
    fields: string[]
    tokenize: (text: string, fieldName?: string) => string[]
    processTerm: (term: string, fieldName?: string) => string | string[] | null | undefined | false
    searchOptions: SearchOptions
  }
  /** One request's memo of its terms' plans and match sets, on the request's view of the index (term-cache.ts). */
  _memo?: SpecMemo
}

/**
 * What a request's evaluations share (term-cache.ts's `RequestMemo`): a term's plan by a key of everything its
 * leaves depend on, and its match set, owned by the memo.
 */
export type SpecMemo = {
  spec(key: string, make: () => SpecNode): SpecNode
  matchSet(node: SpecNode): MatchSet | undefined
  keep(node: SpecNode, set: MatchSet): void
}

/** A term's postings per field id: the compact index's `FieldPostings` or MiniSearch's own `Map<doc, frequency>`. */
type FieldData = Map<number, FieldMap>
/** One field's postings of a term, as the planner reads them (and the live part index copies them). */
export type FieldMap = {
  readonly size: number
  keys(): Iterable<number>
  get(doc: number): number | undefined
  docs?: Uint32Array
  freqs?: Uint32Array
  bounds?: BlockBounds
  termWindows?: TermWindows
  listPart?: ListPart
}

const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 }
const DEFAULT_BM25: Bm25 = { k: 1.2, b: 0.7, d: 0.5 }
const DEFAULT_MAX_FUZZY = 6

export type Plan = { root: PlanNode; bm25: Bm25; boostDocument: SearchOptions['boostDocument'] }

export function planQuery(index: IndexInternals, query: Query, searchOptions: SearchOptions): Plan {
  const global = { ...index._options.searchOptions }
  const withDefaults = { ...global, ...searchOptions }
  return { root: planNode(index, query, searchOptions), bm25: withDefaults.bm25 ?? DEFAULT_BM25, boostDocument: withDefaults.boostDocument }
}

function planNode(index: IndexInternals, query: Query, searchOptions: SearchOptions): PlanNode {
  if (query === MiniSearch.wildcard) return { kind: 'wildcard' }
  if (typeof query !== 'string') {
    const options = { ...searchOptions, ...query, queries: undefined }
    return combine(
      query.queries.map((subquery) => planNode(index, subquery, options)),
      options.combineWith,
    )
  }
  const { tokenize, processTerm, searchOptions: global } = index._options
  const options = { tokenize, processTerm, ...global, ...searchOptions }
  const terms = options
    .tokenize(query)
    .flatMap((term) => options.processTerm(term))
    .filter((term): term is string => !!term)
  return combine(
    terms.map((term, i) => planSpec(index, termSpec(options, term, i, terms), options)),
    options.combineWith,
  )
}

function combine(children: PlanNode[], combineWith = 'or'): PlanNode {
  const operator = combineWith.toLowerCase()
  if (operator !== 'or' && operator !== 'and' && operator !== 'and_not') throw new Error(`Invalid combination operator: ${combineWith}`)
  return children.length === 1 ? children[0]! : { kind: 'combine', operator, children }
}

type TermSpec = { term: string; fuzzy: boolean | number; prefix: boolean; termBoost: number }

function termSpec(options: SearchOptions, term: string, i: number, terms: string[]): TermSpec {
  const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false
  const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true
  const termBoost = typeof options.boostTerm === 'function' ? options.boostTerm(term, i, terms) : 1
  return { term, fuzzy, prefix, termBoost }
}

function planSpec(index: IndexInternals, spec: TermSpec, searchOptions: SearchOptions): SpecNode {
  const options = { ...index._options.searchOptions, ...searchOptions }
  const fields = options.fields ?? index._options.fields
  const fieldBoosts = fields.map((field) => (Object.hasOwn(options.boost ?? {}, field) ? options.boost![field] : undefined) || 1)
  const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { ...DEFAULT_WEIGHTS, ...options.weights }
  let maxDistance = 0
  if (spec.fuzzy) {
    const fuzzy = spec.fuzzy === true ? 0.2 : spec.fuzzy
    maxDistance = fuzzy < 1 ? Math.min(options.maxFuzzy ?? DEFAULT_MAX_FUZZY, Math.round(spec.term.length * fuzzy)) : fuzzy
  }
  const make = () => specLeaves(index, spec, fields, fieldBoosts, maxDistance, fuzzyWeight, prefixWeight)
  if (!index._memo) return make()
  // Everything the leaves depend on (the index is the request's): the same term in another evaluation of the request
  // with the same options is the same node, its leaves and match set made once.
  const key = [spec.term, spec.prefix, maxDistance, spec.termBoost, fuzzyWeight, prefixWeight, fields.join(' '), fieldBoosts.join(' ')].join('\u0000')
  return index._memo.spec(key, make)
}

/** A term's leaves: its exact, prefix and fuzzy matches in MiniSearch's order, one leaf per field. */
function specLeaves(
  index: IndexInternals,
  spec: TermSpec,
  fields: readonly string[],
  fieldBoosts: readonly number[],
  maxDistance: number,
  fuzzyWeight: number,
  prefixWeight: number,
): SpecNode {
  const leaves: Leaf[] = []
  // Indexed, with no tuple per leaf: this runs for every expanded term of every request, mostly unoptimised, where
  // `for … of` and destructuring allocate.
  const addLeaves = (derivedTerm: string, termWeight: number, data: FieldData | undefined) => {
    if (!data) return
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!
      const fieldBoost = fieldBoosts[f]!
      const fieldId = index._fieldIds[field]!
      const postings = data.get(fieldId)
      if (!postings) continue
      const stored = postings.docs && postings.freqs
      const docs = stored ? postings.docs! : ascendingDocs(postings)
      const freqs = stored ? postings.freqs! : frequencies(postings, docs)
      const matching = postings.size
      const total = index._documentCount
      leaves.push({
        derivedTerm,
        field,
        fieldId,
        docs,
        freqs,
        bounds: postings.bounds,
        termWindows: postings.termWindows,
        listPart: postings.listPart,
        weight: termWeight * spec.termBoost * fieldBoost,
        idf: termIdf(matching, total),
        averageLength: index._avgFieldLength[fieldId]!,
        cursor: 0,
      })
    }
  }
  addLeaves(spec.term, 1, index._index.get(spec.term))
  const fuzzyMatches = maxDistance ? index._index.fuzzyGet(spec.term, maxDistance) : undefined
  if (spec.prefix) {
    for (const [term, data] of index._index.atPrefix(spec.term)) {
      const distance = term.length - spec.term.length
      if (!distance) continue
      fuzzyMatches?.delete(term)
      addLeaves(term, (prefixWeight * term.length) / (term.length + 0.3 * distance), data)
    }
  }
  // forEach, in the map's order as for … of: no entry pair per term.
  fuzzyMatches?.forEach(([data, distance], term) => {
    if (distance) addLeaves(term, (fuzzyWeight * term.length) / (term.length + distance), data)
  })
  return { kind: 'spec', term: spec.term, leaves }
}

/** A MiniSearch `Map<doc, frequency>`'s documents, ascending. */
function ascendingDocs(postings: FieldMap): Uint32Array {
  return Uint32Array.from(postings.keys()).sort()
}

/** A MiniSearch `Map<doc, frequency>`'s frequencies, in the order of `docs`. */
function frequencies(postings: FieldMap, docs: Uint32Array): Uint32Array {
  return docs.map((doc) => postings.get(doc)!)
}
