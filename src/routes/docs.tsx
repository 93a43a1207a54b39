import { Hono, type Env, type Schema } from 'hono'
import { generateSpecs } from 'hono-openapi'
import { PROBLEMS } from '../http/problem'
import { OPENAPI_OPTIONS } from '../openapi/document'
import { completeDocument } from '../openapi/complete'
import { DocsPage } from '../pages/docs'
import { NotFoundPage } from '../pages/not-found'

type OpenApiDocument = Awaited<ReturnType<typeof generateSpecs>>

/**
 * `/openapi.json` (generated once per isolate from the routes of `app`: their
 * validators and `describeRoute` descriptions), `/docs` rendered from it, and
 * `/problems/<kind>`, the problem type URIs, which lead to their explanation.
 */
export function docsRoutes<E extends Env, S extends Schema, P extends string>(app: Hono<E, S, P>) {
  let document: Promise<OpenApiDocument> | undefined
  const openApiDocument = () => {
    document ??= generateSpecs(app, OPENAPI_OPTIONS).then(
      (generated) => {
        completeDocument(generated)
        return generated
      },
      (error: unknown) => {
        document = undefined
        throw error
      },
    )
    return document
  }
  return new Hono()
    .get('/openapi.json', async (c) => c.json(await openApiDocument()))
    .get('/docs', async (c) => c.html(<DocsPage document={await openApiDocument()} />))
    .get('/problems/:kind', (c) => {
      const kind = c.req.param('kind')
      if (!(kind in PROBLEMS)) return c.html(<NotFoundPage what={`the problem type "${kind}"`} />, 404)
      return c.redirect(`/docs#problem-${kind}`, 302)
    })
}

export type { OpenApiDocument }
