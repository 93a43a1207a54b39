import { splitWords, unpackNumbers } from '../search/tables/sorted-words'
import { entityKey, packSuggestions, type StoredSuggestions, type SuggestionSheet } from '../search/suggest'

/**
 * A shard's suggestion index, made so that the front can merge the shards'
 * completions into the whole corpus's (src/shards/reader.ts): the shard's
 * entity names with its own counts (the front sums them), but only those the
 * whole corpus's index (`whole`, made once for all the shards of a build:
 * `corpusSuggestions`) keeps (a name glued to the word before it is told by
 * every name of the corpus); the whole corpus's phrases with their
 * corpus-wide counts (a shard alone would drop a phrase of one article in it
 * and one in another); the shard's titles; every word ranked as in the whole
 * corpus's index, so the shard lists titles in the one index's order. Laid
 * out as `storeSuggestions` lays out its own (names: entities, phrases, titles).
 * `sheet`: what the index reads of the shard's articles (`suggestionSheet`), which the build keeps for a shard it reuses.
 */
export function shardSuggestions(sheet: SuggestionSheet, whole: StoredSuggestions): StoredSuggestions {
  return shardSuggestionsOf(whole)(sheet)
}

/**
 * `shardSuggestions` for every shard of one build: what each shard reads of the whole corpus's index (its kept
 * names, its words' ranks) is looked up once for them all, rather than once a shard (a cost of the whole corpus's
 * names per shard, so of the corpus times its shards).
 */
export function shardSuggestionsOf(whole: StoredSuggestions): (sheet: SuggestionSheet) => StoredSuggestions {
  const kept = new Set(Array.from(unpackNumbers(whole.entities.kinds), (kind, i) => entityKey({ kind, text: whole.entities.texts[i]! })))
  const wholeRanks = unpackNumbers(whole.ranks)
  const rankOf = new Map(splitWords(whole.words).map((word, at) => [word, wholeRanks[at]!]))
  return (sheet) =>
    // Only the shard's names are counted (its own phrases would be thrown away): a name glued among the shard's
    // names is glued among the corpus's, which hold them, so the corpus's kept names are the only filter needed.
    // Every word here is a word of the corpus's names (its entities, phrases and titles).
    packSuggestions(
      sheet.entities.filter((entity) => kept.has(entityKey(entity))),
      whole.phrases,
      sheet.titles,
      (word) => rankOf.get(word)!,
    )
}
