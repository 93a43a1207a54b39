import { analyzeArticle, type Analysis } from './analysis/analyze'
import type { ArticleInput } from './corpus/article'

/**
 * One article as the Worker serves it: the input fields plus everything derived from its text at build time.
 * It lives above both the bundle and the search engine, which both hold articles, so neither has to import the other for it.
 */
export type StoredArticle = Omit<ArticleInput, 'title'> & Analysis

/** An article found related to another (see search/related.ts): what a link to it shows, its score, and the entities both name. */
export type RelatedArticle = { id: string; title: string; date?: string; url?: string; score: number; sharedEntities: string[] }

/** A corpus article as the Worker serves it: its fields and their analysis. The write API makes them here, as the build does. */
export function storedArticle(input: ArticleInput): StoredArticle {
  const { title, ...rest } = input
  return { ...rest, ...analyzeArticle({ text: input.text, ...(title ? { title } : {}), ...(input.date ? { date: input.date } : {}) }) }
}
