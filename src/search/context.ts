import type MiniSearch from 'minisearch'
import type SearchableMap from 'minisearch/SearchableMap'
import type { StoredArticle } from '../bundle/types'
import { tablesOf, type CorpusTables } from './corpus-tables'
import type { ArticleFacets } from './facets'
import { buildLexicon, type LexiconEntry } from './lexicon'
import type { SearchDocument } from './options'
import type { RelatedArticle } from './related'
import { buildSuggestIndex, type SuggestIndex } from './suggest'

/** What searching derives from the corpus beyond the index: computed once per isolate, each part on first use. */
export type SearchContext = {
  index: MiniSearch<SearchDocument>
  articles: ReadonlyMap<string, StoredArticle>
  readonly facets: ReadonlyMap<string, ArticleFacets>
  readonly lexicon: SearchableMap<LexiconEntry>
  readonly suggestIndex: SuggestIndex
  /** The newest publication date in the corpus: the reference point of the recency decay. */
  readonly newestDate: string | undefined
  /** Every article's date by id, without parsing the article. */
  readonly dates: ReadonlyMap<string, string | undefined>
  /** Related articles by id, filled as they are asked for. */
  related: Map<string, RelatedArticle[]>
}

const contexts = new WeakMap<ReadonlyMap<string, StoredArticle>, SearchContext>()

export function getSearchContext(index: MiniSearch<SearchDocument>, articles: ReadonlyMap<string, StoredArticle>): SearchContext {
  const existing = contexts.get(articles)
  if (existing && existing.index === index) return existing
  const context = createContext(index, articles)
  contexts.set(articles, context)
  return context
}

function createContext(index: MiniSearch<SearchDocument>, articles: ReadonlyMap<string, StoredArticle>): SearchContext {
  const cache: {
    tables?: CorpusTables
    lexicon?: SearchableMap<LexiconEntry>
    suggestIndex?: SuggestIndex
  } = {}
  const tables = () => (cache.tables ??= tablesOf(articles))
  return {
    index,
    articles,
    related: new Map(),
    get facets() {
      return tables().facets
    },
    get lexicon() {
      return (cache.lexicon ??= buildLexicon(articles.values()))
    },
    get suggestIndex() {
      return (cache.suggestIndex ??= buildSuggestIndex(articles.values(), this.facets, this.lexicon, index))
    },
    get newestDate() {
      return tables().newestDate
    },
    get dates() {
      return tables().dates
    },
  }
}
