import type { SuggestIndex, Suggestion } from '../search/suggest'
import { normalizeWord, processTerm, tokenize, tokensWithOffsets } from '../search/terms'

/**
 * Everything one shard could suggest for `q`, before `suggest` cuts and
 * de-duplicates (an entity named like another kind's, a word spelled like a
 * name): the front can only merge shards' lists exactly if none is cut yet.
 * The same steps as `suggest` (src/search/suggest.ts), through the suggestion
 * index's public methods. Each title comes with where it stands in the one
 * index's list: the rank of the first of its words that completes the typed
 * one (the build gives every shard the corpus's word ranks), then its corpus
 * position (`firstPosition` + its place in the shard).
 */
export type SuggestionCandidates = {
  entities: Suggestion[]
  /** Word completions, most articles first (the corpus's counts: every shard has the corpus's lexicon). */
  words: Suggestion[]
  titles: { title: Suggestion; order: [number, number] }[]
}

export function suggestionCandidates(index: SuggestIndex, q: string, firstPosition: number, shortId: (id: string) => number | undefined, wordRank: (word: string) => number): SuggestionCandidates {
  const tokens = [...tokensWithOffsets(q)]
  const last = tokens.at(-1)
  if (!last) return { entities: [], words: [], titles: [] }
  const before = tokens.slice(0, -1).map((token) => normalizeWord(token.text))
  const prefix = normalizeWord(last.text)
  const stillTyping = last.end === q.length
  const completes = stillTyping ? (word: string) => word.startsWith(prefix) : (word: string) => word === prefix

  const found = new Set<number>()
  for (const name of index.namesWith(prefix, !stillTyping)) if (!found.has(name) && hasWords(index.named(name).text, before)) found.add(name)
  const named = [...found].map((name) => index.named(name))
  const head = q.slice(0, last.start)
  const context = before.map(processTerm).filter((term): term is string => term !== null)
  const words: Suggestion[] = stillTyping
    ? index
        .completionsOf(prefix)
        .filter((entry) => context.length === 0 || index.occursWith(entry.display, context))
        .map((entry) => ({ text: head + entry.display.toLowerCase(), kind: 'term', count: entry.documents }))
    : []
  return {
    entities: named.filter((entry) => entry.kind !== 'title').map(({ text, kind, count }) => ({ text, kind, count })),
    words,
    titles: named
      .filter((entry) => entry.kind === 'title')
      .map(({ text, count, id }) => ({
        title: { text, kind: 'title', count, id: id! },
        order: [Math.min(...tokenize(text).map(normalizeWord).filter(completes).map(wordRank)), firstPosition + shortId(id!)!],
      })),
  }
}

/** Whether `text` has every word of `words` (normalised) as a word or a word's start (as `suggest` checks). */
function hasWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const own = tokenize(text).map(normalizeWord)
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)))
}
