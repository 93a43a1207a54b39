import { RpcTarget } from 'cloudflare:workers'
import { Hono, type Context } from 'hono'
import { TrieRouter } from 'hono/router/trie-router'
import type { AppEnv } from '../http/app-env'
import { provideReader } from '../http/corpus'
import { hardened } from '../http/hardening'
import { problemResponse } from '../http/problem'
import { docsRoutes } from '../routes/docs'
import { embedRoutes } from '../routes/embed'
import { readerPageRoutes } from '../routes/pages'
import { entityRoutes } from '../routes/entities'
import { entityPageRoutes } from '../routes/entity-pages'
import { readerApiRoutes } from '../routes/reader-api'
import type { RankKey } from '../search/coordinator'
import type { FacetTallies } from '../search/tables/facet-rounds'
import { frontError } from './front-error'
import type { GatherApi } from '../search/gather'
import type { WordKnowledge } from '../search/typos'
import { allOrNothing, SHARD_TIMEOUT_MS, ShardsUnavailable, type ShardApi } from './gather'
import { shardedReader, type ShardedLiveReader } from './reader'
import { ShardedLiveReplica } from './live'
import { liveSegment } from '../live/front'
import { ingestRoutes } from '../routes/ingest'
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
  facetTops(shard: number, tops: FacetTallies, limit: number) {
    return this.gather.facetTops(shard, tops, limit)
  }
  facetCandidates(shard: number, above: FacetTallies) {
    return this.gather.facetCandidates(shard, above)
  }
  facetCounts(shard: number, exact: FacetTallies) {
    return this.gather.facetCounts(shard, exact)
  }
}

/** Shard `s` of this build through its service binding (`SHARD_s`), looked up when called, so a missing one fails that read (503). */
function shardsOf(c: Context<AppEnv>, manifest: FrontManifest): ShardApi[] {
  const env = (c.env ?? {}) as Record<string, ShardRpc | undefined>
  return manifest.shards.map((_, s) => {
    const rpc = (): ShardRpc => {
      const binding = env[`SHARD_${s}`]
      if (!binding) throw new ShardsUnavailable(`the service binding SHARD_${s} is missing: serve the front with its generated wrangler.jsonc`)
      return binding
    }
    const { build } = manifest
    return {
      search: async (params, index, gather, live) => rpc().search(build, params, index, new GatherTarget(gather), live),
      article: async (id, live) => rpc().article(build, id, live),
      articles: async (ids, live) => rpc().articles(build, ids, live),
      listingKeys: async (params, live) => rpc().listingKeys(build, params, live),
      listed: async (ids, sort) => rpc().listed(build, ids, sort),
      related: async (article, limit, live) => rpc().related(build, article, limit, live),
      suggest: async (q) => rpc().suggest(build, q),
      associations: async (q, words) => rpc().associations(build, q, words),
      factKeys: async (query, live) => rpc().factKeys(build, query, live),
      factsAt: async (facts) => rpc().factsAt(build, facts),
      health: async () => rpc().health(build),
      holds: async (ids) => rpc().holds(build, ids),
      statistics: async (terms) => rpc().statistics(build, terms),
      entitySearch: async (query) => rpc().entitySearch(build, query),
      entityConditions: async (requests) => rpc().entityConditions(build, requests),
      entityIdsIn: async (entities) => rpc().entityIdsIn(build, entities),
      entityDetail: async (id) => rpc().entityDetail(build, id),
      entityNames: async (ranks) => rpc().entityNames(build, ranks),
      placesInside: async (focus) => rpc().placesInside(build, focus),
      mapPlaces: async (range) => rpc().mapPlaces(build, range),
      mapAround: async (focus) => rpc().mapAround(build, focus),
      entityFactKeys: async (conditions, query) => rpc().entityFactKeys(build, conditions, query),
      articleRefs: async (positions) => rpc().articleRefs(build, positions),
    }
  })
}

/** This isolate's replica of the live segment for each build it serves (one in production; tests build several fronts). */
const liveReplicas = new Map<string, ShardedLiveReplica>()

/** The live segment as this request reads it over the shards of its bindings (none without a LIVE_SEGMENT binding). */
function liveOf(c: Context<AppEnv>, manifest: FrontManifest): ShardedLiveReader | undefined {
  const stub = liveSegment(c.env ?? {})
  if (!stub) return undefined
  let replica = liveReplicas.get(manifest.build)
  if (!replica) liveReplicas.set(manifest.build, (replica = new ShardedLiveReplica(manifest)))
  const shards = shardsOf(c, manifest)
  return { view: () => replica.use(shards).replica.current(stub), version: () => replica.replica.version }
}

/**
 * The front Worker of a sharded build (generated/sharded/front/index.ts): the
 * one Worker's API routes and pages, reading the corpus through a reader that
 * fans every request out to all shards at once (src/shards/reader.ts); its own
 * health lists the shards.
 */
export function frontWorker(manifest: FrontManifest) {
  const api = new Hono<AppEnv>({ router: new TrieRouter() })
    .route('/', readerApiRoutes)
    .route('/', entityRoutes)
    .get('/health', async (c) => {
      const shards = await allOrNothing(
        shardsOf(c, manifest).map((shard) => shard.health()),
        SHARD_TIMEOUT_MS,
      )
      const base = shards.reduce((sum, shard) => sum + shard.documents, 0)
      const live = await liveOf(c, manifest)?.view()
      return c.json({
        status: 'ok' as const,
        documents: base - (live?.hiddenCount ?? 0) + (live?.byId.size ?? 0),
        base,
        ...(live ? { live: { documents: live.byId.size, tombstones: live.tombstones.size, version: live.version } } : {}),
        version: manifest.build,
        builtAt: manifest.builtAt,
        shards: shards.map(({ documents }) => ({ documents })),
      })
    })
  // The one Worker's middleware (src/app.ts) but the corpus, which is the one bundle.
  const app = hardened(
    new Hono<AppEnv>({ router: new TrieRouter() }).use(
      provideReader((c) => shardedReader(shardsOf(c, manifest), manifest.build, SHARD_TIMEOUT_MS, liveOf(c, manifest))),
    ),
  )
    .route('/api', api)
    // The live segment's write API, as the one Worker's (the segment is the front's: src/live/segment.ts).
    .route('/api', ingestRoutes)
    .notFound((c) => {
      const { pathname } = new URL(c.req.url)
      return problemResponse('not-found', `Nothing is served at ${c.req.method} ${pathname}. The API lives under /api (see /docs).`)
    })
    .onError(frontError)
  // Outside /api, as in src/app.ts: the widget, the pages that read the corpus, the docs of what this front serves.
  app.route('/', embedRoutes).route('/', readerPageRoutes).route('/', entityPageRoutes).route('/', docsRoutes(app))
  return app
}
