import type { Lexicon, LexiconEntry } from '../search/tables/lexicon'
import { continuedWords, hasWords, type SuggestIndex, type Suggestion } from '../search/suggest'
import { normalizeWord, processTerm, tokenize, tokensWithOffsets } from '../search/terms'

/**
 * Everything one shard could suggest for `q`, before `suggest` cuts and
 * de-duplicates (an entity named like another kind's, a word spelled like a
 * name): the front merges the shards' lists, then cuts as `suggest` does.
 * The same steps as `suggest` (src/search/suggest.ts), through the suggestion
 * index's public methods. Each title comes with where it stands in the one
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
  const tokens = [...tokensWithOffsets(q)]
  const last = tokens.at(-1)
  if (!last) return { entities: [], phrases: [], completions: [], titles: [] }
  const before = tokens.slice(0, -1).map((token) => normalizeWord(token.text))
  const prefix = normalizeWord(last.text)
  const stillTyping = last.end === q.length
  const typed = [...before, prefix]
  const completes = stillTyping ? (word: string) => word.startsWith(prefix) : (word: string) => word === prefix

  const found = new Set<number>()
  const phrases: SuggestionCandidates['phrases'] = []
  for (const name of index.namesWith(prefix, !stillTyping)) {
    if (found.has(name)) continue
    found.add(name)
    const entry = index.named(name)
    if (entry.kind !== 'phrase') continue
    const continued = continuedWords(tokenize(entry.text).map(normalizeWord), typed, stillTyping)
    if (continued > 0) phrases.push({ text: q.slice(0, tokens[typed.length - continued]!.start) + entry.text, kind: 'phrase', count: entry.count, continued })
  }
  const named = [...found].map((name) => index.named(name)).filter((entry) => entry.kind !== 'phrase' && hasWords(entry.text, before))
  return {
    entities: named.filter((entry) => entry.kind !== 'title').map(({ text, kind, count }) => ({ text, kind, count })),
    phrases,
    completions: stillTyping ? lexicon.longer(prefix) : [],
    titles: named
      .filter((entry) => entry.kind === 'title')
      .map(({ text, count, id }) => ({
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
