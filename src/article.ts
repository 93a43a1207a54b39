import * as v from 'valibot'
import { analyzeArticle, type Analysis } from './analysis/analyze'
import type { ArticleInput } from './corpus/article'
import { IsoDateString } from './text/calendar'

/**
 * One article as the Worker serves it: the input fields plus everything derived from its text at build time.
 * It lives above both the bundle and the search engine, which both hold articles, so neither has to import the other for it.
 */
export type StoredArticle = Omit<ArticleInput, 'title'> & Analysis

/**
 * An article found related to another (see search/related.ts): what a link to it shows, its score, and the entities
 * both name. The schema documents it in `/openapi.json` (an article's `related`, `GET /api/articles/{id}/related`);
 * a plain object, as the facts' are (analysis/facts/types.ts): shards send these over RPC.
 */
export const RelatedArticleSchema = v.object({
  id: v.string(),
  title: v.string(),
  date: v.optional(IsoDateString),
  url: v.optional(v.string()),
  score: v.number(),
  sharedEntities: v.pipe(v.array(v.string()), v.description('People, organizations and places both articles name.')),
})
export type RelatedArticle = v.InferOutput<typeof RelatedArticleSchema>

/** A corpus article as the Worker serves it: its fields and their analysis. The write API makes them here, as the build does. */
export function storedArticle(input: ArticleInput): StoredArticle {
  const { title, ...rest } = input
  return { ...rest, ...analyzeArticle({ text: input.text, ...(title ? { title } : {}), ...(input.date ? { date: input.date } : {}) }) }
}
