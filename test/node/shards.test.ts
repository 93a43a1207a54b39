import { describe, expect, it } from 'vitest'
import { layoutRanges, shardCount, shardRanges } from '../../scripts/lib/shard-split'
import { openShardFiles, planShards, registryJsonBytes, shardedBundles } from '../../scripts/lib/sharded-build'
import { storeRegistry } from '../../src/corpus-services/registry-build'
import { loadCompactIndex, serializeCompactIndex, serializeCompactShards } from '../../src/search/index/compact-index'
import { readShardFigures } from '../../src/search/index/shard-figures'
import { serializeBundle } from '../../src/bundle/format'
import { openBundle } from '../../src/bundle/open'
import { Shard } from '../../src/shards/shard'
import { bm25Part, RATIO_UNIT, SCORE_BLOCK, type FieldPostings } from '../../src/search/index/compact-postings'
import { articleFacets, FACETS, type FacetFilters } from '../../src/search/facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING } from '../../src/search/options'
import { buildIndex, searchArticles, type SearchParams } from '../../src/search/search'
import { prepareSearch } from '../../src/search/topk/evaluate'
import { searchShards, ShardsUnavailable, type ShardApi } from '../../src/shards/gather'
import { random } from '../../scripts/lib/random'
import { articles, BUILT_AT, single, singleIndex, shardsOf } from './sharded-corpus'

