import { analyzeArticle } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import { serializeBundle } from '../../src/bundle/format'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import { buildIndex } from '../../src/search/search'
import { analyzeInput } from '../lib/corpus'
import { timeEach, type Figure } from '../lib/stats'

export type Extraction = { perArticle: Figure; buildSeconds: number; articlesPerSecond: number; indexOnlySeconds: number }

/** `analyzeArticle` per article (Node), and the build pipeline end to end: analysis, index, compact serialisation. */
export function extraction(articles: readonly StoredArticle[], rounds: number): Extraction {
  const perArticle = timeEach(articles, rounds, (article) => analyzeArticle(analyzeInput(article)))
  const start = performance.now()
  const analysed = articles.map((article) => ({ ...article, ...analyzeArticle(analyzeInput(article)) }))
  const indexStart = performance.now()
  const index = serializeCompactIndex(buildIndex(analysed))
  serializeBundle({ version: 'bench', builtAt: '', index: index.header }, analysed)
  const end = performance.now()
  return {
    perArticle,
    buildSeconds: (end - start) / 1000,
    articlesPerSecond: articles.length / ((end - start) / 1000),
    indexOnlySeconds: (end - indexStart) / 1000,
  }
}
