import type MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import type { StoredArticle } from '../bundle/types'
import type { EntityType } from '../facts/types'
import type { ArticleFacets } from './facets'
import type { LexiconEntry } from './lexicon'
import { BASE_SEARCH_OPTIONS, type SearchDocument } from './options'
import { normalizeWord, processTerm, tokenize, tokensWithOffsets } from './terms'

export type SuggestionKind = 'term' | EntityType | 'title'

/** One completion: `text` is what the search box should hold; `id` names the article of a title. */
export type Suggestion = { text: string; kind: SuggestionKind; count: number; id?: string }

type Named = { text: string; kind: SuggestionKind; count: number; id?: string }

/** Entity names and titles keyed by each of their words (normalised), built once per isolate. */
export type SuggestIndex = {
  names: SearchableMap<Named[]>
  lexicon: SearchableMap<LexiconEntry>
  /** The search index: a completion of "pakistan qu" must occur in an article with "pakistan". */
  index: MiniSearch<SearchDocument>
  /** Prefix -> its completions, most frequent first: short prefixes have thousands, so each is ranked once. */
  completions: Map<string, LexiconEntry[]>
}

const COMPLETIONS_CACHED = 5_000
const COMPLETIONS_KEPT = 50

const ENTITY_KINDS = ['person', 'organization', 'place', 'country'] as const

export function buildSuggestIndex(
  articles: Iterable<StoredArticle>,
  facets: ReadonlyMap<string, ArticleFacets>,
  lexicon: SearchableMap<LexiconEntry>,
  index: MiniSearch<SearchDocument>,
): SuggestIndex {
  const entities = new Map<string, Named>()
  const titles: Named[] = []
  for (const article of articles) {
    const values = facets.get(article.id)!
    for (const kind of ENTITY_KINDS) {
      for (const [key, name] of values[kind]) {
        const entry = entities.get(`${kind}:${key}`)
        if (entry) entry.count++
        else entities.set(`${kind}:${key}`, { text: name, kind, count: 1 })
      }
    }
    titles.push({ text: article.title, kind: 'title', count: 1, id: article.id })
  }
  const names = new SearchableMap<Named[]>()
  for (const named of [...entities.values(), ...titles]) {
    for (const word of new Set(tokenize(named.text).map(normalizeWord))) names.update(word, (list = []) => [...list, named])
  }
  return { names, lexicon, index, completions: new Map() }
}

/**
 * Completions for what the user has typed so far: entity names and titles
 * that have every typed word (the last one as a prefix), then the query with
 * its last word completed by corpus words, most frequent first.
 */
export function suggest(index: SuggestIndex, q: string, limit: number): Suggestion[] {
  const tokens = [...tokensWithOffsets(q)]
  const last = tokens.at(-1)
  if (!last) return []
  const before = tokens.slice(0, -1).map((token) => normalizeWord(token.word))
  const prefix = normalizeWord(last.word)
  const stillTyping = last.end === q.length

  const named = new Map<Named, true>()
  for (const [word, list] of index.names.atPrefix(prefix)) {
    if (!stillTyping && word !== prefix) continue
    for (const entry of list) if (hasWords(entry.text, before)) named.set(entry, true)
  }
  const entities = [...named.keys()].filter((entry) => entry.kind !== 'title').sort(byCount)
  const titles = [...named.keys()].filter((entry) => entry.kind === 'title')

  const head = q.slice(0, last.start)
  const context = before.map(processTerm).filter((term): term is string => term !== null)
  const terms: Named[] = stillTyping
    ? completions(index, prefix)
        .filter((entry) => context.length === 0 || occursWith(index, entry.display, context))
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

/** The most frequent corpus words that start with `prefix` (and are longer). */
function completions(index: SuggestIndex, prefix: string): LexiconEntry[] {
  const cached = index.completions.get(prefix)
  if (cached) return cached
  const found: LexiconEntry[] = []
  for (const [word, entry] of index.lexicon.atPrefix(prefix)) if (word !== prefix) found.push(entry)
  const ranked = found.sort((a, b) => b.documents - a.documents || a.display.localeCompare(b.display)).slice(0, COMPLETIONS_KEPT)
  if (index.completions.size >= COMPLETIONS_CACHED) index.completions.clear()
  index.completions.set(prefix, ranked)
  return ranked
}

/** Whether some article has `word` and every one of the `context` terms. */
function occursWith(index: SuggestIndex, word: string, context: readonly string[]): boolean {
  const term = processTerm(word)
  if (term === null) return false
  return index.index.search({ combineWith: 'AND', queries: [...context, term] }, BASE_SEARCH_OPTIONS).length > 0
}

const byCount = (a: Named, b: Named) => b.count - a.count || a.text.localeCompare(b.text)

/** Whether `text` has every word of `words` (normalised) as a word or a word's start. */
function hasWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const own = tokenize(text).map(normalizeWord)
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)))
}
