import type { Lexicon, LexiconEntry } from '../search/tables/lexicon'
import { completionCandidates, type SuggestIndex, type Suggestion } from '../search/suggest'
import { normalizeWord, processTerm, tokenize, tokensWithOffsets } from '../search/terms'

/**
 * Everything one shard could suggest for `q`, before `suggest` cuts and
 * de-duplicates (an entity named like another kind's, a word spelled like a
 * name): the front merges the shards' lists, then cuts as `suggest` does.
 * They come from suggest's own candidate step (`completionCandidates` in
 * src/search/suggest.ts). Each title comes with where it stands in the one
 * index's list: the rank of the first of its words that completes the typed
 * one (the build ranks every shard's words as the corpus's), then its corpus
 * position (`firstPosition` + its place in the shard).
 */
export type SuggestionCandidates = {
  entities: Suggestion[]
  /** Corpus phrases that continue the typed words, with how many of them each continues. */
  phrases: (Suggestion & { continued: number })[]
  /**
   * Every word of the shard that completes the last typed word while it is
   * being typed, with how many of the shard's articles have it: the front
   * sums them over the shards before it keeps the fifty most frequent, as one
   * index's `completionsOf` keeps them.
   */
  completions: LexiconEntry[]
  titles: { title: Suggestion; order: [number, number] }[]
}

export function suggestionCandidates(
  index: SuggestIndex,
  lexicon: Lexicon,
  q: string,
  firstPosition: number,
  shortId: (id: string) => number | undefined,
  wordRank: (word: string) => number,
): SuggestionCandidates {
  const candidates = completionCandidates(index, q)
  if (!candidates) return { entities: [], phrases: [], completions: [], titles: [] }
  const { prefix, stillTyping } = candidates.typed
  const completes = stillTyping ? (word: string) => word.startsWith(prefix) : (word: string) => word === prefix
  return {
    entities: candidates.entities.map(({ text, kind, count }) => ({ text, kind, count })),
    phrases: candidates.phrases.map(({ text, count, continued }) => ({ text, kind: 'phrase', count, continued })),
    completions: stillTyping ? lexicon.longer(prefix) : [],
    titles: candidates.titles.map(({ text, count, id }) => ({
      title: { text, kind: 'title', count, id: id! },
      order: [Math.min(...tokenize(text).map(normalizeWord).filter(completes).map(wordRank)), firstPosition + shortId(id!)!],
    })),
  }
}

/**
 * What `suggest`'s association rule counts, over the shard's articles, for
 * completions of `q`'s last word after other words: how many articles have
 * every other typed word, and per word how many have them and it, and how many
 * have it (by index term). Counts of disjoint shards add up to the corpus's.
 */
export type AssociationCounts = { context: number; documents: number; words: [together: number, alone: number][] }

export function associationCounts(index: SuggestIndex, q: string, words: readonly string[], documents: number): AssociationCounts {
  const before = [...tokensWithOffsets(q)].slice(0, -1).map((token) => normalizeWord(token.text))
  const context = before.map(processTerm).filter((term): term is string => term !== null)
  return { context: index.articlesWith(context), documents, words: words.map((word) => [index.articlesWith(context, word), index.articlesWith([], word)]) }
}
