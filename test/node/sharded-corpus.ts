import { readBundledArticles } from '../../scripts/lib/bundle-files'
import { openShardFiles, shardedBundles } from '../../scripts/lib/sharded-build'
import type { StoredArticle } from '../../src/article'
import { serializeBundle } from '../../src/bundle/format'
import { openBundle, type LoadedBundle } from '../../src/bundle/open'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import { buildIndex } from '../../src/search/search'
import type { ShardApi } from '../../src/shards/gather'
import { Shard } from '../../src/shards/shard'

/** The shipped corpus's articles as `npm run build` analysed them (npm test builds first). */
export const articles: StoredArticle[] = readBundledArticles()
const BUILT_AT = '2026-12-06T00:00:00.000Z'

const reader = (assets: ReadonlyMap<string, string>) => (name: string) => Promise.resolve(assets.get(name) ?? Promise.reject(new Error(`no asset ${name}`)))

function open(text: string, binary: Uint8Array, assets: ReadonlyMap<string, string>): LoadedBundle {
  return openBundle(text, binary, reader(assets))
}

/** The one-index compact index of the corpus, as the build writes it. */
export const singleIndex = serializeCompactIndex(buildIndex(articles))

/** The one-index bundle of the corpus, as the build writes it. */
export const single: LoadedBundle = (() => {
  const files = serializeBundle({ version: 'single', builtAt: BUILT_AT, index: singleIndex.header }, articles)
  return open(files.text, singleIndex.binary, files.assets)
})()

/** The corpus cut into `count` shards as a sharded build cuts it, each a shard in process. */
export async function shardsOf(count: number): Promise<ShardApi[]> {
  return (await shardedBundles(articles, count, BUILT_AT)).shards.map((shard) => new Shard(openShardFiles(shard), shard.place))
}

export { BUILT_AT }
