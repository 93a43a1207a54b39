import type MiniSearch from 'minisearch'
import type { Query, SearchOptions, SearchResult } from 'minisearch'
import { blockPartBound, listPartBound, SCORE_BLOCK, termWindowScale, WINDOW_SHIFT } from '../index/compact-postings'
import { bitCount, MatchSet } from './match-set'
import { Scratch } from './scratch'
import { planQuery, type Bm25, type CombineNode, type IndexInternals, type Leaf, type Plan, type PlanNode, type SpecNode } from './plan'

/**
 * Top-k search over a MiniSearch index (a compact one or MiniSearch's own):
 * the same query trees and options as `MiniSearch#search`, the same scores
 * bit for bit, the same order for different scores (equal scores by document
 * position, where MiniSearch keeps its own map order), but only the best k are
 * scored. The match set comes first, as a bitset per query node (no scoring),
 * so totals and facets are exact; then the documents are visited window by
 * window (WINDOW ids each), best upper bound first, and a window whose bound
 * cannot beat the k-th best score found so far ends the search (block-max
 * pruning, see docs/search-engine.md). Bounds come from the score blocks the
 * compact index stores (compact-postings.ts) or, for postings shorter than a
 * block, from the postings themselves.
 */

/** Documents per window (the index's, which stores its terms' bounds per window): 2 words of the match bitset. */
const WINDOW_WORDS = 1 << (WINDOW_SHIFT - 5)
/** A query tree with at most this many leaves (term × field) is bounded per document by the leaves it is in. */
const MAX_LEAF_BOUNDS = 16
/** A tree of more leaves than this is visited in document order (see `collectBest`). */
const WIDE_TREE_LEAVES = 64
/**
 * In a wide tree, a term matched in more leaves than this (a prefix's or a close spelling's expansions × fields) is
 * scored a window at a time (see `windowSpecs`).
 */
const WINDOW_SCORED_LEAVES = 16
/** A score block spanning fewer windows than this bounds each of them without its postings read (`addLeafBounds`). */
const DENSE_BLOCK_WINDOWS = 16
/** A bound is computed in another order than the score it bounds: this much slack covers the rounding. */
const BOUND_SLACK = 1 + 1e-9

export type TopKOptions = SearchOptions & {
  /** Which documents may match at all (exclusions, phrases…), asked once per matching document before scoring. */
  accept?: (doc: number) => boolean
  /**
   * The only documents that may match (a date range's), ANDed with the match set before `accept` is asked; a
   * document past its size does not match (a bitset reads 0 there).
   */
  within?: MatchSet
  /**
   * MiniSearch multiplies a score by the number of query terms matched
   * (true, its behaviour); false divides that back out, and ranks by the result.
   */
  coordination?: boolean
  /**
   * Soft coordination by query word: with `coordination: false`, a score
   * times (words matched / `count`)^`exponent`, `wordOf` naming the word each
   * query term stands for (a synonym's or a typo's term counts for its word;
   * terms it does not name count for none). The factor is at most 1, so the
   * score bounds still bound it and pruning stays exact.
   */
  words?: QueryWords
  /** Score every match, no pruning (the baseline the differential test and the bench compare with). */
  exhaustive?: boolean
}

/** See `TopKOptions.words`. */
export type QueryWords = { wordOf: (term: string) => number | undefined; count: number; exponent: number }

/**
 * How `top` orders: a tier of documents ranked before all others, a factor
 * per document (recency) in [0, `maxFactor`] (default 1), which the pruning
 * bound includes.
 */
export type RankOptions = { within?: MatchSet; first?: MatchSet; factor?: (doc: number) => number; maxFactor?: number }

/** A MiniSearch result whose `id` is the document's short id when searched through `withPositionIds`. */
export type TopKResult = SearchResult

/** A scored document: `final` is what it ranks by (ties by document position). */
type Entry = { doc: number; final: number }

/** A result with the score it was ranked by (`factor` applied). */
export type RankedResult = { result: TopKResult; final: number }

/** Counters, for the bench: how much of the match set was scored, and whether pruning was possible at all. */
export type SearchStats = { matched: number; scored: number; pruned: boolean }

/**
 * Totals over every search of this isolate (the bench reads their differences): searches, those that fell back to
 * scoring every match, documents matched, visited (their bound checked or scored) and scored, windows visited, and
 * windows of a many-leaf term scored at once (`scoreWindow`). The work behind them, each counted once per leaf or
 * call (never per posting, so the counting costs nothing beside the work): postings read to build match sets
 * (`matchPostings`), postings and stored block bounds read to bound the windows (`boundPostings`, `boundBlocks`),
 * windows with a match and a bound (`candidateWindows`, of which `windows` were visited), leaves a document was looked
 * up in to be bounded or scored (`leafLookups`), and postings summed by `scoreWindow` (`windowPostings`).
 */
export const ENGINE_TOTALS = {
  searches: 0,
  exhaustive: 0,
  matched: 0,
  visited: 0,
  scored: 0,
  windows: 0,
  termWindows: 0,
  matchPostings: 0,
  boundPostings: 0,
  boundBlocks: 0,
  candidateWindows: 0,
  leafLookups: 0,
  windowPostings: 0,
}

/**
 * Milliseconds each stage of a search took, summed over the searches of this
 * isolate while `on` (the bench's `--stages` resets and reads them around one
 * search): off, a stage costs one check of `on`.
 */
export const SEARCH_STAGES = {
  on: false,
  ms: { words: 0, plan: 0, matchSets: 0, accept: 0, everyWord: 0, rank: 0, facets: 0, results: 0, hits: 0 },
}
export type SearchStage = keyof typeof SEARCH_STAGES.ms

/** A stage's start (0 while stages are not timed). */
export function stageStart(): number {
  return SEARCH_STAGES.on ? performance.now() : 0
}

/** Adds the time since `start` to `stage` and returns the next stage's start. */
export function stageEnd(stage: SearchStage, start: number): number {
  if (!SEARCH_STAGES.on) return 0
  const now = performance.now()
  SEARCH_STAGES.ms[stage] += now - start
  return now
}

export function prepareSearch(index: MiniSearch<unknown> | MiniSearch<never>, query: Query, options: TopKOptions = {}): PreparedSearch {
  return new PreparedSearch(index as unknown as IndexInternals, query, options)
}

export class PreparedSearch {
  /** The documents the query matches (and `accept` accepts). */
  readonly matches: MatchSet
  readonly stats: SearchStats
  private readonly plan: Plan
  private readonly sets = new Map<PlanNode, MatchSet>()
  /** The sets of `sets` this search made and releases (a term's set kept by the request's memo is the memo's). */
  private readonly owned: MatchSet[] = []
  private readonly leaves: Leaf[] = []
  private readonly termIds = new Map<string, number>()
  private readonly termStamps: Int32Array
  private stamp = 0
  private quality = 0
  private readonly coordination: boolean
  private readonly words: QueryWords | undefined
  /** Per term id, its word's number (-1: none); per word, the stamp of the last document that matched it. */
  private readonly wordOfTerm: Int32Array
  private readonly wordStamps: Int32Array
  private readonly bm25: Bm25
  /** `wordFactor` of each number of words matched. */
  private readonly wordFactors: Float64Array
  /** `docBound`'s and `leafDocBound`'s answer. */
  private readonly docBoundOut = new Float64Array(1)
  /**
   * `leafDocBound`'s `limit`, handed over in a typed array: a double passed as an argument to a call not inlined is a
   * heap number per visited document (about 24 KiB per one-word search at 20,000 articles).
   */
  private readonly docBoundLimit = new Float64Array(1)
  /** `score`'s running sum per tree level. */
  private readonly sums: Float64Array
  private children: RootChildren | undefined
  /**
   * While a wide tree is visited window by window, its many-leaf terms' scores over the window (see `scoreWindow`);
   * undefined otherwise (each document then found in each leaf).
   */
  private windowSpecs: Map<SpecNode, WindowScores> | undefined
  /**
   * The window `collectBest` is visiting, and the documents of it that may be scored there (`within`'s, past the
   * per-document bound as it stood when the window began: it only rises while the window is visited).
   */
  private window = -1
  private readonly windowMay = new Uint32Array(WINDOW_WORDS)

