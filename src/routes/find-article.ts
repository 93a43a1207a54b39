import type { Context } from 'hono'
import type { StoredArticle } from '../article'
import type { AppEnv } from '../http/app-env'
import { ProblemError } from '../http/problem'

/** The article the path's `:id` names, read through the request's reader, or a 404 problem. */
export async function findArticle(c: Context<AppEnv>): Promise<StoredArticle> {
  const id = c.req.param('id')!
  const article = (await c.var.reader.articles([id])).get(id)
  if (!article) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return article
}