/** Queries of every kind, drawn from the corpus's titles and facet values. */
function queries(): SearchParams[] {
  const next = random(20261206)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const words = [...new Set(articles.flatMap((article) => article.title.toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort()
  const long = words.filter((word) => word.length >= 6)
  const values = Object.fromEntries(
    FACETS.map((facet) => [facet, [...new Set(articles.flatMap((article) => [...articleFacets(article)[facet].values()]))].sort()]),
  )
  const typo = (word: string) => {
    const at = 1 + Math.floor(next() * (word.length - 2))
    return next() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
  }
  const base: SearchParams = { q: '', limit: 10, offset: 0, sort: 'relevance' }
  const made: SearchParams[] = []
  for (let i = 0; i < 26; i++) {
    made.push({ ...base, q: `${pick(words)} ` })
    made.push({ ...base, q: `${pick(words)} ${pick(words)} ` })
    made.push({ ...base, q: `${pick(words)} ${pick(words)} ${pick(words)}` })
    made.push({ ...base, q: `${typo(pick(long))} ` })
    made.push({ ...base, q: `${pick(words)} ${typo(pick(long))} `, autocorrect: next() < 0.5 })
    // Capitalised: the correction must keep the spelling one index has (the corpus's first), whichever shard holds it.
    const slip = typo(pick(long))
    made.push({ ...base, q: `${slip[0]!.toUpperCase()}${slip.slice(1)} ` })
    made.push({ ...base, q: Array.from({ length: 5 + Math.floor(next() * 4) }, () => pick(words)).join(' ') })
    made.push({ ...base, q: pick(long).slice(0, 3 + Math.floor(next() * 3)) })
    const title = pick(articles)
      .title.toLowerCase()
      .match(/\p{L}+/gu) ?? ['police']
    const start = Math.floor(next() * Math.max(1, title.length - 2))
    made.push({ ...base, q: `"${title.slice(start, start + 2).join(' ')}"` })
    made.push({ ...base, q: `${pick(words)} -${pick(words)}` })
    const facet = pick(FACETS)
    made.push({ ...base, q: `${pick(words)} `, filters: { [facet]: [pick(values[facet]!)] } as FacetFilters, facetLimit: 1 + Math.floor(next() * 5) })
    made.push({ ...base, q: 'the', sort: 'date', offset: Math.floor(next() * 200), limit: 1 + Math.floor(next() * 30) })
    made.push({ ...base, q: `${pick(words)} ${pick(words)}`, recency: 1 + Math.floor(next() * 400), now: '2021-06-01', from: '2010-01-01', to: '2024-12-31' })
  }
  made.push({ ...base, q: 'police', offset: 10_000 }, { ...base, q: 'killed', offset: 37, limit: 100 }, { ...base, q: '-police' }, { ...base, q: 'zzqxv ' })
  return made
}

describe('shards', () => {
  it('are as many as keep each shard within its share of an isolate, or as many as SHARDS says', () => {
    expect(shardCount(292, undefined)).toBe(1)
    expect(shardCount(25_000, undefined)).toBe(3)
    expect(shardCount(292, '3')).toBe(3)
    expect(shardCount(292, '1')).toBe(1)
    expect(shardCount(292, '0')).toEqual({ error: expect.stringContaining('SHARDS must be a whole number') })
    expect(shardCount(2, '3')).toEqual({ error: expect.stringContaining('more shards than the corpus has articles') })
    expect(shardRanges(10, 3)).toEqual([
      { first: 0, size: 4 },
      { first: 4, size: 3 },
      { first: 7, size: 3 },
    ])
  })

  it('answer hundreds of queries of every kind exactly as one index: hits, scores, order, snippets, facets, totals, flags', async () => {
    const asked = queries()
    expect(asked.length).toBeGreaterThan(250)
    // Three shards on every query, two on a sample: enough to show the split does not matter, and the suite stays quick.
    for (const [count, sample] of [
      [3, asked],
      [2, asked.slice(0, 60)],
    ] as const) {
      const shards = await shardsOf(count)
      let withHits = 0
      for (const params of sample) {
        const expected = await searchArticles(single, params)
        const merged = await searchShards(shards, params)
        expect(merged, `${count} shards, ${JSON.stringify(params)}`).toEqual(expected)
        if (expected.hits.length > 0) withHits++
      }
      // The comparison means something only if most queries find articles.
      expect(withHits).toBeGreaterThan(sample.length / 2)
    }
  })

  it('give every document the score it has in one index, since each shard has the corpus-wide statistics in its figures', async () => {
    const shards = (await shardedBundles(articles, 3, BUILT_AT)).shards
    for (const { index, figures } of shards) {
      const fieldCount = Object.keys(index.header.fieldIds).length
      const read = readShardFigures(figures, { termCount: index.header.termCount, fieldCount, indexBytes: index.header.binaryBytes })
      expect(read.documentCount).toBe(articles.length)
      expect(read.averageFieldLength).toEqual(singleIndex.header.averageFieldLength)
      // The shard's own index holds nothing of the corpus: it does not open without its figures.
      expect(index.header.shard).toBe(true)
      expect(index.header.averageFieldLength).toEqual([])
      expect(() => loadCompactIndex(index, INDEX_OPTIONS)).toThrow(/needs its corpus figures/)
    }
    // Figures belong to one index: another shard's are refused.
    expect(() => loadCompactIndex({ ...shards[0]!.index, figures: shards[1]!.figures }, INDEX_OPTIONS)).toThrow(/another index/)
    expect(shards.reduce((sum, shard) => sum + shard.index.header.ids.length, 0)).toBe(articles.length)
  })

  it("write each shard's index from its own articles alone: a change to another shard's articles changes its figures, not its index", async () => {
    const last = articles.length - 1
    const changed = articles.map((article, i) => (i === last ? { ...article, text: `${article.text} Zyxwvut quokkas gathered near the harbour.` } : article))
    const before = await planShards(articles, 3, BUILT_AT)
    const after = await planShards(changed, 3, BUILT_AT)
    for (const shard of [0, 1]) {
      expect(after.indexes[shard]!.header, `shard ${shard}`).toEqual(before.indexes[shard]!.header)
      expect(Buffer.compare(after.indexes[shard]!.binary, before.indexes[shard]!.binary), `shard ${shard}`).toBe(0)
      // The corpus-wide average lengths moved: every shard's figures say so.
      expect(Buffer.compare(after.figures[shard]!, before.figures[shard]!), `shard ${shard}`).not.toBe(0)
    }
    expect(Buffer.compare(after.indexes[2]!.binary, before.indexes[2]!.binary)).not.toBe(0)
    // And the shards still answer as one index of the changed corpus.
    const shards = (await shardedBundles(changed, 3, BUILT_AT)).shards.map((files) => new Shard(openShardFiles(files), files.place))
    const wholeIndex = serializeCompactIndex(buildIndex(changed))
    const files = serializeBundle({ version: 'changed', builtAt: BUILT_AT, index: wholeIndex.header }, changed)
    const one = openBundle(files.text, wholeIndex.binary, (name) => Promise.resolve(files.assets.get(name)!))
    for (const q of ['quokkas harbour', 'harbour', 'police killed', 'zyxwvut']) {
      const params: SearchParams = { q, limit: 10, offset: 0, sort: 'relevance' }
      expect(await searchShards(shards, params), q).toEqual(await searchArticles(one, params))
    }
  })

  it("keep every full shard's index byte for byte when articles are appended, filled in turn, and answer as one index of the longer corpus", async () => {
    expect(layoutRanges(25_000, { perShard: 10_000 })).toEqual([
      { first: 0, size: 10_000 },
      { first: 10_000, size: 10_000 },
      { first: 20_000, size: 5_000 },
    ])
    // A newsroom's corpus in date order: the last articles are the new ones.
    const earlier = articles.slice(0, 250)
    const before = await planShards(earlier, { perShard: 100 }, BUILT_AT)
    const after = await planShards(articles, { perShard: 100 }, BUILT_AT)
    expect(after.ranges.map(({ size }) => size)).toEqual([100, 100, articles.length - 200])
    for (const shard of [0, 1]) {
      expect(after.indexes[shard]!.header, `shard ${shard}`).toEqual(before.indexes[shard]!.header)
      expect(Buffer.compare(after.indexes[shard]!.binary, before.indexes[shard]!.binary), `shard ${shard}`).toBe(0)
    }
    expect(after.indexes[2]!.header.ids.length).toBeGreaterThan(before.indexes[2]!.header.ids.length)
    // Balanced, the same append would have moved every boundary, and so changed every shard's index.
    expect(shardRanges(250, 3).map(({ first }) => first)).not.toEqual(shardRanges(articles.length, 3).map(({ first }) => first))
    // A full shard's bundle and own assets (packs, facts table) depend on its articles alone, under the same key;
    // what depends on the whole corpus (figures, suggestions, registry part) is apart, under the build's name.
    const [earlierFiles, laterFiles] = [await shardedBundles(earlier, { perShard: 100 }, BUILT_AT), await shardedBundles(articles, { perShard: 100 }, BUILT_AT)]
    expect(laterFiles.manifest.build).not.toBe(earlierFiles.manifest.build)
    for (const shard of [0, 1]) {
      const [was, is] = [earlierFiles.shards[shard]!, laterFiles.shards[shard]!]
      expect(is.version, `shard ${shard}`).toBe(was.version)
      expect(is.text === was.text, `shard ${shard}'s bundle`).toBe(true)
      expect([...is.assets.keys()], `shard ${shard}`).toEqual([...was.assets.keys()])
      for (const [name, text] of is.assets) expect(text === was.assets.get(name), name).toBe(true)
      expect([...is.entities.keys()].every((name) => name.startsWith(`${laterFiles.manifest.build}/`))).toBe(true)
      expect(is.suggestions).not.toBe(was.suggestions)
    }
    expect(laterFiles.shards[2]!.version).not.toBe(earlierFiles.shards[2]!.version)
    const shards = laterFiles.shards.map((files) => new Shard(openShardFiles(files), files.place))
    const sample = queries().filter((_, i) => i % 4 === 0)
    for (const params of sample) expect(await searchShards(shards, params), JSON.stringify(params)).toEqual(await searchArticles(single, params))
  })

  it("are indexed from their own articles alone, yet written byte for byte as the whole corpus's index cut into shards", async () => {
    const built = buildIndex(articles)
    for (const count of [2, 3, 5]) {
      const ranges = shardRanges(articles.length, count)
      const cut = serializeCompactShards(
        built,
        ranges.map(({ first, size }) => Array.from({ length: size }, (_, i) => first + i)),
      )
      // The build's path: each shard's index made from its articles only, the corpus-wide figures summed from them.
      const plan = await planShards(articles, count, BUILT_AT)
      expect(plan.indexes.map((index) => index.header)).toEqual(cut.map((index) => index.header))
      plan.indexes.forEach((index, shard) => expect(Buffer.compare(index.binary, cut[shard]!.binary), `shard ${shard} of ${count}`).toBe(0))
      plan.figures.forEach((figures, shard) => expect(Buffer.compare(figures, cut[shard]!.figures), `figures of shard ${shard} of ${count}`).toBe(0))
    }
  })

  it("keep score block bounds over their own postings, under the corpus-wide statistics: pruned top-k is exact in each shard and merges to the one index's", () => {
    const built = buildIndex(articles)
    const ranges = shardRanges(articles.length, 2)
    const shards = serializeCompactShards(
      built,
      ranges.map(({ first, size }) => Array.from({ length: size }, (_, i) => first + i)),
    ).map((compact) => loadCompactIndex(compact, INDEX_OPTIONS))
    const whole = loadCompactIndex(singleIndex, INDEX_OPTIONS)
    type Internals = { _index: { get(term: string): Map<number, FieldPostings> | undefined }; _fieldLength: { get(doc: number): number[] } }
    // The terms with more than a block of postings in the first shard (every field): they carry stored bounds.
    const common = [...new Set(articles.flatMap((article) => article.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []))]
      .map((word) => INDEX_OPTIONS.processTerm!(word) as string)
      .filter((term, i, all) => term && all.indexOf(term) === i)
      .filter((term) => [...((shards[0] as unknown as Internals)._index.get(term)?.values() ?? [])].some((postings) => postings.docs.length > SCORE_BLOCK))
      .slice(0, 30)
    expect(common.length).toBeGreaterThanOrEqual(5)
    let matched = 0
    let scored = 0
    for (const term of common) {
      for (const shard of shards) {
        const internals = shard as unknown as Internals
        for (const [field, postings] of internals._index.get(term) ?? []) {
          expect(postings.bounds !== undefined, term).toBe(postings.docs.length > SCORE_BLOCK)
          if (!postings.bounds) continue
          // Each block's bounds are those of the shard's own postings in it, the part under the corpus-wide average length.
          postings.bounds.maxFrequency.forEach((maxFrequency, block) => {
            const at = Array.from({ length: Math.min(SCORE_BLOCK, postings.docs.length - block * SCORE_BLOCK) }, (_, i) => block * SCORE_BLOCK + i)
            const length = (i: number) => internals._fieldLength.get(postings.docs[i]!)[field]!
            const { k, b } = RANKING.bm25
            const part = Math.max(...at.map((i) => bm25Part(postings.freqs[i]!, length(i), singleIndex.header.averageFieldLength[field]!, k, b) / (k + 1)))
            expect(maxFrequency, term).toBe(Math.max(...at.map((i) => postings.freqs[i]!)))
            expect(postings.bounds!.minRatio[block], term).toBe(Math.min(...at.map((i) => Math.floor((RATIO_UNIT * length(i)) / postings.freqs[i]!))))
            expect(postings.bounds!.maxPart[block], term).toBe(Math.min(255, Math.ceil(part * 255 * (1 + 1e-9))))
          })
        }
      }
      const expected = prepareSearch(whole, term, BASE_SEARCH_OPTIONS).top(10)
      const merged = shards
        .flatMap((shard) => {
          const pruned = prepareSearch(shard, term, BASE_SEARCH_OPTIONS)
          const exhaustive = prepareSearch(shard, term, { ...BASE_SEARCH_OPTIONS, exhaustive: true })
          const found = pruned.top(10)
          expect(
            found.map(({ id, score }) => [id, score]),
            term,
          ).toEqual(exhaustive.top(10).map(({ id, score }) => [id, score]))
          matched += pruned.stats.matched
          scored += pruned.stats.scored
          return found.map((result) => ({ id: result.id as string, score: result.score }))
        })
        .map((result) => ({ ...result, position: articles.findIndex((article) => article.id === result.id) }))
        .sort((a, b) => b.score - a.score || a.position - b.position)
        .slice(0, 10)
      expect(
        merged.map(({ id, score }) => [id, score]),
        term,
      ).toEqual(expected.map(({ id, score }) => [id, score]))
    }
    // The bounds let each shard skip part of what matches.
    expect(scored).toBeLessThan(matched)
  })

  it("report the whole registry's JSON size without making it one string: the same bytes as JSON.stringify", () => {
    const registry = storeRegistry(articles)
    expect(registry.entities.length).toBeGreaterThan(100)
    expect(registryJsonBytes(registry)).toBe(Buffer.byteLength(JSON.stringify(registry)))
    expect(registryJsonBytes({ entities: [], keys: {} })).toBe(Buffer.byteLength(JSON.stringify({ entities: [], keys: {} })))
  })

  it('answer 503-worthy ShardsUnavailable, never a partial answer, when a shard fails or does not answer in time', async () => {
    const [first, second] = await shardsOf(2)
    const failing: ShardApi = { ...second!, search: () => Promise.reject(new Error('isolate exceeded its memory limit')) }
    const params: SearchParams = { q: 'police ', limit: 10, offset: 0, sort: 'relevance' }
    await expect(searchShards([first!, failing], params)).rejects.toThrow(ShardsUnavailable)
    await expect(searchShards([first!, failing], params)).rejects.toThrow(/shard 1 failed: isolate exceeded its memory limit/)
    const silent: ShardApi = { ...second!, search: () => new Promise(() => {}) }
    await expect(searchShards([first!, silent], params, 200)).rejects.toThrow(/did not answer within 200 ms/)
  })
})