  constructor(
    private readonly index: IndexInternals,
    query: Query,
    options: TopKOptions,
  ) {
    const { accept, within, coordination = true, words, exhaustive = false, ...searchOptions } = options
    if (words && coordination) throw new Error("prepareSearch: `words` coordination replaces MiniSearch's own: pass `coordination: false`.")
    if (searchOptions.filter) throw new Error('prepareSearch: pass `accept(doc)` instead of `filter` (a filter may read scores, which are computed last).')
    let clock = stageStart()
    this.plan = planQuery(index, query, searchOptions)
    clock = stageEnd('plan', clock)
    this.bm25 = this.plan.bm25
    this.coordination = coordination
    this.collect(this.plan.root)
    this.termStamps = new Int32Array(this.termIds.size)
    this.words = words
    this.wordOfTerm = new Int32Array(this.termIds.size).fill(-1)
    if (words) for (const [term, id] of this.termIds) this.wordOfTerm[id] = words.wordOf(term) ?? -1
    this.wordStamps = new Int32Array(words?.count ?? 0)
    this.wordFactors = Float64Array.from({ length: (words?.count ?? 0) + 1 }, (_, matched) => this.wordFactor(matched))
    this.sums = new Float64Array(this.depth(this.plan.root) + 1)
    this.matches = this.matchSet(this.plan.root).pooledCopy()
    clock = stageEnd('matchSets', clock)
    if (within) this.matches.intersect(within)
    if (accept) this.matches.retain(accept)
    stageEnd('accept', clock)
    // A document boost has no known bound: every match is scored.
    this.stats = { matched: this.matches.count, scored: 0, pruned: !exhaustive && !this.plan.boostDocument }
    ENGINE_TOTALS.searches++
    ENGINE_TOTALS.matched += this.stats.matched
    if (!this.stats.pruned) ENGINE_TOTALS.exhaustive++
  }

  /**
   * Hands the match sets of this search, `matches` included, back to the
   * isolate's pool: for the caller that owns the search, once it has read its
   * last result; nothing of it may be used after.
   */
  release(): void {
    for (const set of this.owned) set.release()
    this.owned.length = 0
    this.sets.clear()
    this.matches.release()
  }

  /**
   * The best `k` documents of `within` (default: every match) by score (as
   * MiniSearch scores them, then re-ranked by `factor`, with the `first` tier
   * ahead), equal scores by document position (the corpus order, the one
   * tie-break a sharded corpus can keep too), as MiniSearch results.
   */
  top(k: number, options: RankOptions = {}): TopKResult[] {
    return this.topRanked(k, options).map(({ result }) => result)
  }

  /** `top`, each result with the score it was ranked by. */
  topRanked(k: number, { within = this.matches, first, factor, maxFactor = 1 }: RankOptions = {}): RankedResult[] {
    const ahead: Entry[] = []
    if (first) {
      new MatchSet(within.size, within.words.slice()).intersect(first).forEach((doc) => ahead.push(this.entry(doc, factor)))
      ahead.sort((a, b) => this.compare(a, b))
    }
    const room = k - ahead.length
    const best = room > 0 ? this.collectBest(room, within, first, factor, factor ? maxFactor : 1) : []
    return [...ahead, ...best].slice(0, k).map((entry) => ({ result: this.result(entry.doc), final: entry.final }))
  }

  /** Documents in relevance order (as `top` would order them), all of them scored. */
  rank(docs: ArrayLike<number>): TopKResult[] {
    return this.rankScored(docs).map(({ result }) => result)
  }

  /** `rank`, each result with the score it was ranked by. */
  rankScored(docs: ArrayLike<number>): RankedResult[] {
    const entries = Array.from(docs, (doc) => this.entry(doc, undefined))
    return entries.sort((a, b) => this.compare(a, b)).map((entry) => ({ result: this.result(entry.doc), final: entry.final }))
  }

