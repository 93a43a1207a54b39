import type { StoredArticle } from '../article'
import type { ArticleInput } from '../corpus/article'

/**
 * An article back in the corpus format the build reads (docs/api.md): its
 * input fields, without the analysis, and without a title the analysis made
 * up. `npm run corpus:pull` writes this; a rebuild reads it and analyses it
 * to the same article.
 */
export function corpusForm(article: StoredArticle): ArticleInput {
  return {
    id: article.id,
    ...(article.titleGenerated ? {} : { title: article.title }),
    ...(article.date !== undefined ? { date: article.date } : {}),
    ...(article.url !== undefined ? { url: article.url } : {}),
    ...(article.source !== undefined ? { source: article.source } : {}),
    ...(article.license !== undefined ? { license: article.license } : {}),
    ...(article.tags !== undefined ? { tags: article.tags } : {}),
    text: article.text,
  }
}

/**
 * SHA-256 (hex) of an article's corpus form: the same for a live article and
 * the bundle's article made from the file `corpus:pull` wrote for it, so a
 * deploy that holds it lets the live segment drop it.
 */
export async function contentHash(article: StoredArticle): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(corpusForm(article)))
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
