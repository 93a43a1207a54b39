import type { StoredArticle } from '../article'
import { catalogArticleOrder } from '../corpus-services/fact-catalog'
import type { CorpusReader } from '../corpus-services/reader'
import { facetKey } from '../search/facets'
import { listingOrder } from '../search/listing'
import type { Suggestion } from '../search/suggest'
import { allOrNothing, searchShards, SHARD_TIMEOUT_MS, type ShardApi } from './gather'
import type { SuggestionCandidates } from './suggest-candidates'

/**
 * The corpus of a sharded build, read by its front Worker: every reader fans
 * out to all shards at once and merges their answers into the one index's
 * (same order, same tie-breaks, totals summed). A shard that fails or does not
 * answer within `timeoutMs` makes the whole read `ShardsUnavailable` (a 503),
 * never a partial answer.
 */
export function shardedReader(shards: readonly ShardApi[], build: string, timeoutMs = SHARD_TIMEOUT_MS): CorpusReader {
  const everyShard = <T>(call: (shard: ShardApi, index: number) => Promise<T>): Promise<T[]> => allOrNothing(shards.map(call), timeoutMs)
  return {
    search: (params) => searchShards(shards, params, timeoutMs),

    async list(params) {
      // Each shard's first offset + limit by the listing's order, without bodies; merged, cut to the page;
      // then each shard renders its articles on the page.
      const windows = await everyShard((shard) => shard.listingKeys(params))
      const page = windows
        .flatMap((window, shard) => window.keys.map((key) => ({ ...key, shard })))
        .sort(listingOrder(params.sort))
        .slice(params.offset, params.offset + params.limit)
      const rendered = await everyShard((shard, s) => {
        const ids = page.filter((key) => key.shard === s).map((key) => key.id)
        return ids.length > 0 ? shard.listed(ids, params.sort) : Promise.resolve([])
      })
      const byId = new Map(rendered.flat().map((article) => [article.id, article]))
      return { total: windows.reduce((sum, window) => sum + window.total, 0), offset: params.offset, limit: params.limit, articles: page.map((key) => byId.get(key.id)!) }
    },

    async articles(ids) {
      // An article lives in one shard; the front does not know which, so every shard is asked.
      const found = new Map<string, StoredArticle>()
      for (const part of await everyShard((shard) => shard.articles(ids))) for (const [id, article] of part) found.set(id, article)
      return new Map(ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!] as const] : [])))
    },

    async related(article, limit) {
      // The shards' lists come in corpus order, so a stable sort keeps equal scores in the one index's order.
      return (await everyShard((shard) => shard.related(article, limit)))
        .flat()
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
    },

    async suggest(q, limit) {
      return mergeSuggestions(await everyShard((shard) => shard.suggest(q)), limit)
    },

    async facts(query) {
      // As the listing: each shard's window of facts by the catalogue's order, no article read; merged (a stable
      // sort keeps each article's facts in their order), cut to the page; then each shard reads its facts on it.
      const windows = await everyShard((shard) => shard.factKeys(query))
      const page = windows
        .flatMap((window, shard) => window.facts.map((key) => ({ ...key, shard })))
        .sort(catalogArticleOrder)
        .slice(query.offset, query.offset + query.limit)
      const read = await everyShard((shard, s) => {
        const mine = page.filter((key) => key.shard === s).map((key) => key.fact)
        return mine.length > 0 ? shard.factsAt(mine) : Promise.resolve([])
      })
      const next = shards.map(() => 0)
      return { total: windows.reduce((sum, window) => sum + window.total, 0), offset: query.offset, limit: query.limit, facts: page.map((key) => read[key.shard]![next[key.shard]!++]!) }
    },

    // Every shard belongs to this build (they refuse another), and a sharded build has no live segment yet.
    version: () => ({ bundle: build, live: 0 }),

    bundle: undefined,
  }
}

/**
 * The one index's completions from every shard's candidates, given in shard
 * order (`suggestionCandidates`). Entity names: one per kind and name, counted
 * in every shard that has it (counts summed), spelled as the first shard
 * spells it (as one index spells a name as the corpus's first article does).
 * Words: every shard completes from the whole corpus's lexicon with its
 * corpus-wide article counts, keeping those that occur with the typed words in
 * one of its own articles: the union is the one index's set, counts as they
 * are. Titles: in the one index's order, which each shard states. Then cut as
 * `suggest` cuts: entities by count, half the limit of words, titles, the
 * other words, each text once.
 */
export function mergeSuggestions(shards: readonly SuggestionCandidates[], limit: number): Suggestion[] {
  const entities = new Map<string, Suggestion>()
  const words = new Map<string, Suggestion>()
  for (const candidates of shards) {
    for (const entity of candidates.entities) {
      const key = `${entity.kind}:${facetKey(entity.text)}`
      const found = entities.get(key)
      entities.set(key, found ? { ...found, count: found.count + entity.count } : entity)
    }
    for (const word of candidates.words) if (!words.has(word.text)) words.set(word.text, word)
  }
  // suggest's orders: entities by count then text; words by article count then spelling (the text's case aside, the same).
  const byCount = (a: Suggestion, b: Suggestion) => b.count - a.count || a.text.localeCompare(b.text)
  const ranked = [...words.values()].sort(byCount)
  const titles = shards
    .flatMap((candidates) => candidates.titles)
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ title }) => title)
  const share = Math.ceil(limit / 2)
  const seen = new Set<string>()
  const suggestions: Suggestion[] = []
  for (const entry of [...[...entities.values()].sort(byCount), ...ranked.slice(0, share), ...titles, ...ranked.slice(share)]) {
    const key = `${entry.kind === 'title' ? 'title' : 'text'}:${entry.text.toLowerCase()}`
    if (seen.has(key)) continue
    seen.add(key)
    suggestions.push(entry)
    if (suggestions.length === limit) break
  }
  return suggestions
}
