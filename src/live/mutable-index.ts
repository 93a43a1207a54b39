import MiniSearch from 'minisearch'
import type { StoredArticle } from '../article'
import type { SearchCorpus } from '../search/context'
import { indexStatistics, termFrequencies, type IndexStatistics, type StatisticsData } from '../search/corpus-statistics'
import { reviveTables } from '../search/tables/corpus-tables'
import type { StoredFacetTable } from '../search/tables/facet-table'
import type { StoredLexicon } from '../search/tables/lexicon'
import { INDEX_OPTIONS, type SearchDocument } from '../search/options'
import { toSearchDocument } from '../search/search'
import { storeSuggestions } from '../search/suggest'

/**
 * Articles in a MiniSearch index that takes additions and removals in place
 * (the bundle's compact index is read-only): the live segment's articles, and
 * apart from them the base articles the segment hides, whose terms are
 * subtracted from the corpus statistics. A removal is MiniSearch's `remove`
 * of the indexed document, which takes it out of every posting list at once
 * (not `discard`, which leaves it in them until a vacuum: the document
 * frequencies BM25 reads would count it meanwhile).
 */
export class MutableIndex {
  readonly index = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
  private readonly articles = new Map<string, StoredArticle>()
  /** Per field, the sum of the documents' lengths: integers, exact however many changes (MiniSearch keeps a running average). */
  private readonly lengthSums: number[] = INDEX_OPTIONS.fields.map(() => 0)

  get size(): number {
    return this.articles.size
  }

  get(id: string): StoredArticle | undefined {
    return this.articles.get(id)
  }

  put(article: StoredArticle): void {
    this.remove(article.id)
    this.index.add(toSearchDocument(article))
    this.articles.set(article.id, article)
    this.count(article.id, 1)
  }

  remove(id: string): void {
    const article = this.articles.get(id)
    if (!article) return
    this.count(id, -1)
    this.index.remove(toSearchDocument(article))
    this.articles.delete(id)
  }

  /** The index's own statistics, with the field lengths summed exactly. */
  statistics(): IndexStatistics {
    return { ...indexStatistics(this.index), documentCount: this.articles.size, fieldLengthSums: [...this.lengthSums] }
  }

  /** The same statistics as data, every term's frequencies with them (for the shards of a sharded build). */
  statisticsData(): StatisticsData {
    return { documentCount: this.articles.size, fieldLengthSums: [...this.lengthSums], frequencies: termFrequencies(this.index, INDEX_OPTIONS.fields.length) }
  }

  /** The terms the index holds. */
  terms(): string[] {
    return Array.from((this.index as unknown as { _index: Iterable<[string, unknown]> })._index, ([term]) => term)
  }

  /**
   * This version's articles in index order (ascending MiniSearch short ids,
   * which `positions` maps to 0, 1, 2, …; −1 for removed ones).
   */
  inIndexOrder(): { articles: StoredArticle[]; shortIds: number[]; positions: Int32Array } {
    const internals = this.index as unknown as { _documentIds: Map<number, string>; _nextId: number }
    const shortIds = [...internals._documentIds.keys()].sort((a, b) => a - b)
    const positions = new Int32Array(internals._nextId).fill(-1)
    shortIds.forEach((shortId, position) => (positions[shortId] = position))
    return { articles: shortIds.map((shortId) => this.articles.get(internals._documentIds.get(shortId)!)!), shortIds, positions }
  }

  private count(id: string, sign: 1 | -1): void {
    const internals = this.index as unknown as { _idToShortId: Map<string, number>; _fieldLength: Map<number, number[]> }
    const lengths = internals._fieldLength.get(internals._idToShortId.get(id)!) ?? []
    lengths.forEach((length, field) => (this.lengthSums[field]! += sign * (length ?? 0)))
  }
}

/**
 * A live part's tables, made from its articles in index order: the search
 * half (dates and facet values: every search reads them; `facets` from
 * LiveFacets) at once; the lookup
 * half (titles, urls, words, suggestions) when a request first needs it, its
 * words from `lexicon` (kept up to date as articles come and go, see LiveWords)
 * rather than from reading every article again.
 */
export function liveTables(articles: readonly StoredArticle[], facets: StoredFacetTable, lexicon: () => StoredLexicon): SearchCorpus['tables'] {
  const ids = articles.map((article) => article.id)
  const search = { dates: articles.map((article) => article.date ?? null), facets }
  return reviveTables(
    {
      search,
      // Every search reads the words (what the corpus knows of the query's); the suggestion index, which takes seconds for thousands of articles, only /api/suggest.
      lookup: {
        titles: () => articles.map((article) => article.title),
        urls: () => articles.map((article) => article.url ?? null),
        lexicon,
        suggestions: () => storeSuggestions(articles),
      },
    },
    ids,
  )
}