  private collectBest(room: number, within: MatchSet, first: MatchSet | undefined, factor: RankOptions['factor'], maxFactor: number): Entry[] {
    const windowCount = Math.ceil(within.words.length / WINDOW_WORDS)
    const root = this.plan.root
    // Under an OR root, each child's bounds are kept too: a document's own bound is then the sum over the children
    // that match it, times the coordination its children allow, which rules out most one-word matches of a
    // two-word query without scoring them (a window holds documents with either word, so its bound has both).
    // A small tree (a word with its stem, synonyms and close spellings, in a few fields; two or three such words) is
    // bounded per document by the leaves (term × field) it is in: a window holds title matches, whose bound is title
    // plus text, and matches of other words, while most of its documents have one term in one field. A wider tree is
    // bounded per document by the root's children it matches, under an OR root.
    // A tree of more than 64 leaves (a prefix's many expansions) is bounded per document by the postings it has alone
    // (`docBounds`): a window's bound summed every expansion's best there, while a document has a few of them. A query of
    // several words (the product's coordination by word) is bounded by both: a window's leaf bounds add up the words'
    // bests, while most of its documents have one word, and count for less (two common words: 93% of the windows were
    // visited, 38% capped by the largest of its documents' own bounds; the differential test's pairs).
    const inOrder = this.leaves.length > WIDE_TREE_LEAVES
    const severalWords = !inOrder && !this.coordination && (this.words?.count ?? 0) > 1
    const byDoc = this.stats.pruned && (inOrder || severalWords) ? this.docBounds(within, windowCount) : undefined
    const onlyByDoc = inOrder && byDoc !== undefined
    const byLeaf = this.stats.pruned && !onlyByDoc ? this.leafScopes() : undefined
    const byChild = !onlyByDoc && !byLeaf && this.stats.pruned && root.kind === 'combine' && root.operator === 'or' && root.children.length > 1
    const treeBounds =
      !this.stats.pruned || onlyByDoc
        ? undefined
        : byLeaf
          ? this.leafBounds(byLeaf, windowCount)
          : byChild
            ? this.orBounds(root as CombineNode, windowCount)
            : this.windowBounds(root, windowCount, 0)
    const bounds = byDoc ? windowMaxima(within, byDoc, windowCount, treeBounds) : treeBounds
    const children = byChild ? this.rootChildren() : undefined
    let windows = 0
    const all = windowOrder(windowCount)
    for (let w = 0; w < windowCount; w++) {
      // A document's own bound may be 0 (no query word among its terms: a score of 0, listed while the list has room).
      if ((!bounds || byDoc || bounds[w]! > 0) && within.anyIn(w * WINDOW_WORDS, (w + 1) * WINDOW_WORDS)) all[windows++] = w
    }
    const order = all.subarray(0, windows)
    ENGINE_TOTALS.candidateWindows += windows
    // Its terms with many leaves are then scored a window at a time, the first time a document of the window is scored:
    // each leaf's postings in the window added to its documents' sums, in leaf order (the order `score` adds them, so
    // the sums are the same bit for bit), rather than each scored document found in each of thousands of leaves. Not
    // for a document boost (a boost per document and term, asked in `score`'s order) nor for the exhaustive baseline.
    this.windowSpecs = inOrder && this.stats.pruned ? this.wideSpecs() : undefined
    // Other trees' windows best bound first: a heap, popped as visited, since the search mostly ends after a few (and a
    // typed array's sort with a comparison copies it first, garbage per search).
    // A wide tree without per-document bounds (a wildcard in it) is visited in document order, each
    // window skipped (not ending the search) when its bound cannot beat the k-th score: it scores a document by looking
    // it up in every leaf, in document order a step of that leaf's cursor, in bound order a bisection.
    const byBound = bounds !== undefined && (!inOrder || byDoc !== undefined)
    if (byBound) heapify(order, bounds)
    // Word coordination multiplies by at most 1; MiniSearch's own by at most the number of terms. Per-document bounds
    // hold their documents' own coordination.
    const coordinationBound = (this.coordination && !byDoc ? this.termIds.size : 1) * maxFactor
    const candidate: Entry = { doc: -1, final: 0 }
    // The list so far, best first, in the isolate's scratch: `listed` entries of `bestDocs` and `bestFinals` (an entry
    // object per insertion, and the array `splice` returns, were most of a one-word search's garbage in this loop).
    const bestDocs = bestDocsScratch.take(room)
    const bestFinals = bestFinalsScratch.take(room)
    let listed = 0
    let window = 0
    // A tree bounded by the root's children (two words with their close spellings, more leaves than `leafDocBound`
    // takes) is bounded a second time by its children's own scores, one child at a time (`childDocBound`); not while a wide
    // tree's terms are scored a window at a time, whose window sums must not be asked for before the window's
    // candidates are known (`mayScore`).
    const exactChildren = children !== undefined && !this.windowSpecs
    // One visitor for every window (a closure per window would be garbage per window).
    const visit = (doc: number) => {
      ENGINE_TOTALS.visited++
      if (first?.has(doc)) return
      if (listed === room && byDoc && byDoc[doc]! * maxFactor * BOUND_SLACK < bestFinals[room - 1]!) return
      if (listed === room && (children || byLeaf)) {
        // The bound comes back in a typed array: a double returned from a call would be a heap number per document.
        if (byLeaf) {
          this.docBoundLimit[0] = bestFinals[room - 1]! / (maxFactor * BOUND_SLACK)
          this.leafDocBound(byLeaf, window, doc)
        } else {
          this.docBound(children!, window, doc)
          if (exactChildren && this.docBoundOut[0]! * maxFactor * BOUND_SLACK >= bestFinals[room - 1]!) {
            this.docBoundLimit[0] = bestFinals[room - 1]! / (maxFactor * BOUND_SLACK)
            this.childDocBound(children!, window, doc)
          }
        }
        if (this.docBoundOut[0]! * maxFactor * BOUND_SLACK < bestFinals[room - 1]!) return
      }
      // Scored into one reused entry: most documents do not make the list, and allocate nothing.
      const entry = this.entry(doc, factor, candidate)
      if (listed === room && ranksBefore(bestFinals[room - 1]!, bestDocs[room - 1]!, entry.final, entry.doc)) return
      let low = 0
      let high = listed
      while (low < high) {
        const middle = (low + high) >>> 1
        if (ranksBefore(entry.final, entry.doc, bestFinals[middle]!, bestDocs[middle]!)) high = middle
        else low = middle + 1
      }
      if (listed < room) listed++
      // The last entry falls off a full list; those after `low` move down one.
      bestDocs.copyWithin(low + 1, low, listed - 1)
      bestFinals.copyWithin(low + 1, low, listed - 1)
      bestDocs[low] = entry.doc
      bestFinals[low] = entry.final
    }
    // The documents of a window the visitor would score now (a superset of those it will): only theirs are summed.
    const may = this.windowMay
    let mayFrom = 0
    const mayScore = (doc: number) => {
      if (first?.has(doc)) return
      if (listed === room && byDoc && byDoc[doc]! * maxFactor * BOUND_SLACK < bestFinals[room - 1]!) return
      if (listed === room && children) {
        this.docBound(children, window, doc)
        if (this.docBoundOut[0]! * maxFactor * BOUND_SLACK < bestFinals[room - 1]!) return
      }
      may[(doc >>> 5) - mayFrom]! |= 1 << (doc & 31)
    }
    const mask = windowMask
    for (let i = 0; i < order.length; i++) {
      const w = byBound ? popBest(order, order.length - i, bounds) : order[i]!
      if (bounds && listed === room && bounds[w]! * coordinationBound * BOUND_SLACK < bestFinals[room - 1]!) {
        if (inOrder) continue
        break
      }
      window = w
      this.window = w
      ENGINE_TOTALS.windows++
      // A few leaves' cursors are set for the window at once (`essentialLeaves` reads them); a wide tree's (a prefix's
      // thousands of leaves) are left where they are, and `find` moves those it is asked about.
      if (byLeaf) this.resetCursors(w << WINDOW_SHIFT)
      const from = w * WINDOW_WORDS
      const to = Math.min(from + WINDOW_WORDS, within.words.length)
      const limit = listed === room ? bestFinals[room - 1]! / (coordinationBound * BOUND_SLACK) : 0
      // Only the documents in some essential leaf or child can enter the list (MaxScore): the others are never visited.
      const essential =
        limit > 0 &&
        (byLeaf
          ? this.essentialLeaves(byLeaf, w, bestFinals[room - 1]! / (maxFactor * BOUND_SLACK), mask)
          : children
            ? essentialChildren(children, w, from, to, limit, mask)
            : false)
      if (this.windowSpecs) {
        may.fill(0)
        mayFrom = from
        within.forEachIn(from, to, mayScore, essential ? mask : undefined)
      }
      within.forEachIn(from, to, visit, essential ? mask : undefined)
    }
    this.windowSpecs = undefined
    this.window = -1
    return Array.from({ length: listed }, (_, at) => ({ doc: bestDocs[at]!, final: bestFinals[at]! }))
  }

  /**
   * Per document (in the isolate's scratch, indexed by document), an upper bound of its ranking score before `factor`:
   * for each scoring leaf (every leaf but those under the excluded side of an AND_NOT, once per place in the tree) that
   * has a posting of the document, that posting's block bound (or a short list's stored part, or its exact score), the
   * sum times the coordination of the terms (MiniSearch's) or words those leaves stand for. One pass over the tree's
   * postings, which the match sets read anyway: for a prefix's hundreds of expansions, whose window bound summed every
   * expansion's best there while a document has a few of them. Only `within`'s documents are given their coordination
   * (the others are never read). Undefined for a tree with a wildcard (it scores every document).
   */
  private docBounds(within: MatchSet, windowCount: number): Float64Array | undefined {
    const leaves: Leaf[] = []
    const bits: number[] = []
    const byTerm = this.coordination
    const covered = byTerm ? this.termIds.size <= 31 : (this.words?.count ?? 0) <= 31
    const scoring = (node: PlanNode): boolean => {
      if (node.kind === 'wildcard') return false
      if (node.kind === 'spec') {
        const id = this.termIds.get(node.term)!
        const word = this.wordOfTerm[id]!
        const bit = !covered ? 0 : byTerm ? 1 << id : word === -1 ? 0 : 1 << word
        for (let i = 0; i < node.leaves.length; i++) {
          leaves.push(node.leaves[i]!)
          bits.push(bit)
        }
        return true
      }
      const scored = node.operator === 'and_not' ? node.children.slice(0, 1) : node.children
      return scored.every(scoring)
    }
    if (!scoring(this.plan.root) || windowCount === 0) return undefined
    const size = within.size
    const sums = docSums.take(size)
    const cover = docCover.take(size)
    sums.fill(0, 0, size)
    cover.fill(0, 0, size)
    const { k, b, d } = this.bm25
    for (let l = 0; l < leaves.length; l++) {
      const leaf = leaves[l]!
      const { docs, bounds: blocks } = leaf
      const bit = bits[l]!
      ENGINE_TOTALS.boundPostings += docs.length
      const listPart = !blocks && leaf.listPart ? listPartBound(leaf.listPart, k, b, leaf.averageLength, leaf.fieldId) : undefined
      if (!blocks && listPart === undefined) {
        for (let i = 0; i < docs.length; i++) {
          sums[docs[i]!]! += this.leafScore(leaf, i, docs[i]!, 1)
          cover[docs[i]!]! |= bit
        }
        continue
      }
      ENGINE_TOTALS.boundBlocks += Math.ceil(docs.length / SCORE_BLOCK)
      for (let start = 0, block = 0; start < docs.length; start += SCORE_BLOCK, block++) {
        const bound = leaf.weight * leaf.idf * (d + (blocks ? blockPartBound(blocks, block, k, b, leaf.averageLength, leaf.fieldId) : listPart!))
        const end = Math.min(start + SCORE_BLOCK, docs.length)
        for (let i = start; i < end; i++) {
          sums[docs[i]!]! += bound
          cover[docs[i]!]! |= bit
        }
      }
    }
    // The coordination each document's leaves allow: as many terms (or words) as they stand for, or the most there is.
    const words = within.words
    for (let j = 0; j < words.length; j++) {
      let word = words[j]!
      while (word !== 0) {
        const lowest = word & -word
        const doc = (j << 5) + 31 - Math.clz32(lowest)
        word ^= lowest
        const held = covered ? bitCount(cover[doc]!) : byTerm ? this.termIds.size : this.wordFactors.length - 1
        sums[doc] = sums[doc]! * (byTerm ? Math.max(1, Math.min(held, this.termIds.size)) : this.wordFactors[Math.min(held, this.wordFactors.length - 1)]!)
      }
    }
    return sums
  }

