import { WorkerEntrypoint } from 'cloudflare:workers'
import type { StoredArticle } from '../article'
import { readAsset } from '../bundle/assets'
import { openBundle } from '../bundle/open'
import type { SearchParams, SearchResponse } from '../search/search'
import type { GatherApi } from '../search/gather'
import type { ShardHealth } from './gather'
import { Shard, type ShardPlace } from './shard'

/** What the build writes into a shard's entry module besides its data: its place and the build it belongs to. */
export type ShardSettings = ShardPlace & { build: string }

/**
 * A shard Worker (generated/sharded/shard-N/index.ts): an RPC entrypoint over
 * its own bundle, opened once per isolate on first use. Every call names the
 * build the front belongs to; a shard of another build (a deploy halfway
 * through) refuses, so a front never mixes builds.
 */
export function shardWorker(bundleText: string, indexBytes: ArrayBuffer, settings: ShardSettings) {
  let shard: Shard | undefined
  const open = (build: string): Shard => {
    if (build !== settings.build) throw new Error(`this shard belongs to build ${settings.build}, the front to ${build}: deploy the shards and the front of one build`)
    return (shard ??= new Shard(openBundle(bundleText, new Uint8Array(indexBytes), readAsset), settings))
  }
  return class ShardEntrypoint extends WorkerEntrypoint {
    /** A shard has no public URL (workers_dev = false); anything that reaches it by HTTP is not served. */
    override fetch(): Response {
      return new Response('A shard answers its front Worker only.', { status: 404 })
    }

    search(build: string, params: SearchParams, index: number, gather: GatherApi): Promise<SearchResponse> {
      return open(build).search(params, index, gather)
    }

    article(build: string, id: string): Promise<StoredArticle | undefined> {
      return open(build).article(id)
    }

    health(build: string): Promise<ShardHealth> {
      return open(build).health()
    }
  }
}

/** The RPC methods the front calls on a shard's service binding. */
export type ShardRpc = {
  search(build: string, params: SearchParams, index: number, gather: GatherApi): Promise<SearchResponse>
  article(build: string, id: string): Promise<StoredArticle | undefined>
  health(build: string): Promise<ShardHealth>
}
