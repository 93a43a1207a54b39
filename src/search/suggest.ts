import type MiniSearch from 'minisearch'
import type { StoredArticle } from '../article'
import type { EntityType } from '../facts/types'
import { articleFacets } from './facets'
import type { Lexicon, LexiconEntry } from './lexicon'
import { BASE_SEARCH_OPTIONS, type SearchDocument } from './options'
import { inTreeOrder, joinWords, packNumbers, prefixRange, sortedWithPositions, splitWords, treeRanks, unpackNumbers } from './sorted-words'
import { normalizeWord, processTerm, tokenize, tokensWithOffsets } from './terms'

export type SuggestionKind = 'term' | EntityType | 'title'

/** One completion: `text` is what the search box should hold; `id` names the article of a title. */
export type Suggestion = { text: string; kind: SuggestionKind; count: number; id?: string }

const ENTITY_KINDS = ['person', 'organization', 'place', 'country'] as const

/**
 * What suggestions complete, as the build stores it: entity names (with how
 * many articles name each) and, after them, the articles' titles (name
 * `entities.length + i` is article i's title); and every normalised word of
 * those names, sorted, with the names that have it (in name order) and its
 * radix-tree rank (the order lookups always returned words in).
 */
export type StoredSuggestions = {
  entities: { kinds: string; texts: string[]; counts: string }
  words: string
  ranks: string
  /** Packed: how many names each word has, then the names, word after word. */
  lengths: string
  names: string
}

export function storeSuggestions(articles: readonly StoredArticle[]): StoredSuggestions {
  const entities = new Map<string, { kind: number; text: string; count: number }>()
  for (const article of articles) {
    const values = articleFacets(article)
    ENTITY_KINDS.forEach((kind, k) => {
      for (const [key, name] of values[kind]) {
        const entry = entities.get(`${kind}:${key}`)
        if (entry) entry.count++
        else entities.set(`${kind}:${key}`, { kind: k, text: name, count: 1 })
      }
    })
  }
  const texts = [...[...entities.values()].map((entity) => entity.text), ...articles.map((article) => article.title)]
  const byWord = new Map<string, number[]>()
  texts.forEach((text, name) => {
    for (const word of new Set(tokenize(text).map(normalizeWord))) {
      const list = byWord.get(word)
      if (list) list.push(name)
      else byWord.set(word, [name])
    }
  })
  const firstSeen = [...byWord.keys()]
  const ranks = treeRanks(firstSeen)
  const { sorted, positions } = sortedWithPositions(firstSeen)
  const lists = sorted.map((word) => byWord.get(word)!)
  const all = [...entities.values()]
  return {
    entities: { kinds: packNumbers(all.map((entity) => entity.kind)), texts: all.map((entity) => entity.text), counts: packNumbers(all.map((entity) => entity.count)) },
    words: joinWords(sorted),
    ranks: packNumbers(positions.map((i) => ranks[i]!)),
    lengths: packNumbers(lists.map((list) => list.length)),
    names: packNumbers(lists.flat()),
  }
}

type Named = { text: string; kind: SuggestionKind; count: number; id?: string }

/** The suggestion index unpacked (once per isolate, on the first suggestion), with the lexicon and index it completes from. */
export class SuggestIndex {
  private readonly kinds: Uint32Array
  private readonly texts: readonly string[]
  private readonly counts: Uint32Array
  private readonly words: string[]
  private readonly ranks: Uint32Array
  private readonly starts: Uint32Array
  private readonly names: Uint32Array
  /** Prefix -> its completions, most frequent first: short prefixes have thousands, so each is ranked once. */
  private readonly completions = new Map<string, LexiconEntry[]>()

  constructor(
    stored: StoredSuggestions,
    private readonly titles: readonly string[],
    private readonly ids: readonly string[],
    private readonly lexicon: Lexicon,
    /** The search index: a completion of "pakistan qu" must occur in an article with "pakistan". */
    private readonly index: MiniSearch<SearchDocument>,
  ) {
    this.kinds = unpackNumbers(stored.entities.kinds)
    this.texts = stored.entities.texts
    this.counts = unpackNumbers(stored.entities.counts)
    this.words = splitWords(stored.words)
    this.ranks = unpackNumbers(stored.ranks)
    const lengths = unpackNumbers(stored.lengths)
    this.starts = new Uint32Array(lengths.length + 1)
    for (let w = 0; w < lengths.length; w++) this.starts[w + 1] = this.starts[w]! + lengths[w]!
    this.names = unpackNumbers(stored.names)
  }

