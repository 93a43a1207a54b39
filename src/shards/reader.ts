import type { StoredArticle } from '../article'
import type { CorpusReader } from '../bundle/corpus-reader'
import { facetKey } from '../search/facets'
import { listingOrder } from '../search/listing'
import type { LexiconEntry } from '../search/tables/lexicon'
import { belongsWith, COMPLETIONS_KEPT, suggest, type Suggestion } from '../search/suggest'
import { normalizeWord, processTerm, tokensWithOffsets } from '../search/terms'
import { roundedScores } from '../search/related'
import { allOrNothing, pagedFacts, searchShards, SHARD_TIMEOUT_MS, type ShardApi } from './gather'
import { shardedEntityReader } from './entity-reader'
import type { AssociationCounts, SuggestionCandidates } from './suggest-candidates'
import { partsUnder, type ShardedLive } from './live'
import { mergePartSuggestions } from '../live/merge'
import { suggestIndexOf } from '../search/context'

/**
 * The corpus of a sharded build, read by its front Worker: every reader fans
 * out to all shards at once and merges their answers into the one index's
 * (same order, same tie-breaks, totals summed). A shard that fails or does not
 * answer within `timeoutMs` makes the whole read `ShardsUnavailable` (a 503),
 * never a partial answer.
 */
export function shardedReader(shards: readonly ShardApi[], build: string, timeoutMs = SHARD_TIMEOUT_MS, live?: ShardedLiveReader): CorpusReader {
  // The live segment's view, read once per request (none: a build served without a live segment).
  let view: Promise<ShardedLive | undefined> | undefined
  const liveNow = () => (view ??= live ? live.view() : Promise.resolve(undefined))
  /** The parts of this request's reads: the shards (under the live segment's changes) and the live articles. */
  const partsNow = async () => partsUnder(shards, await liveNow())
  const every = <T>(parts: readonly ShardApi[], call: (shard: ShardApi, index: number) => Promise<T>): Promise<T[]> => allOrNothing(parts.map(call), timeoutMs)
  return {
    search: async (params) => searchShards(await partsNow(), params, timeoutMs),

    async list(params) {
      // Each part's first offset + limit by the listing's order, without bodies; merged, cut to the page;
      // then each part renders its articles on the page.
      const parts = await partsNow()
      const windows = await every(parts, (shard) => shard.listingKeys(params))
      const page = windows
        .flatMap((window, shard) => window.keys.map((key) => ({ ...key, shard })))
        .sort(listingOrder(params.sort))
        .slice(params.offset, params.offset + params.limit)
      const rendered = await every(parts, (shard, s) => {
        const ids = page.filter((key) => key.shard === s).map((key) => key.id)
        return ids.length > 0 ? shard.listed(ids, params.sort) : Promise.resolve([])
      })
      const byId = new Map(rendered.flat().map((article) => [article.id, article]))
      return {
        total: windows.reduce((sum, window) => sum + window.total, 0),
        offset: params.offset,
        limit: params.limit,
        articles: page.map((key) => byId.get(key.id)!),
      }
    },

    async articles(ids) {
      // An article lives in one part; the front does not know which, so every part is asked (the shards leave out
      // the base articles the live segment hides, and the live part comes last).
      const found = new Map<string, StoredArticle>()
      for (const part of await every(await partsNow(), (shard) => shard.articles(ids))) for (const [id, article] of part) found.set(id, article)
      return new Map(ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!] as const] : [])))
    },

    async related(article, limit) {
      // The parts' lists come in corpus order, so a stable sort keeps equal scores in the one index's order.
      return roundedScores(
        (await every(await partsNow(), (shard) => shard.related(article, limit)))
          .flat()
          .sort((a, b) => b.score - a.score)
          .slice(0, limit),
      )
    },

    async suggest(q, limit) {
      const candidates = await every(shards, (shard) => shard.suggest(q))
      // After other words, a word completion must belong with them: its counts, asked of every shard for the fifty kept only.
      const associations = (words: string[]) => every(shards, (shard) => shard.associations(q, words))
      const base = await mergeSuggestions(candidates, q, limit, associations)
      // With a live segment, its completions join the base's as the one Worker joins its two parts'.
      const now = await liveNow()
      if (!now?.part) return base
      return mergePartSuggestions([base, suggest(suggestIndexOf(now.part.corpus), q, limit)], (id) => now.byId.has(id) || now.tombstones.has(id), limit)
    },

    // As the listing: each part's window of facts by the catalogue's order, merged, then the page read.
    facts: async (query) => pagedFacts(await partsNow(), query, (shard) => shard.factKeys(query), timeoutMs),

    async holds(id) {
      return (await every(shards, (shard) => shard.holds([id]))).some((held) => held.length > 0)
    },

    entities: shardedEntityReader(shards, timeoutMs),

    // Every shard belongs to this build (they refuse another); the live segment's version is the one the front's copy is at.
    version: () => ({ bundle: build, live: live?.version() ?? 0 }),
  }
}