  /** The spec nodes of more than `WINDOW_SCORED_LEAVES` leaves, each with its window's scratch (undefined if none). */
  private wideSpecs(): Map<SpecNode, WindowScores> | undefined {
    let specs: Map<SpecNode, WindowScores> | undefined
    const walk = (node: PlanNode): void => {
      if (node.kind === 'combine') node.children.forEach(walk)
      else if (node.kind === 'spec' && node.leaves.length > WINDOW_SCORED_LEAVES && !specs?.has(node)) {
        specs ??= new Map()
        specs.set(node, { window: -1, sums: new Float64Array(1 << WINDOW_SHIFT), matched: new Uint32Array(WINDOW_WORDS) })
      }
    }
    walk(this.plan.root)
    return specs
  }

  /**
   * A spec node's scores over window `w`, into `scores`: for each leaf in
   * order, its postings of documents in the window that may be scored
   * (`windowMay`) added to those documents' sums, as `score` would add them
   * one document at a time. The leaves' cursors end past the window (windows
   * are visited in document order here; `find` still starts over if asked
   * about an earlier document).
   */
  private scoreWindow(node: SpecNode, w: number, scores: WindowScores): void {
    ENGINE_TOTALS.termWindows++
    const { sums, matched } = scores
    sums.fill(0)
    matched.fill(0)
    scores.window = w
    const start = w << WINDOW_SHIFT
    const end = start + (1 << WINDOW_SHIFT)
    const may = this.windowMay
    const { k, b, d } = this.bm25
    const fieldLengths = this.index._fieldLength
    for (let i = 0; i < node.leaves.length; i++) {
      const leaf = node.leaves[i]!
      const { docs } = leaf
      let at = leaf.cursor
      if (at > 0 && docs[at - 1]! >= start) at = 0
      if (at < docs.length && docs[at]! < start) at = lowerBound(docs, start, at)
      const first = at
      for (; at < docs.length && docs[at]! < end; at++) {
        const doc = docs[at]!
        const offset = doc - start
        const word = offset >>> 5
        const bit = 1 << (offset & 31)
        if ((may[word]! & bit) === 0) continue
        // `score`'s sum, term for term (no document boost here: its boost of 1 multiplies exactly).
        const termFreq = leaf.freqs[at]!
        const fieldLength = fieldLengths.get(doc)![leaf.fieldId]!
        const rawScore = leaf.idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / leaf.averageLength)))
        sums[offset]! += leaf.weight * rawScore
        matched[word]! |= bit
      }
      ENGINE_TOTALS.windowPostings += at - first
      leaf.cursor = at
    }
  }

  /**
   * MaxScore within window `w`: a document only in some set of leaves scores at most their window bounds summed, times
   * the coordination of the terms (MiniSearch's) or words those leaves stand for; when that is below `limit` (the k-th
   * best score over the most `factor` and rounding can add), those leaves may be passed over, any such set, not only
   * the lowest bounds. The leaves with the most postings are tried first (a common word's text leaf, whose
   * bound alone is below the k-th score when the best documents also have the word in their title; one of two common
   * words, whose documents without the other count half), and a leaf without a posting in the window counts for
   * nothing. Into `mask`, the window's documents in any other (essential) leaf, from the cursors `resetCursors` set;
   * false when every leaf with a posting there is essential (the whole window is to be visited).
   */
  private essentialLeaves({ leaves, termBits, wordBits }: LeafScopes, w: number, limit: number, mask: Uint32Array): boolean {
    const count = leaves.length
    const start = w << WINDOW_SHIFT
    const end = start + (1 << WINDOW_SHIFT)
    const byPostings = leafOrder
    let present = 0
    for (let i = 0; i < count; i++) {
      const { docs, cursor } = leaves[i]!
      if (cursor === docs.length || docs[cursor]! >= end) continue
      // Most postings first (the whole list's: counting the window's was a second bisection per leaf and window, which
      // cost what it saved), then the lower bound: an insertion sort of at most MAX_LEAF_BOUNDS leaves.
      let at = present++
      for (; at > 0 && passedOverFirst(leaves, w, i, byPostings[at - 1]!); at--) byPostings[at] = byPostings[at - 1]!
      byPostings[at] = i
    }
    let sum = 0
    let terms = 0
    let words = 0
    let passed = 0
    for (let at = 0; at < present; at++) {
      const leaf = byPostings[at]!
      const withLeaf = sum + leafBoundLevels[leaf]![w]!
      const withTerms = terms | termBits[leaf]!
      const withWords = words | wordBits[leaf]!
      const coordination = this.coordination ? Math.max(1, bitCount(withTerms)) : this.wordFactors[Math.min(bitCount(withWords), this.wordFactors.length - 1)]!
      if (withLeaf * coordination >= limit) continue
      sum = withLeaf
      terms = withTerms
      words = withWords
      passed |= 1 << at
    }
    if (passed === 0) return false
    mask.fill(0)
    for (let at = 0; at < present; at++) {
      if ((passed & (1 << at)) !== 0) continue
      const { docs, cursor } = leaves[byPostings[at]!]!
      for (let i = cursor; i < docs.length && docs[i]! < end; i++) mask[(docs[i]! - start) >>> 5]! |= 1 << (docs[i]! & 31)
    }
    return true
  }

  /** Negative when `a` ranks before `b`: final score, then document position (`rankOrder` in coordinator.ts); small integers, never a boxed difference. */
  private compare(a: Entry, b: Entry): number {
    return a.final > b.final ? -1 : a.final < b.final ? 1 : a.doc - b.doc
  }

  private entry(doc: number, factor: RankOptions['factor'], into?: Entry): Entry {
    this.stats.scored++
    ENGINE_TOTALS.scored++
    this.stamp++
    this.quality = 0
    this.score(this.plan.root, doc, 0)
    const ms = this.sums[0]! * (this.quality || 1)
    const key = this.coordination ? ms : (ms / Math.max(1, this.quality)) * this.wordFactors[this.stampedWords()]!
    const final = factor ? key * factor(doc) : key
    if (!into) return { doc, final }
    into.doc = doc
    into.final = final
    return into
  }

  /**
   * The score of a document `node` matches, added up in MiniSearch's order,
   * into `sums[depth]`: one running sum per tree level, in a typed array, since
   * a double returned from a call is boxed, and this runs per document scored.
   */
  private score(node: PlanNode, doc: number, depth: number): void {
    const sums = this.sums
    switch (node.kind) {
      case 'wildcard':
        sums[depth] = this.documentBoost(doc, '')
        return
      case 'spec': {
        const windowed = this.windowSpecs?.get(node)
        if (windowed) {
          if (windowed.window !== this.window) this.scoreWindow(node, this.window, windowed)
          const offset = doc - (this.window << WINDOW_SHIFT)
          sums[depth] = windowed.sums[offset]!
          if ((windowed.matched[offset >>> 5]! & (1 << (offset & 31))) !== 0) this.countTerm(node.term)
          return
        }
        sums[depth] = 0
        let matched = false
        const { k, b, d } = this.bm25
        ENGINE_TOTALS.leafLookups += node.leaves.length
        for (let i = 0; i < node.leaves.length; i++) {
          const leaf = node.leaves[i]!
          const at = this.find(leaf, doc)
          if (at === -1) continue
          const boost = this.documentBoost(doc, leaf.derivedTerm)
          if (!boost) continue
          // leafScore, inlined for the same reason.
          const termFreq = leaf.freqs[at]!
          const fieldLength = this.index._fieldLength.get(doc)![leaf.fieldId]!
          const rawScore = leaf.idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / leaf.averageLength)))
          sums[depth] += leaf.weight * boost * rawScore
          matched = true
        }
        if (matched) this.countTerm(node.term)
        return
      }
      case 'combine': {
        if (node.operator === 'and_not') {
          this.score(node.children[0]!, doc, depth)
          return
        }
        sums[depth] = 0
        for (let i = 0; i < node.children.length; i++) {
          const child = node.children[i]!
          if (!this.sets.get(child)!.has(doc)) continue
          this.score(child, doc, depth + 1)
          sums[depth] += sums[depth + 1]!
        }
      }
    }
  }

  private leafScore(leaf: Leaf, at: number, doc: number, boost: number): number {
    const { k, b, d } = this.bm25
    const termFreq = leaf.freqs[at]!
    const fieldLength = this.index._fieldLength.get(doc)![leaf.fieldId]!
    const rawScore = leaf.idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / leaf.averageLength)))
    return leaf.weight * boost * rawScore
  }

  private documentBoost(doc: number, term: string): number {
    const boostDocument = this.plan.boostDocument
    return boostDocument ? boostDocument(this.index._documentIds.get(doc), term, this.index._storedFields.get(doc)) : 1
  }

  /** How many query words the terms stamped for the current document stand for. */
  private stampedWords(): number {
    if (!this.words) return 0
    let matched = 0
    for (let id = 0; id < this.termStamps.length; id++) {
      const word = this.wordOfTerm[id]!
      if (this.termStamps[id] !== this.stamp || word === -1 || this.wordStamps[word] === this.stamp) continue
      this.wordStamps[word] = this.stamp
      matched++
    }
    return matched
  }

  /** The word coordination factor, (matched / count)^exponent; 1 without `words`. */
  private wordFactor(matched: number): number {
    return this.words ? (matched / Math.max(1, this.words.count)) ** this.words.exponent : 1
  }

  /** Nodes from the root to the deepest leaf. */
  private depth(node: PlanNode): number {
    return node.kind === 'combine' ? 1 + Math.max(0, ...node.children.map((child) => this.depth(child))) : 1
  }

  private countTerm(term: string): void {
    const id = this.termIds.get(term)!
    if (this.termStamps[id] === this.stamp) return
    this.termStamps[id] = this.stamp
    this.quality++
  }

  /** The MiniSearch result of one document: score, matched terms and fields built as its combinators build them. */
  private result(doc: number): TopKResult {
    const raw = this.raw(this.plan.root, doc)!
    const quality = raw.terms.length || 1
    const score = raw.score * quality
    return {
      id: this.index._documentIds.get(doc),
      score: this.coordination ? score : (score / Math.max(1, raw.terms.length)) * this.wordFactor(this.wordsOf(raw.terms)),
      terms: Object.keys(raw.match),
      queryTerms: raw.terms,
      match: raw.match,
      ...this.index._storedFields.get(doc),
    }
  }

  /** How many query words `terms` stand for. */
  private wordsOf(terms: readonly string[]): number {
    if (!this.words) return 0
    // A stamp of its own marks the words met (the next document scored takes a new one).
    const stamp = ++this.stamp
    let count = 0
    for (let i = 0; i < terms.length; i++) {
      const id = this.termIds.get(terms[i]!)
      const word = id === undefined ? -1 : this.wordOfTerm[id]!
      if (word === -1 || this.wordStamps[word] === stamp) continue
      this.wordStamps[word] = stamp
      count++
    }
    return count
  }

  private raw(node: PlanNode, doc: number): RawResult | undefined {
    switch (node.kind) {
      case 'wildcard':
        return { score: this.documentBoost(doc, ''), terms: [], match: {} }
      case 'spec': {
        let found: RawResult | undefined
        // Indexed loops here and below: this runs a few times a search, unoptimised, where `for … of` allocates an
        // iterator result per step.
        for (let i = 0; i < node.leaves.length; i++) {
          const leaf = node.leaves[i]!
          const at = this.find(leaf, doc)
          if (at === -1) continue
          const boost = this.documentBoost(doc, leaf.derivedTerm)
          if (!boost) continue
          const score = this.leafScore(leaf, at, doc, boost)
          if (!found) {
            found = { score, terms: [node.term], match: { [leaf.derivedTerm]: [leaf.field] } }
            continue
          }
          found.score += score
          const fields = Object.hasOwn(found.match, leaf.derivedTerm) ? found.match[leaf.derivedTerm] : undefined
          if (fields) fields.push(leaf.field)
          else found.match[leaf.derivedTerm] = [leaf.field]
        }
        return found
      }
      case 'combine': {
        if (node.operator === 'and_not') return this.raw(node.children[0]!, doc)
        let found: RawResult | undefined
        for (let c = 0; c < node.children.length; c++) {
          const child = node.children[c]!
          if (!this.sets.get(child)!.has(doc)) continue
          const next = this.raw(child, doc)!
          if (!found) {
            found = next
            continue
          }
          found.score = found.score + next.score
          found.match = Object.assign(found.match, next.match)
          for (let t = 0; t < next.terms.length; t++) if (!found.terms.includes(next.terms[t]!)) found.terms.push(next.terms[t]!)
        }
        return found
      }
    }
  }

  /** Registers nodes, leaves and query terms. */
  private collect(node: PlanNode): void {
    if (node.kind === 'spec') {
      if (!this.termIds.has(node.term)) this.termIds.set(node.term, this.termIds.size)
      this.leaves.push(...node.leaves)
    } else if (node.kind === 'combine') node.children.forEach((child) => this.collect(child))
  }

  /** The documents a node matches, as MiniSearch's combinators would keep them. */
  private matchSet(node: PlanNode): MatchSet {
    let set = this.sets.get(node)
    if (set) return set
    const size = this.index._nextId
    switch (node.kind) {
      case 'wildcard':
        set = MatchSet.all(size)
        this.owned.push(set)
        break
      case 'spec': {
        // A term's set depends on its leaves alone (but for a document boost, which may drop documents): the request's
        // other evaluations of the same term reuse it.
        const memo = this.plan.boostDocument ? undefined : this.index._memo
        set = memo?.matchSet(node)
        if (set) break
        set = MatchSet.pooled(size)
        for (let l = 0; l < node.leaves.length; l++) {
          const leaf = node.leaves[l]!
          ENGINE_TOTALS.matchPostings += leaf.docs.length
          if (!this.plan.boostDocument) {
            set.addAll(leaf.docs)
            continue
          }
          for (let i = 0; i < leaf.docs.length; i++) if (this.documentBoost(leaf.docs[i]!, leaf.derivedTerm)) set.add(leaf.docs[i]!)
        }
        if (memo) memo.keep(node, set)
        else this.owned.push(set)
        break
      }
      case 'combine': {
        const children = node.children.map((child) => this.matchSet(child))
        set = children.length === 0 ? MatchSet.pooled(size) : children[0]!.pooledCopy()
        for (const child of children.slice(1)) {
          if (node.operator === 'or') set.unite(child)
          else if (node.operator === 'and') set.intersect(child)
          else set.subtract(child)
        }
        this.owned.push(set)
        break
      }
    }
    this.sets.set(node, set)
    return set
  }

  /** Per window of documents, an upper bound of the node's score there (0: nothing there). */
  private windowBounds(node: PlanNode, windowCount: number, depth: number): Float64Array {
    const bounds = boundLevel(depth, windowCount)
    switch (node.kind) {
      case 'wildcard':
        bounds.fill(1, 0, windowCount)
        return bounds
      case 'spec':
        bounds.fill(0, 0, windowCount)
        this.addSpecBounds(node.leaves, bounds)
        return bounds
      case 'combine': {
        bounds.fill(0, 0, windowCount)
        if (node.children.length === 0) return bounds
        if (node.operator === 'and_not') return this.windowBounds(node.children[0]!, windowCount, depth)
        const and = node.operator === 'and'
        for (let c = 0; c < node.children.length; c++) {
          const child = this.windowBounds(node.children[c]!, windowCount, depth + 1)
          for (let w = 0; w < windowCount; w++) {
            // An AND is nothing where one of its children is nothing (bounds are never negative: a 0 sum is all 0).
            if (c === 0) bounds[w] = child[w]!
            else if (and && (bounds[w] === 0 || child[w] === 0)) bounds[w] = 0
            else bounds[w]! += child[w]!
          }
        }
        return bounds
      }
    }
  }

  /**
   * `windowBounds` of an OR node, its children's bounds kept per child (in
   * `childBoundLevels`, for `docBound`); the same sums in the same order.
   */
  private orBounds(node: CombineNode, windowCount: number): Float64Array {
    const bounds = boundLevel(0, windowCount)
    for (let c = 0; c < node.children.length; c++) {
      const child = this.windowBounds(node.children[c]!, windowCount, 1)
      const kept = childBoundLevel(c, windowCount)
      for (let w = 0; w < windowCount; w++) {
        kept[w] = child[w]!
        if (c === 0) bounds[w] = child[w]!
        else bounds[w]! += child[w]!
      }
    }
    return bounds
  }

  /**
   * The leaves a document's score can come from (every leaf but those under the
   * excluded side of an AND_NOT), each with its term's and its word's bit, when
   * there are few enough for `leafDocBound` (at most `MAX_LEAF_BOUNDS`, and
   * terms and words fit a bit mask); otherwise undefined.
   */
  private leafScopes(): LeafScopes | undefined {
    if (this.leafScope !== undefined) return this.leafScope || undefined
    const leaves: Leaf[] = []
    const sets: MatchSet[] = []
    const terms: number[] = []
    const runs: number[] = []
    const scoring = (node: PlanNode): boolean => {
      if (node.kind === 'wildcard') return false
      if (node.kind === 'spec') {
        for (let at = 0; at < node.leaves.length; at = termRunEnd(node.leaves, at)) runs.push(leaves.length + at, leaves.length + termRunEnd(node.leaves, at))
        for (const leaf of node.leaves) {
          leaves.push(leaf)
          sets.push(this.sets.get(node)!)
          terms.push(this.termIds.get(node.term)!)
        }
        return leaves.length <= MAX_LEAF_BOUNDS
      }
      const scored = node.operator === 'and_not' ? node.children.slice(0, 1) : node.children
      return scored.every(scoring)
    }
    if (!scoring(this.plan.root) || leaves.length === 0 || this.termIds.size > 31 || (this.words?.count ?? 0) > 31) {
      this.leafScope = false
      return undefined
    }
    const termBits = Int32Array.from(terms, (id) => 1 << id)
    const wordBits = Int32Array.from(terms, (id) => (this.wordOfTerm[id]! === -1 ? 0 : 1 << this.wordOfTerm[id]!))
    return (this.leafScope = { leaves, sets, termBits, wordBits, runs: Int32Array.from(runs) })
  }

  private leafScope: LeafScopes | false | undefined

  /**
   * Per window, the sum of every scoring leaf's bound there (each leaf's kept
   * in `leafBoundLevels` for `leafDocBound`): at least `windowBounds`, which
   * also knows that an AND scores nothing where one side is missing.
   */
  private leafBounds({ leaves, runs }: LeafScopes, windowCount: number): Float64Array {
    const bounds = boundLevel(0, windowCount)
    bounds.fill(0, 0, windowCount)
    for (let i = 0; i < leaves.length; i++) {
      const kept = leafBoundLevel(i, windowCount)
      kept.fill(0, 0, windowCount)
      this.addLeafBounds(leaves[i]!, kept)
    }
    const { k, b, d } = this.bm25
    for (let r = 0; r < runs.length; r += 2) {
      const from = runs[r]!
      const to = runs[r + 1]!
      const stored = leaves[from]!.termWindows
      const scale = stored && termWindowScale(stored, leaves, from, to, k, b, d)
      if (scale === undefined) {
        for (let i = from; i < to; i++) for (let w = 0; w < windowCount; w++) bounds[w]! += leafBoundLevels[i]![w]!
        continue
      }
      // Only the windows the term is in: in the others its leaves' block bounds are left over from a block's span.
      const { windows, levels } = stored!
      for (let j = 0; j < windows.length; j++) {
        const w = windows[j]!
        let sum = 0
        for (let i = from; i < to; i++) sum += leafBoundLevels[i]![w]!
        bounds[w]! += Math.min(sum, levels[j]! * scale)
      }
    }
    return bounds
  }

  /**
   * Adds, to each window, the most a spec node's leaves can score there: per term, its leaves' block bounds summed
   * (`addLeafBounds`), capped by the term's stored window bound where the index has one that holds for the query.
   */
  private addSpecBounds(leaves: readonly Leaf[], bounds: Float64Array): void {
    const { k, b, d } = this.bm25
    for (let from = 0; from < leaves.length;) {
      const to = termRunEnd(leaves, from)
      const stored = leaves[from]!.termWindows
      const scale = stored && termWindowScale(stored, leaves, from, to, k, b, d)
      if (scale === undefined) {
        for (let i = from; i < to; i++) this.addLeafBounds(leaves[i]!, bounds)
        from = to
        continue
      }
      const { windows, levels } = stored!
      const sums = termSums.take(bounds.length)
      for (let i = from; i < to; i++) this.addLeafBounds(leaves[i]!, sums)
      for (let j = 0; j < windows.length; j++) bounds[windows[j]!]! += Math.min(sums[windows[j]!]!, levels[j]! * scale)
      // The leaves' block bounds lie between the term's first and last windows: the scratch is all 0 again.
      sums.fill(0, windows[0]!, windows[windows.length - 1]! + 1)
      from = to
    }
  }

  /**
   * Into `docBoundOut`, an upper bound of a document's ranking score (before
   * `factor`) in window `w`: the window bounds of the leaves (term × field) it
   * is in, times the coordination factor of as many terms (MiniSearch's) or
   * words as those leaves stand for; when that is not below `docBoundLimit` (the k-th
   * score over the most `factor` and rounding can add), the same with each
   * leaf's own score instead of its window bound (MaxScore's exact partial
   * scores, summed in another order than `score`'s, hence `BOUND_SLACK`), from
   * the postings already found. A block bound pairs the block's largest
   * frequency with its shortest field, so most of a common word's title matches
   * that pass the first test fail the second, unscored. A leaf whose term's
   * match set lacks the document is passed over with a bit test, not looked
   * up: most of a word's leaves are close spellings, which most documents lack.
   */
  private leafDocBound({ leaves, sets, termBits, wordBits }: LeafScopes, w: number, doc: number): void {
    const found = leafPostings
    let sum = 0
    let terms = 0
    let words = 0
    for (let i = 0; i < leaves.length; i++) {
      found[i] = -1
      if (!sets[i]!.has(doc)) continue
      ENGINE_TOTALS.leafLookups++
      const at = this.find(leaves[i]!, doc)
      if (at === -1) continue
      found[i] = at
      sum += leafBoundLevels[i]![w]!
      terms |= termBits[i]!
      words |= wordBits[i]!
    }
    const coordination = this.coordination ? Math.max(1, bitCount(terms)) : this.wordFactors[Math.min(bitCount(words), this.wordFactors.length - 1)]!
    if (sum * coordination < this.docBoundLimit[0]!) {
      this.docBoundOut[0] = sum * coordination
      return
    }
    // leafScore, inlined: a double returned from a call is a heap number, and this runs for most visited documents.
    sum = 0
    const { k, b, d } = this.bm25
    const fieldLengths = this.index._fieldLength.get(doc)!
    for (let i = 0; i < leaves.length; i++) {
      const at = found[i]!
      if (at === -1) continue
      const leaf = leaves[i]!
      const termFreq = leaf.freqs[at]!
      const rawScore = leaf.idf * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLengths[leaf.fieldId]!) / leaf.averageLength)))
      sum += leaf.weight * rawScore
    }
    this.docBoundOut[0] = sum * coordination
  }

  /**
   * Into `docBoundOut`, an upper bound of a document's ranking score (before
   * `factor`) in window `w`, under an OR root: the bounds of the children that match it, times the
   * coordination factor of as many words (or, with MiniSearch's coordination,
   * terms) as those children hold.
   */
  private docBound(children: RootChildren, w: number, doc: number): void {
    let sum = 0
    let held = 0
    for (let c = 0; c < children.sets.length; c++) {
      if (!children.sets[c]!.has(doc)) continue
      sum += childBoundLevels[c]![w]!
      held += children.held[c]!
    }
    // A wildcard child holds no term but still scores (MiniSearch then multiplies by 1, not 0).
    this.docBoundOut[0] = this.coordination
      ? sum * Math.max(1, Math.min(held, this.termIds.size))
      : sum * this.wordFactors[Math.min(held, this.wordFactors.length - 1)]!
  }

  /**
   * Into `docBoundOut`, for a document `docBound` did not rule out: the same
   * bound with the children's own scores (as `score` sums them) in place of
   * their window bounds, taken one child at a time in order and stopping as
   * soon as the children scored so far plus the others' window bounds fall
   * below `docBoundLimit` (MaxScore's exact partial scores): a document with
   * one rare word's window bound rarely needs its other words looked up.
   */
  private childDocBound(children: RootChildren, w: number, doc: number): void {
    const root = this.plan.root as CombineNode
    const sums = this.sums
    let held = 0
    for (let c = 0; c < children.sets.length; c++) if (children.sets[c]!.has(doc)) held += children.held[c]!
    const coordination = this.coordination ? Math.max(1, Math.min(held, this.termIds.size)) : this.wordFactors[Math.min(held, this.wordFactors.length - 1)]!
    const limit = this.docBoundLimit[0]!
    let exact = 0
    for (let c = 0; c < children.sets.length; c++) {
      if (!children.sets[c]!.has(doc)) continue
      this.score(root.children[c]!, doc, 1)
      exact += sums[1]!
      let rest = 0
      for (let o = c + 1; o < children.sets.length; o++) if (children.sets[o]!.has(doc)) rest += childBoundLevels[o]![w]!
      if ((exact + rest) * coordination < limit) break
    }
    // Stopped early, the children scored so far are below the limit too: the document is passed over all the same.
    this.docBoundOut[0] = exact * coordination
  }

  /** The root's children's match sets, and per child how many words (or, with MiniSearch's coordination, terms) its terms stand for. */
  private rootChildren(): RootChildren {
    if (this.children) return this.children
    const root = this.plan.root as CombineNode
    const held = new Int32Array(root.children.length)
    root.children.forEach((child, c) => {
      const terms = new Set<string>()
      collectTerms(child, terms)
      const words = new Set<number>()
      for (const term of terms) words.add(this.wordOfTerm[this.termIds.get(term)!]!)
      words.delete(-1)
      held[c] = this.coordination ? terms.size : words.size
    })
    return (this.children = { sets: root.children.map((child) => this.sets.get(child)!), held })
  }

  /**
   * Adds, to each window a leaf has postings in, the most its postings there can score. A score block whose postings
   * lie within a few windows (a common term's) gives its bound to each window it spans, read once, rather than posting
   * by posting; the few of those windows it has no posting in get a bound they do not need, which costs pruning
   * nothing measurable (a block of 64 postings in at most `DENSE_BLOCK_WINDOWS` windows leaves few empty). A sparser
   * block's postings are read one by one.
   */
  private addLeafBounds(leaf: Leaf, bounds: Float64Array): void {
    const { k, b, d } = this.bm25
    const { docs, bounds: blocks } = leaf
    let window = -1
    let highest = 0
    // In a wide tree, a short list's stored part bounds it as one block's would: a prefix's thousands of short leaves
    // are not scored posting by posting. A smaller tree's few short leaves (a word's rare forms) are, for their exact
    // best per window: bounded by one part over every window they span, a one-word search visited 44% of its windows
    // rather than 28% (the differential test's 3,000 documents).
    const listPart =
      !blocks && leaf.listPart && this.leaves.length > WIDE_TREE_LEAVES ? listPartBound(leaf.listPart, k, b, leaf.averageLength, leaf.fieldId) : undefined
    if (!blocks && listPart === undefined) {
      ENGINE_TOTALS.boundPostings += docs.length
      for (let i = 0; i < docs.length; i++) {
        const bound = this.leafScore(leaf, i, docs[i]!, 1)
        const w = docs[i]! >>> WINDOW_SHIFT
        if (w !== window) {
          if (window !== -1) bounds[window]! += highest
          window = w
          highest = 0
        }
        if (bound > highest) highest = bound
      }
      if (window !== -1) bounds[window]! += highest
      return
    }
    ENGINE_TOTALS.boundBlocks += Math.ceil(docs.length / SCORE_BLOCK)
    for (let start = 0, block = 0; start < docs.length; start += SCORE_BLOCK, block++) {
      const end = Math.min(start + SCORE_BLOCK, docs.length)
      const bound = leaf.weight * leaf.idf * (d + (blocks ? blockPartBound(blocks, block, k, b, leaf.averageLength, leaf.fieldId) : listPart!))
      const firstWindow = docs[start]! >>> WINDOW_SHIFT
      const lastWindow = docs[end - 1]! >>> WINDOW_SHIFT
      const dense = lastWindow - firstWindow < DENSE_BLOCK_WINDOWS
      ENGINE_TOTALS.boundPostings += dense ? 2 : end - start
      // Windows ascend within a block and from one block to the next: a window two blocks share is flushed once.
      for (let at = dense ? firstWindow : start; dense ? at <= lastWindow : at < end; at++) {
        const w = dense ? at : docs[at]! >>> WINDOW_SHIFT
        if (w !== window) {
          if (window !== -1) bounds[window]! += highest
          window = w
          highest = 0
        }
        if (bound > highest) highest = bound
      }
    }
    if (window !== -1) bounds[window]! += highest
  }

  /** Points every leaf's cursor at its first posting at or after `doc`. */
  private resetCursors(doc: number): void {
    for (let i = 0; i < this.leaves.length; i++) this.leaves[i]!.cursor = lowerBound(this.leaves[i]!.docs, doc)
  }

  /** The posting of `doc` in a leaf, or -1; cursors move forward as documents ascend. */
  private find(leaf: Leaf, doc: number): number {
    const { docs } = leaf
    let at = leaf.cursor
    if (at > 0 && docs[at - 1]! >= doc) at = 0
    let steps = 0
    while (at < docs.length && docs[at]! < doc && steps++ < 4) at++
    if (at < docs.length && docs[at]! < doc) at = lowerBound(docs, doc, at)
    leaf.cursor = at
    return at < docs.length && docs[at] === doc ? at : -1
  }
}