  /** Names with a word starting with `prefix` (or equal to it, when `exact`), in the order the old radix tree gave. */
  namesWith(prefix: string, exact: boolean): number[] {
    const [start, end] = prefixRange(this.words, prefix)
    const words: number[] = []
    for (let w = start; w < end; w++) if (!exact || this.words[w] === prefix) words.push(w)
    const found: number[] = []
    for (const w of inTreeOrder(words, this.ranks)) for (let at = this.starts[w]!; at < this.starts[w + 1]!; at++) found.push(this.names[at]!)
    return found
  }

  named(name: number): Named {
    if (name < this.texts.length) return { text: this.texts[name]!, kind: ENTITY_KINDS[this.kinds[name]!]!, count: this.counts[name]! }
    const doc = name - this.texts.length
    return { text: this.titles[doc]!, kind: 'title', count: 1, id: this.ids[doc]! }
  }

  /** The most frequent corpus words that start with `prefix` (and are longer). */
  completionsOf(prefix: string): LexiconEntry[] {
    const cached = this.completions.get(prefix)
    if (cached) return cached
    const ranked = this.lexicon.longer(prefix).sort((a, b) => b.documents - a.documents || a.display.localeCompare(b.display)).slice(0, COMPLETIONS_KEPT)
    if (this.completions.size >= COMPLETIONS_CACHED) this.completions.clear()
    this.completions.set(prefix, ranked)
    return ranked
  }

  /** Whether some article has `word` and every one of the `context` terms. */
  occursWith(word: string, context: readonly string[]): boolean {
    const term = processTerm(word)
    if (term === null) return false
    return this.index.search({ combineWith: 'AND', queries: [...context, term] }, BASE_SEARCH_OPTIONS).length > 0
  }
}

const COMPLETIONS_CACHED = 5_000
const COMPLETIONS_KEPT = 50

/**
 * Completions for what the user has typed so far: entity names and titles
 * that have every typed word (the last one as a prefix), then the query with
 * its last word completed by corpus words, most frequent first.
 */
export function suggest(index: SuggestIndex, q: string, limit: number): Suggestion[] {
  const tokens = [...tokensWithOffsets(q)]
  const last = tokens.at(-1)
  if (!last) return []
  const before = tokens.slice(0, -1).map((token) => normalizeWord(token.text))
  const prefix = normalizeWord(last.text)
  const stillTyping = last.end === q.length

  const found = new Set<number>()
  for (const name of index.namesWith(prefix, !stillTyping)) if (!found.has(name) && hasWords(index.named(name).text, before)) found.add(name)
  const named = [...found].map((name) => index.named(name))
  const entities = named.filter((entry) => entry.kind !== 'title').sort(byCount)
  const titles = named.filter((entry) => entry.kind === 'title')

  const head = q.slice(0, last.start)
  const context = before.map(processTerm).filter((term): term is string => term !== null)
  const terms: Named[] = stillTyping
    ? index
        .completionsOf(prefix)
        .filter((entry) => context.length === 0 || index.occursWith(entry.display, context))
        .map((entry) => ({ text: head + entry.display.toLowerCase(), kind: 'term', count: entry.documents }))
    : []

  // Entities first, then a share of word completions, then titles, then the other completions.
  const share = Math.ceil(limit / 2)
  const seen = new Set<string>()
  const suggestions: Suggestion[] = []
  for (const entry of [...entities, ...terms.slice(0, share), ...titles, ...terms.slice(share)]) {
    const key = `${entry.kind === 'title' ? 'title' : 'text'}:${entry.text.toLowerCase()}`
    if (seen.has(key)) continue
    seen.add(key)
    suggestions.push({ text: entry.text, kind: entry.kind, count: entry.count, ...(entry.id ? { id: entry.id } : {}) })
    if (suggestions.length === limit) break
  }
  return suggestions
}

const byCount = (a: Named, b: Named) => b.count - a.count || a.text.localeCompare(b.text)

/** Whether `text` has every word of `words` (normalised) as a word or a word's start. */
function hasWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const own = tokenize(text).map(normalizeWord)
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)))
}
