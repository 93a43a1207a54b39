import { RpcTarget } from 'cloudflare:workers'
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { TrieRouter } from 'hono/router/trie-router'
import { checkArticleId } from '../http/article-id'
import { apiCors } from '../http/cors'
import { securityHeaders } from '../http/headers'
import { ProblemError, problemResponse } from '../http/problem'
import { apiRateLimit } from '../http/rate-limit'
import { requestId } from '../http/request-id'
import { validate } from '../http/validate'
import { facetFilters } from '../routes/facet-params'
import { SearchQuerySchema } from '../routes/search-query'
import type { RankKey } from '../search/coordinator'
import type { FacetTallies } from '../search/facet-table'
import type { GatherApi } from '../search/gather'
import type { WordKnowledge } from '../search/typos'
import { allOrNothing, searchShards, SHARD_TIMEOUT_MS, ShardsUnavailable, type ShardApi } from './gather'
import type { ShardRpc } from './shard-worker'

/** What the build tells the front (generated/sharded/front/manifest.json). */
export type FrontManifest = { build: string; builtAt: string; documents: number; shards: { documents: number }[] }

/** The gather steps handed to a shard over RPC: an RpcTarget, so the shard calls back into this request. */
class GatherTarget extends RpcTarget {
  constructor(private readonly gather: GatherApi) {
    super()
  }
  sum(shard: number, step: string, local: number) {
    return this.gather.sum(shard, step, local)
  }
  words(shard: number, step: string, local: WordKnowledge[]) {
    return this.gather.words(shard, step, local)
  }
  page(shard: number, ranked: RankKey[]) {
    return this.gather.page(shard, ranked)
  }
  facets(shard: number, tallies: FacetTallies, limit: number) {
    return this.gather.facets(shard, tallies, limit)
  }
}

/** Shard `s` of this build through its service binding (`SHARD_s`). */
function shardsOf(c: Context, manifest: FrontManifest): ShardApi[] {
  const env = (c.env ?? {}) as Record<string, ShardRpc | undefined>
  return manifest.shards.map((_, s) => {
    const binding = env[`SHARD_${s}`]
    if (!binding) throw new ShardsUnavailable(`the service binding SHARD_${s} is missing: serve the front with its generated wrangler.jsonc`)
    return {
      search: (params, index, gather) => binding.search(manifest.build, params, index, new GatherTarget(gather)),
      article: (id) => binding.article(manifest.build, id),
      health: () => binding.health(manifest.build),
    }
  })
}

/**
 * The front Worker of a sharded build (generated/sharded/front/index.ts): the
 * API's search, health and articles, each request fanned out to every shard at
 * once. What is not yet served across shards answers 501 (docs/scaling.md).
 */
export function frontWorker(manifest: FrontManifest) {
  return new Hono({ router: new TrieRouter() })
    .use(requestId)
    .use(securityHeaders)
    .use('/api/*', apiCors)
    .use('/api/*', apiRateLimit)
    .use('/api/*', checkArticleId)
    .get('/api/search', validate('query', SearchQuerySchema), async (c) => {
      const { person, organization, place, country, year, ...params } = c.req.valid('query')
      c.header('Cache-Control', 'no-store')
      return c.json(await searchShards(shardsOf(c, manifest), { ...params, filters: facetFilters({ person, organization, place, country, year }) }))
    })
    .get('/api/health', async (c) => {
      const shards = await allOrNothing(
        shardsOf(c, manifest).map((shard) => shard.health()),
        SHARD_TIMEOUT_MS,
      )
      return c.json({
        status: 'ok' as const,
        documents: shards.reduce((sum, shard) => sum + shard.documents, 0),
        version: manifest.build,
        builtAt: manifest.builtAt,
        shards: shards.map(({ documents }) => ({ documents })),
      })
    })
    .get('/api/articles/:id{.+}/facts', async (c) => {
      const article = await findArticle(shardsOf(c, manifest), c.req.param('id'))
      return c.json({ id: article.id, ...article.facts })
    })
    .notFound((c) => problemResponse('not-implemented', `${c.req.method} ${new URL(c.req.url).pathname} is not served by a sharded build yet (docs/scaling.md says what is); /api/search, /api/health and /api/articles/:id/facts are.`))
    .onError((error) => {
      if (error instanceof ProblemError) return error.toResponse()
      if (error instanceof ShardsUnavailable) return problemResponse('shards-unavailable', `${error.message}. No partial answer is given; try again shortly.`, {}, { 'Retry-After': '5' })
      if (error instanceof HTTPException && error.status < 500) return problemResponse('invalid-parameters', error.message || 'The request could not be understood.')
      console.error(error)
      return problemResponse('internal-error', 'The service failed to answer this request; it has been logged. Try again later.')
    })
}

/** The shard that holds an article answers with it; the others with nothing. */
async function findArticle(shards: readonly ShardApi[], id: string) {
  const found = (await allOrNothing(shards.map((shard) => shard.article(id)), SHARD_TIMEOUT_MS)).find((article) => article !== undefined)
  if (!found) throw new ProblemError('not-found', `No article has the id "${id}". Search with GET /api/search?q=… to find article ids.`)
  return found
}