/**
 * Scratch shared by every search of the isolate, since the bounds and the
 * window order are worked out and used within one synchronous call
 * (`collectBest`): per tree level an array of window bounds, and the windows in
 * visiting order. Grown to the largest index searched.
 */
const boundLevels: Float64Array[] = []
const windowScratch = new Scratch((length) => new Uint32Array(length))
/** The ranked list's documents and scores (`collectBest`). */
const bestDocsScratch = new Scratch((length) => new Int32Array(length))
const bestFinalsScratch = new Scratch((length) => new Float64Array(length))

/** Whether the entry (`final`, `doc`) ranks before (`otherFinal`, `otherDoc`): `compare`'s order, on numbers held in typed arrays. */
function ranksBefore(final: number, doc: number, otherFinal: number, otherDoc: number): boolean {
  return final > otherFinal || (final === otherFinal && doc < otherDoc)
}

/** `docBounds`' per-document sums and the terms or words each document's leaves stand for; grown like `boundLevels`. */
const docSums = new Scratch((length) => new Float64Array(length))
const docCover = new Scratch((length) => new Int32Array(length))
const maximaScratch = new Scratch((length) => new Float64Array(length))

/** Per window, the largest per-document bound of `within`'s documents there (0: none of them there); at most `cap`'s. */
function windowMaxima(within: MatchSet, docBounds: Float64Array, windowCount: number, cap: Float64Array | undefined): Float64Array {
  const bounds = maximaScratch.take(windowCount)
  bounds.fill(0, 0, windowCount)
  const words = within.words
  for (let j = 0; j < words.length; j++) {
    let word = words[j]!
    const w = Math.floor(j / WINDOW_WORDS)
    while (word !== 0) {
      const lowest = word & -word
      const bound = docBounds[(j << 5) + 31 - Math.clz32(lowest)]!
      word ^= lowest
      if (bound > bounds[w]!) bounds[w] = bound
    }
  }
  if (cap) for (let w = 0; w < windowCount; w++) if (cap[w]! < bounds[w]!) bounds[w] = cap[w]!
  return bounds
}

