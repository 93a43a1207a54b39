import type { StoredArticle } from '../article'
import type { SearchCorpus } from './context'
import { reviveTables, storeTables } from './tables/corpus-tables'
import { buildIndex } from './search'

/** A searchable corpus from articles in memory (evaluation, tests, the bench): the index and tables the build would write. */
export function corpusOfArticles(articles: readonly StoredArticle[]): SearchCorpus {
  const byId = new Map(articles.map((article) => [article.id, article]))
  return {
    index: buildIndex(articles),
    tables: reviveTables(
      storeTables(articles),
      articles.map((article) => article.id),
    ),
    articlesById: async (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
  }
}