/** A sharded front's live segment as its reader reads it: the view at the segment's version, and that version without a round trip. */
export type ShardedLiveReader = { view(): Promise<ShardedLive>; version(): number }

/**
 * Completions from every shard's candidates, given in shard order
 * (`suggestionCandidates`), cut as `suggest` cuts: entities by count, a share
 * of phrases and of word completions, titles, the other phrases and words,
 * each text once. Entity names: one per kind and name, counts summed, spelled
 * as the first shard spells it (as one index spells a name as the corpus's
 * first article does). Phrases: the corpus's, as every shard has them. Word
 * completions: each word's articles summed over the shards, the fifty most
 * frequent kept (`completionsOf`); after other words, only when no phrase
 * continues more than the last word, and only those that belong with them by
 * `suggest`'s association rule over the corpus's counts (`associations`). Titles: in the one
 * index's order, which each shard states (the build makes each shard's
 * suggestion index so: `shardSuggestions`).
 */
export async function mergeSuggestions(
  shards: readonly SuggestionCandidates[],
  q: string,
  limit: number,
  associations: (words: string[]) => Promise<AssociationCounts[]>,
): Promise<Suggestion[]> {
  const entities = new Map<string, Suggestion>()
  const phrases = new Map<string, Suggestion & { continued: number }>()
  const completions = new Map<string, LexiconEntry>()
  for (const candidates of shards) {
    for (const entity of candidates.entities) {
      const key = `${entity.kind}:${facetKey(entity.text)}`
      const found = entities.get(key)
      entities.set(key, found ? { ...found, count: found.count + entity.count } : entity)
    }
    // Every shard has the corpus's phrases with their corpus-wide counts: one of each. Two phrases can make
    // one continuation ("interviewee Joe" and "Wikinews interviewee Joe" after "Wikinews i"): `suggest` keeps both.
    for (const phrase of candidates.phrases) {
      const key = `${phrase.continued}:${normalizeWord(phrase.text)}`
      if (!phrases.has(key)) phrases.set(key, phrase)
    }
    for (const entry of candidates.completions) {
      const key = normalizeWord(entry.display)
      const found = completions.get(key)
      completions.set(key, found ? { ...found, documents: found.documents + entry.documents } : entry)
    }
  }
  const byCount = (a: Suggestion, b: Suggestion) => b.count - a.count || a.text.localeCompare(b.text)
  const tokens = [...tokensWithOffsets(q)]
  const afterOtherWords = tokens.length > 1
  const continuing = [...phrases.values()]
    .filter((phrase) => !afterOtherWords || phrase.continued > 1)
    .sort((a, b) => b.continued - a.continued || byCount(a, b))
  let words: Suggestion[] = []
  if (completions.size > 0 && (!afterOtherWords || continuing.length === 0)) {
    const kept = [...completions.values()].sort((a, b) => b.documents - a.documents || a.display.localeCompare(b.display)).slice(0, COMPLETIONS_KEPT)
    const head = q.slice(0, tokens.at(-1)!.start)
    const asTerm = (entry: LexiconEntry, count: number): Suggestion => ({ text: head + entry.display.toLowerCase(), kind: 'term', count })
    // The other typed words as index terms: stop words ("than tr") leave none, and then no rule applies.
    const context = tokens.slice(0, -1).flatMap((token) => processTerm(normalizeWord(token.text)) ?? [])
    if (context.length === 0) words = kept.map((entry) => asTerm(entry, entry.documents)).sort(byCount)
    else {
      // suggest's association rule over the corpus's counts (each the sum of the shards').
      const counts = await associations(kept.map((entry) => entry.display))
      const sum = (pick: (shard: AssociationCounts) => number) => counts.reduce((total, shard) => total + pick(shard), 0)
      const contextShare =
        sum((shard) => shard.context) /
        Math.max(
          1,
          sum((shard) => shard.documents),
        )
      words = kept
        .flatMap((entry, i) => {
          const together = sum((shard) => shard.words[i]![0])
          return belongsWith(
            together,
            sum((shard) => shard.words[i]![1]),
            contextShare,
          )
            ? [asTerm(entry, together)]
            : []
        })
        .sort(byCount)
    }
  }
  const titles = shards
    .flatMap((candidates) => candidates.titles)
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ title }) => title)
  const share = Math.ceil(limit / 2)
  const seen = new Set<string>()
  const suggestions: Suggestion[] = []
  const ordered = [
    ...[...entities.values()].sort(byCount),
    ...continuing.slice(0, share),
    ...words.slice(0, share),
    ...titles,
    ...continuing.slice(share),
    ...words.slice(share),
  ]
  for (const { text, kind, count, id } of ordered) {
    const key = `${kind === 'title' ? 'title' : 'text'}:${normalizeWord(text)}`
    if (seen.has(key)) continue
    seen.add(key)
    suggestions.push({ text, kind, count, ...(id ? { id } : {}) })
    if (suggestions.length === limit) break
  }
  return suggestions
}