function boundLevel(depth: number, windowCount: number): Float64Array {
  let level = boundLevels[depth]
  if (!level || level.length < windowCount) boundLevels[depth] = level = new Float64Array(windowCount)
  return level
}

function windowOrder(windowCount: number): Uint32Array {
  return windowScratch.take(windowCount)
}

/** Whether window `a` is visited before `b`: a higher bound, then the lower window. */
function before(a: number, b: number, bounds: Float64Array): boolean {
  return bounds[a]! > bounds[b]! || (bounds[a] === bounds[b] && a < b)
}

/** Moves `order[at]` down the heap of `order[0, size)` (best first by `before`) to its place. */
function siftDown(order: Uint32Array, at: number, size: number, bounds: Float64Array): void {
  const moving = order[at]!
  for (;;) {
    let child = 2 * at + 1
    if (child >= size) break
    if (child + 1 < size && before(order[child + 1]!, order[child]!, bounds)) child++
    if (!before(order[child]!, moving, bounds)) break
    order[at] = order[child]!
    at = child
  }
  order[at] = moving
}

/** `order` as a heap of windows, best bound first (`before`). */
function heapify(order: Uint32Array, bounds: Float64Array): void {
  for (let at = (order.length >>> 1) - 1; at >= 0; at--) siftDown(order, at, order.length, bounds)
}

