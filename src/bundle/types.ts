import type { ArticleInput } from '../corpus/article'
import type { Analysis } from '../analyze'

/** One article as the Worker serves it: the input fields plus everything derived from its text at build time. */
export type StoredArticle = Omit<ArticleInput, 'title'> & Analysis

/** What `npm run build` writes and the Worker loads. */
export type Bundle = {
  /** Changes whenever the bundle's content changes: used in ETags and health. */
  version: string
  builtAt: string
  articles: StoredArticle[]
  /** `MiniSearch#toJSON()` of the index built with `SEARCH_OPTIONS`. */
  index: unknown
}