/** Takes the best window off the heap of `order[0, size)`, which keeps `size - 1`. */
function popBest(order: Uint32Array, size: number, bounds: Float64Array): number {
  const best = order[0]!
  order[0] = order[size - 1]!
  siftDown(order, 0, size - 1, bounds)
  return best
}

/** The window's documents `essentialLeaves` or `essentialChildren` leaves to visit, and the leaves in the order `essentialLeaves` tries them. */
const windowMask = new Uint32Array(WINDOW_WORDS)
const leafOrder = new Int32Array(MAX_LEAF_BOUNDS)
/** Whether `essentialLeaves` tries leaf `a` for passing over before leaf `b`: more postings, then a lower bound in window `w`. */
function passedOverFirst(leaves: LeafScopes['leaves'], w: number, a: number, b: number): boolean {
  const postingsA = leaves[a]!.docs.length
  const postingsB = leaves[b]!.docs.length
  return postingsA > postingsB || (postingsA === postingsB && leafBoundLevels[a]![w]! < leafBoundLevels[b]![w]!)
}
/** `leafDocBound`'s scratch: per scoring leaf, the document's posting there (-1: none). */
const leafPostings = new Int32Array(MAX_LEAF_BOUNDS)

/**
 * `essentialLeaves` for an OR root's children (see `docBound`): into `mask`,
 * the window's documents in some child not among those whose bounds, lowest
 * first, add up to less than `limit`; false when every child is essential.
 */
function essentialChildren(children: RootChildren, w: number, from: number, to: number, limit: number, mask: Uint32Array): boolean {
  const { sets } = children
  if (sets.length > 31) return false
  let sum = 0
  let skipped = 0
  // Few children (one per query word): the lowest bound left, each time.
  let taken = 0
  for (;;) {
    let lowest = -1
    for (let c = 0; c < sets.length; c++) {
      if ((taken & (1 << c)) === 0 && (lowest === -1 || childBoundLevels[c]![w]! < childBoundLevels[lowest]![w]!)) lowest = c
    }
    if (lowest === -1 || sum + childBoundLevels[lowest]![w]! >= limit) break
    sum += childBoundLevels[lowest]![w]!
    taken |= 1 << lowest
    skipped++
  }
  if (skipped === 0) return false
  mask.fill(0)
  for (let c = 0; c < sets.length; c++) {
    if ((taken & (1 << c)) !== 0) continue
    const words = sets[c]!.words
    for (let j = 0; j < to - from; j++) mask[j]! |= words[from + j]!
  }
  return true
}

/** Per child of the root, its window bounds (see `orBounds`); grown like `boundLevels`. */
const childBoundLevels: Float64Array[] = []

function childBoundLevel(child: number, windowCount: number): Float64Array {
  let level = childBoundLevels[child]
  if (!level || level.length < windowCount) childBoundLevels[child] = level = new Float64Array(windowCount)
  return level
}

type RootChildren = { sets: MatchSet[]; held: Int32Array }

/** A many-leaf term's scores over one window (`scoreWindow`): per document of the window its sum, and whether any leaf has it. */
type WindowScores = { window: number; sums: Float64Array; matched: Uint32Array }

/** See `leafScopes`. */
type LeafScopes = {
  leaves: Leaf[]
  sets: MatchSet[]
  termBits: Int32Array
  wordBits: Int32Array
  /** The leaves by term (`termRunEnd`), as pairs of from and to: a term's stored window bounds cap its leaves' sum. */
  runs: Int32Array
}

/** Per scoring leaf, its window bounds (see `leafBounds`); grown like `boundLevels`. */
const leafBoundLevels: Float64Array[] = []

function leafBoundLevel(leaf: number, windowCount: number): Float64Array {
  let level = leafBoundLevels[leaf]
  if (!level || level.length < windowCount) leafBoundLevels[leaf] = level = new Float64Array(windowCount)
  return level
}

/**
 * Where the leaves of `leaves[from]`'s term end: a spec node's leaves of one index term (one per field) are
 * consecutive and share its stored window bounds; a leaf without them is a run of its own.
 */
function termRunEnd(leaves: readonly Leaf[], from: number): number {
  const stored = leaves[from]!.termWindows
  let to = from + 1
  while (stored && to < leaves.length && leaves[to]!.termWindows === stored) to++
  return to
}

/** `addSpecBounds`'s per-term sums, all 0 between uses; grown like `boundLevels`. */
const termSums = new Scratch((length) => new Float64Array(length))

function collectTerms(node: PlanNode, into: Set<string>): void {
  if (node.kind === 'spec') into.add(node.term)
  else if (node.kind === 'combine') for (const child of node.children) collectTerms(child, into)
}

type RawResult = { score: number; terms: string[]; match: Record<string, string[]> }

function lowerBound(docs: ArrayLike<number>, doc: number, from = 0): number {
  let low = from
  let high = docs.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (docs[middle]! < doc) low = middle + 1
    else high = middle
  }
  return low
}
