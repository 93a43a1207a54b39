import * as v from 'valibot'
import type MiniSearch from 'minisearch'
import type { StoredArticle } from '../article'
import { ENTITY_TYPES } from '../analysis/facts/types'
import { articleFacets, facetKey } from './facets'
import type { Lexicon, LexiconEntry } from './tables/lexicon'
import { BASE_SEARCH_OPTIONS, type SearchDocument } from './options'
import { indexOf, inTreeOrder, joinWords, packNumbers, prefixRange, sortedWithPositions, treeRanks, unpackNumbers } from './tables/sorted-words'
import { JoinedWords } from './tables/joined-words'
import { STOP_WORDS } from '../text/stop-words'
import type { Token } from '../text/tokens'
import { normalizeWord, processTerm, tokenize, tokensWithOffsets } from './terms'

/** One completion: `text` is what the search box should hold; `id` names the article of a title. */
const SUGGESTION_KINDS = ['term', 'phrase', ...ENTITY_TYPES, 'title'] as const

export type SuggestionKind = (typeof SUGGESTION_KINDS)[number]

/** `GET /api/suggest`'s answer: it documents the route in `/openapi.json`, and `Suggestion` is inferred from it. */
export const SuggestResponseSchema = v.looseObject({
  query: v.string(),
  suggestions: v.array(
    v.looseObject({
      text: v.string(),
      kind: v.pipe(
        v.picklist(SUGGESTION_KINDS),
        v.description(
          '"term" (a word completed), "phrase" (a corpus phrase continuing the typed words), "title", or an entity type: "person", "organization", "place", "country".',
        ),
      ),
      count: v.pipe(v.number(), v.description('How many articles it occurs in.')),
      id: v.optional(v.pipe(v.string(), v.description('For titles: the article id.'))),
    }),
  ),
})

export type Suggestion = v.InferOutput<typeof SuggestResponseSchema>['suggestions'][number]

const ENTITY_KINDS = ['person', 'organization', 'place', 'country'] as const

/**
 * What suggestions complete, as the build stores it: entity names (with how
 * many articles name each), then phrases (word sequences of the corpus, with
 * how many articles have each), then the articles' titles (name
 * `entities + phrases + i` is article i's title); and every normalised word of
 * those names, sorted, with the names that have it (in name order) and its
 * radix-tree rank (the order lookups always returned words in).
 */
export type StoredSuggestions = {
  entities: { kinds: string; texts: string[]; counts: string }
  phrases: { texts: string[]; counts: string }
  words: string
  ranks: string
  /** Packed: how many names each word has, then the names, word after word. */
  lengths: string
  names: string
}

export function storeSuggestions(articles: readonly StoredArticle[]): StoredSuggestions {
  const phrases = new PhraseCounts()
  phrases.add(articles)
  return corpusSuggestions([suggestionSheet(articles)], phrases.kept())
}

/**
 * The suggestion index of a corpus whose phrases were counted apart (`PhraseCounts`, which reads the articles'
 * texts; then `keptPhrases`) and whose names were read a run of articles at a time (`suggestionSheet`, the runs in
 * corpus order): the build counts and reads them a shard at a time, so that it never holds the corpus's texts and
 * analyses at once, and keeps each shard's sheet so that a shard it reuses is not read again.
 */
export function corpusSuggestions(sheets: readonly SuggestionSheet[], phrases: readonly { text: string; count: number }[]): StoredSuggestions {
  const entities = mergedEntities(sheets)
  const isGlued = gluedNames(entities)
  const all = entities.filter((entity) => !isGlued(entity.text))
  return packSuggestions(
    all,
    { texts: phrases.map((phrase) => phrase.text), counts: packNumbers(phrases.map((phrase) => phrase.count)) },
    sheets.flatMap((sheet) => sheet.titles),
  )
}

/** What the suggestion index reads of an article besides its text (whose phrases `PhraseCounts` counts). */
export type SuggestionArticle = Pick<StoredArticle, 'title' | 'date' | 'facts'>

/** An entity name of the suggestion index: its kind's place in ENTITY_KINDS, its first spelling seen, and how many articles name it. */
export type SuggestionEntity = { kind: number; text: string; count: number }

/**
 * What the suggestion index reads of a run of articles, made from them alone: their entity names
 * (`suggestionEntities`, in order of first sight) and their titles. Sheets of consecutive runs merge
 * (`corpusSuggestions`) into what the runs' articles together give: a name's first spelling is the first run's
 * that has it, its count the sum, the order of first sight the runs' one after the other.
 */
export type SuggestionSheet = { entities: SuggestionEntity[]; titles: string[] }

export function suggestionSheet(articles: readonly SuggestionArticle[]): SuggestionSheet {
  return { entities: [...suggestionEntities(articles).values()], titles: articles.map((article) => article.title) }
}

/**
 * The articles' entity names by kind and name key (`kind:key`, the kind's place in ENTITY_KINDS), in order of first
 * sight: the first spelling seen, and how many articles name it. Glued names are still in (`corpusSuggestions`
 * drops them against these names; a shard against the whole corpus's, src/bundle/shard-suggestions.ts).
 */
export function suggestionEntities(articles: readonly SuggestionArticle[]): Map<string, SuggestionEntity> {
  const entities = new Map<string, SuggestionEntity>()
  for (const article of articles) {
    const values = articleFacets(article)
    ENTITY_KINDS.forEach((kind, k) => {
      for (const [key, name] of values[kind]) {
        const entry = entities.get(`${k}:${key}`)
        if (entry) entry.count++
        else entities.set(`${k}:${key}`, { kind: k, text: name, count: 1 })
      }
    })
  }
  return entities
}

/** The sheets' names as `suggestionEntities` gives them of all their articles, the sheets in corpus order. */
function mergedEntities(sheets: readonly SuggestionSheet[]): readonly SuggestionEntity[] {
  if (sheets.length === 1) return sheets[0]!.entities
  const entities = new Map<string, SuggestionEntity>()
  for (const sheet of sheets)
    for (const entity of sheet.entities) {
      const key = entityKey(entity)
      const entry = entities.get(key)
      if (entry) entry.count += entity.count
      else entities.set(key, { ...entity })
    }
  return [...entities.values()]
}

/** A name's key among the suggestion index's entities: its kind's place and its facet key (the key its first spelling was counted under). */
export function entityKey({ kind, text }: Pick<SuggestionEntity, 'kind' | 'text'>): string {
  return `${kind}:${facetKey(text)}`
}

/**
 * The suggestion index's packing, apart from its counting: entity names (kind's place in ENTITY_KINDS, text,
 * articles), phrases (as stored), the articles' titles, then every word of those names with the names that have
 * it. A word's rank is `rankOf`'s, or when none is given its radix-tree rank among these names' words in order of
 * first sight (the one index's). The build counts the corpus (`storeSuggestions`); a shard packs its own names
 * ranked as the whole corpus's (src/bundle/shard-suggestions.ts).
 */
export function packSuggestions(
  entities: readonly { kind: number; text: string; count: number }[],
  phrases: StoredSuggestions['phrases'],
  titles: readonly string[],
  rankOf?: (word: string) => number,
): StoredSuggestions {
  const byWord = namesByWord([...entities.map((entity) => entity.text), ...phrases.texts, ...titles])
  const firstSeen = [...byWord.keys()]
  const { sorted, positions } = sortedWithPositions(firstSeen)
  const treeRanksOf = () => {
    const ranks = treeRanks(firstSeen)
    return positions.map((i) => ranks[i]!)
  }
  const lists = sorted.map((word) => byWord.get(word)!)
  return {
    entities: {
      kinds: packNumbers(entities.map((entity) => entity.kind)),
      texts: entities.map((entity) => entity.text),
      counts: packNumbers(entities.map((entity) => entity.count)),
    },
    phrases,
    words: joinWords(sorted),
    ranks: packNumbers(rankOf ? sorted.map(rankOf) : treeRanksOf()),
    lengths: packNumbers(lists.map((list) => list.length)),
    names: packNumbers(lists.flat()),
  }
}

/**
 * A name the extraction glued to the word before it: its first word ends
 * another multi-word name and the rest is a name itself ("Kong Carrie Lam",
 * from "Hong Kong Carrie Lam"). Completing it would offer a fused name.
 * Every name's words are read once (asking each name of every other took
 * 18 s at 5,000 live articles): the names as word sequences, and the
 * multi-word ones by their last word.
 */
function gluedNames(entities: readonly { text: string }[]): (text: string) => boolean {
  const wordsOf = (text: string) => tokenize(text).map(normalizeWord)
  const names = new Set<string>()
  const endingWith = new Map<string, Set<string>>()
  for (const entity of entities) {
    const words = wordsOf(entity.text)
    const name = words.join(' ')
    names.add(name)
    if (words.length < 2) continue
    let ending = endingWith.get(words.at(-1)!)
    if (!ending) endingWith.set(words.at(-1)!, (ending = new Set()))
    ending.add(name)
  }
  return (text) => {
    const words = wordsOf(text)
    if (words.length < 3 || !names.has(words.slice(1).join(' '))) return false
    const own = words.join(' ')
    return [...(endingWith.get(words[0]!) ?? [])].some((name) => name !== own)
  }
}

/** Phrases kept for suggestions: the most frequent, so that the table stays small. */
const PHRASES_KEPT = 20_000
/** A phrase must occur in this many articles: a sequence of words in one article only is no query-like phrase. */
const PHRASE_MIN_ARTICLES = 2

/**
 * The corpus's phrases: sequences of two or three words, not across
 * punctuation, neither starting nor ending with a stop word or a number, in
 * at least `PHRASE_MIN_ARTICLES` articles; most articles first, each in its
 * first-seen spelling. What a search box completes "hong k" and "Trump im" with.
 * Counted a run of articles at a time (`add`, in corpus order), then `kept`.
 */
export class PhraseCounts {
  /**
   * Each word of the texts counted since the last `take`, numbered: a phrase is looked up by its words' numbers,
   * not by a string made for every two and three words of the corpus (making and hashing those keys, tens of
   * millions a shard, was most of the counting's time: docs/scaling.md). A word as written -> its number.
   */
  private written = new Map<string, number>()
  /** A normalised word -> its number; `words` and `edges` by number: the word, and whether a phrase may start or end with it. */
  private numbers = new Map<string, number>()
  private words: string[] = []
  private edges: boolean[] = []
  /** Two words (`first * WORD_SPAN + second`) -> their phrase; two words -> their pair, whose phrases with a third word `threes` holds. */
  private twos = new Map<number, number>()
  private pairs = new Map<number, number>()
  private threes = new Map<number, number>()
  /** By phrase, numbered in order of first sight: its key (normalised words), articles, last article, first spelling when not its key. */
  private keys: string[] = []
  /** By phrase, its words' numbers (`thirds`: -1 for two words), which sort the phrases by key without comparing strings. */
  private firsts: number[] = []
  private seconds: number[] = []
  private thirds: number[] = []
  private counts: number[] = []
  private lastArticles: number[] = []
  private spellings: (string | undefined)[] = []
  private articles = 0
  /** Phrases first seen before the last `take`: a phrase's sight (the order ties keep) is this plus its number. */
  private seen = 0

  /** Counts the phrases of the corpus's next articles. */
  add(articles: readonly Pick<StoredArticle, 'title' | 'text'>[]) {
    for (const article of articles) {
      const doc = this.articles++
      for (const text of [article.title, article.text]) {
        const tokens = tokensWithOffsets(text)
        // Each word read once, though it is in up to five phrases (normalizing per phrase was most of the cost).
        const words = tokens.map((token) => this.wordNumber(token.text))
        for (let i = 0; i < tokens.length; i++) {
          for (let n = 2; n <= 3 && i + n <= tokens.length; n++) {
            const last = i + n - 1
            if (!spacesOnly(text, tokens[last - 1]!.end, tokens[last]!.start)) break
            if (!this.edges[words[i]!] || !this.edges[words[last]!]) continue
            const two = words[i]! * WORD_SPAN + words[i + 1]!
            const three = n === 2 ? 0 : this.pair(two) * WORD_SPAN + words[last]!
            const phrase = n === 2 ? this.twos.get(two) : this.threes.get(three)
            if (phrase === undefined) {
              const key =
                n === 2
                  ? `${this.words[words[i]!]} ${this.words[words[last]!]}`
                  : `${this.words[words[i]!]} ${this.words[words[i + 1]!]} ${this.words[words[last]!]}`
              const added = this.keys.length
              if (n === 2) this.twos.set(two, added)
              else this.threes.set(three, added)
              this.keys.push(key)
              this.firsts.push(words[i]!)
              this.seconds.push(words[i + 1]!)
              this.thirds.push(n === 2 ? -1 : words[last]!)
              this.counts.push(1)
              this.lastArticles.push(doc)
              const spelling = text.slice(tokens[i]!.start, tokens[last]!.end)
              this.spellings.push(spelling === key ? undefined : spelling)
            } else if (this.lastArticles[phrase] !== doc) {
              this.counts[phrase]!++
              this.lastArticles[phrase] = doc
            }
          }
        }
      }
    }
  }

  /**
   * The phrases counted since the last `take`, sorted by key, then forgotten (the articles' numbering goes on): the
   * build writes them out a shard at a time, sorted, and merges the shards' counts (scripts/lib/phrase-files.ts),
   * so that the corpus's phrases are never all in memory.
   */
  take(): PhraseCount[] {
    const { keys, counts, spellings, seen } = this
    const taken = Array.from(this.keyOrder(), (phrase): PhraseCount => {
      const key = keys[phrase]!
      const spelling = spellings[phrase]
      return spelling === undefined ? { key, count: counts[phrase]!, sight: seen + phrase } : { key, count: counts[phrase]!, sight: seen + phrase, spelling }
    })
    this.seen += keys.length
    this.written = new Map()
    this.numbers = new Map()
    this.words = []
    this.edges = []
    this.twos = new Map()
    this.pairs = new Map()
    this.threes = new Map()
    this.keys = []
    this.firsts = []
    this.seconds = []
    this.thirds = []
    this.counts = []
    this.lastArticles = []
    this.spellings = []
    return taken
  }

  /** The phrases kept of those counted (`keptPhrases`). */
  kept(): { text: string; count: number }[] {
    return keptPhrases(this.take())
  }

  /**
   * The phrases' numbers in the order of their keys, sorted by their words' ranks in the words' order: a key is its
   * words joined by spaces, and a space comes before every character of a word, so the keys sort as their words
   * do, shorter first where one is the start of the other (numbers compared, not millions of strings: sorting the
   * phrases' lines was a fifth of the counting thread's time). Strings compared when a word has a space or less.
   */
  private keyOrder(): Uint32Array {
    const { keys, words, firsts, seconds, thirds } = this
    const order = Uint32Array.from(keys, (_, phrase) => phrase)
    if (words.some((word) => /[\0- ]/.test(word))) return order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1))
    const ranks = new Int32Array(words.length)
    Uint32Array.from(words, (_, word) => word)
      .sort((a, b) => (words[a]! < words[b]! ? -1 : 1))
      .forEach((word, rank) => (ranks[word] = rank))
    // By the last word (none first), then the second, then the first, each sort keeping the order of the one before.
    const rankPlusOne = (numbers: readonly number[]) => Int32Array.from(numbers, (word) => (word < 0 ? 0 : ranks[word]! + 1))
    return [thirds, seconds, firsts].reduce<Uint32Array>((sorted, numbers) => stableSortBy(sorted, rankPlusOne(numbers), words.length + 1), order)
  }

  /** The number of a word as written (its normalised form's). */
  private wordNumber(written: string): number {
    const known = this.written.get(written)
    if (known !== undefined) return known
    const word = normalizeWord(written)
    let number = this.numbers.get(word)
    if (number === undefined) {
      number = this.words.length
      if (number >= WORD_SPAN) throw new RangeError(`PhraseCounts: more than ${WORD_SPAN} distinct words between two takes`)
      this.numbers.set(word, number)
      this.words.push(word)
      this.edges.push(!STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word))
    }
    this.written.set(written, number)
    return number
  }

  /** The number of two words (`first * WORD_SPAN + second`) as the start of three-word phrases. */
  private pair(two: number): number {
    const known = this.pairs.get(two)
    if (known !== undefined) return known
    const pair = this.pairs.size
    if (pair >= PAIR_SPAN) throw new RangeError(`PhraseCounts: more than ${PAIR_SPAN} distinct pairs of words between two takes`)
    this.pairs.set(two, pair)
    return pair
  }
}

/**
 * Words are numbered below this between two `take`s, and pairs of words below `PAIR_SPAN`, so that two words
 * (first * WORD_SPAN + second) and a pair and a word are one exact number below 2^53.
 */
const WORD_SPAN = 2 ** 26
const PAIR_SPAN = 2 ** 27

/** `order` sorted by `bucketOf` (numbers below `buckets`), keeping the order of equals (a counting sort: no comparisons). */
function stableSortBy(order: Uint32Array, bucketOf: Int32Array, buckets: number): Uint32Array {
  const starts = new Uint32Array(buckets + 1)
  for (const item of order) starts[bucketOf[item]! + 1]!++
  for (let bucket = 0; bucket < buckets; bucket++) starts[bucket + 1]! += starts[bucket]!
  const sorted = new Uint32Array(order.length)
  for (const item of order) sorted[starts[bucketOf[item]!]!++] = item
  return sorted
}

/** Whether `text` between `from` and `to` is spaces and tabs only, at least one (punctuation ends a phrase). */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at)
    if (code !== 32 && code !== 9) return false
  }
  return true
}

/** A phrase's count over some articles: `sight` orders the phrases as first seen, `spelling` is its first one when not `key`. */
export type PhraseCount = { key: string; count: number; sight: number; spelling?: string }

/**
 * The phrases kept of the corpus's (each phrase once, its count over the whole corpus, in any order): in at least
 * `PHRASE_MIN_ARTICLES` articles, the `PHRASES_KEPT` most frequent, most frequent first, then in text order, then
 * as first seen. Only the phrases as frequent as the `PHRASES_KEPT`th so far are held, grouped by count.
 */
export function keptPhrases(phrases: Iterable<PhraseCount>): { text: string; count: number }[] {
  const byCount = new Map<number, PhraseCount[]>()
  let held = 0
  // Phrases less frequent than `floor` cannot be kept; `least` is the smallest count held.
  let floor = PHRASE_MIN_ARTICLES
  let least = Infinity
  for (const phrase of phrases) {
    if (phrase.count < floor) continue
    const group = byCount.get(phrase.count)
    if (group) group.push(phrase)
    else byCount.set(phrase.count, [phrase])
    held++
    least = Math.min(least, phrase.count)
    // The least frequent group goes once the others hold PHRASES_KEPT without it: none of it can be kept.
    while (held - byCount.get(least)!.length >= PHRASES_KEPT) {
      held -= byCount.get(least)!.length
      byCount.delete(least)
      floor = least + 1
      least = Math.min(...byCount.keys())
    }
  }
  // The same order as `localeCompare`, with one collator made once rather than one per comparison.
  const collator = new Intl.Collator()
  return [...byCount.values()]
    .flat()
    .map(({ key, count, sight, spelling }) => ({ text: spelling ?? key, count, sight }))
    .sort((a, b) => b.count - a.count || collator.compare(a.text, b.text) || a.sight - b.sight)
    .slice(0, PHRASES_KEPT)
    .map(({ text, count }) => ({ text, count }))
}

/** One name of the suggestion index: an entity's, a phrase's or a title's (with its article's id). */
export type Named = { text: string; kind: SuggestionKind; count: number; id?: string }

/** The suggestion index unpacked (once per isolate, on the first suggestion), with the lexicon and index it completes from. */
export class SuggestIndex {
  private readonly kinds: Uint32Array
  private readonly texts: readonly string[]
  private readonly counts: Uint32Array
  private readonly phraseTexts: readonly string[]
  private readonly phraseCounts: Uint32Array
  /** One string, as the lexicon's (see JoinedWords): the names' words of a shard of 10,000 were 40,000 strings. */
  private readonly words: JoinedWords
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
    this.phraseTexts = stored.phrases.texts
    this.phraseCounts = unpackNumbers(stored.phrases.counts)
    this.words = new JoinedWords(stored.words)
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
    for (let w = start; w < end; w++) if (!exact || this.words.at(w) === prefix) words.push(w)
    const found: number[] = []
    for (const w of inTreeOrder(words, this.ranks)) for (let at = this.starts[w]!; at < this.starts[w + 1]!; at++) found.push(this.names[at]!)
    return found
  }

  /** A word's rank (a shard's words are ranked as the whole corpus's: src/bundle/shard-suggestions.ts); undefined for a word not in the index. */
  rankOf(word: string): number | undefined {
    return this.ranks[indexOf(this.words, word)]
  }

  named(name: number): Named {
    if (name < this.texts.length) return { text: this.texts[name]!, kind: ENTITY_KINDS[this.kinds[name]!]!, count: this.counts[name]! }
    const phrase = name - this.texts.length
    if (phrase < this.phraseTexts.length) return { text: this.phraseTexts[phrase]!, kind: 'phrase', count: this.phraseCounts[phrase]! }
    const doc = phrase - this.phraseTexts.length
    return { text: this.titles[doc]!, kind: 'title', count: 1, id: this.ids[doc]! }
  }

  /** The most frequent corpus words that start with `prefix` (and are longer). */
  completionsOf(prefix: string): LexiconEntry[] {
    const cached = this.completions.get(prefix)
    if (cached) return cached
    const ranked = this.lexicon
      .longer(prefix)
      .sort((a, b) => b.documents - a.documents || a.display.localeCompare(b.display))
      .slice(0, COMPLETIONS_KEPT)
    if (this.completions.size >= COMPLETIONS_CACHED) this.completions.clear()
    this.completions.set(prefix, ranked)
    return ranked
  }

  /** How many articles have every one of the `context` terms, and `word` too when given. */
  articlesWith(context: readonly string[], word?: string): number {
    const term = word === undefined ? undefined : processTerm(word)
    if (term === null) return 0
    return this.index.search({ combineWith: 'AND', queries: term === undefined ? [...context] : [...context, term] }, BASE_SEARCH_OPTIONS).length
  }

  /** What share of all articles have every one of the `context` terms. */
  shareWith(context: readonly string[]): number {
    return this.articlesWith(context) / Math.max(1, this.index.documentCount)
  }
}

/**
 * After other words, a completed word is offered only when at least this
 * share of the articles that have it have the other words too, and that
 * share is `LIFT` times the share of all articles that have them: a word
 * that belongs with them, not one frequent everywhere (after a word as
 * common as "world", most words pass the first test alone).
 */
const ASSOCIATION = 0.75
const LIFT = 2

/**
 * Whether a completed word belongs with the typed words: `together` of its
 * `documents` articles have them, and `contextShare` of all articles do.
 */
export function belongsWith(together: number, documents: number, contextShare: number): boolean {
  const share = together / Math.max(1, documents)
  return share >= ASSOCIATION && share >= LIFT * contextShare
}

const COMPLETIONS_CACHED = 5_000
export const COMPLETIONS_KEPT = 50

/**
 * Completions for what the user has typed so far: entity names that have
 * every typed word (the last one as a prefix); corpus phrases that continue
 * the typed words ("Trump im" → "Trump impeachment", "hong k" → "Hong Kong");
 * titles; and the last word completed by corpus words, most frequent first.
 * After other words, a completion must be a phrase that continues them; only
 * when none is, a word most of whose articles have them ("pakistan quet"
 * → "pakistan quetta"), never merely a frequent word ("Trump important",
 * "world called"), the most articles together first.
 */
export function suggest(index: SuggestIndex, q: string, limit: number): Suggestion[] {
  const candidates = completionCandidates(index, q)
  if (!candidates) return []
  const { last, before, prefix, stillTyping } = candidates.typed
  const entities = candidates.entities.sort(byCount)
  const { titles } = candidates
  // After other words, only phrases that continue more than the last word.
  const phrases = candidates.phrases.filter((entry) => before.length === 0 || entry.continued > 1).sort((a, b) => b.continued - a.continued || byCount(a, b))

  const head = q.slice(0, last.start)
  const context = before.map(processTerm).filter((term): term is string => term !== null)
  let contextShare: number | undefined
  const terms: Named[] =
    stillTyping && (before.length === 0 || phrases.length === 0)
      ? index
          .completionsOf(prefix)
          .flatMap((entry): Named[] => {
            if (context.length === 0) return [{ text: head + entry.display.toLowerCase(), kind: 'term', count: entry.documents }]
            // The word must belong with the typed words: "pakistan quet" → "quetta", never "world c" → "called".
            // Both counts by index term ("current" and "currently" are one), so the share compares like with like.
            const together = index.articlesWith(context, entry.display)
            return belongsWith(together, index.articlesWith([], entry.display), (contextShare ??= index.shareWith(context)))
              ? [{ text: head + entry.display.toLowerCase(), kind: 'term', count: together }]
              : []
          })
          .sort(byCount)
      : []

  // Entities first, then a share of phrases and of word completions, then titles, then the others.
  const share = Math.ceil(limit / 2)
  const seen = new Set<string>()
  const suggestions: Suggestion[] = []
  for (const entry of [...entities, ...phrases.slice(0, share), ...terms.slice(0, share), ...titles, ...phrases.slice(share), ...terms.slice(share)]) {
    const key = `${entry.kind === 'title' ? 'title' : 'text'}:${normalizeWord(entry.text)}`
    if (seen.has(key)) continue
    seen.add(key)
    suggestions.push({ text: entry.text, kind: entry.kind, count: entry.count, ...(entry.id ? { id: entry.id } : {}) })
    if (suggestions.length === limit) break
  }
  return suggestions
}

/** What has been typed, read for completion: the words before the last (normalised), the last one, and whether it is still being typed. */
export type TypedWords = { last: Token; before: string[]; prefix: string; stillTyping: boolean }

/**
 * Suggest's candidate step, before any cut: the entity names and titles that have every typed word (the last as a
 * word, or while being typed a word's start), and the corpus phrases that continue the typed words, each with what
 * the search box should hold and how many typed words it continues; `undefined` when nothing is typed. `suggest`
 * ranks and cuts these; a shard hands them to the sharded front, which cuts the shards' together.
 */
export function completionCandidates(
  index: SuggestIndex,
  q: string,
): { typed: TypedWords; entities: Named[]; titles: Named[]; phrases: (Named & { continued: number })[] } | undefined {
  const tokens = [...tokensWithOffsets(q)]
  const last = tokens.at(-1)
  if (!last) return undefined
  const before = tokens.slice(0, -1).map((token) => normalizeWord(token.text))
  const prefix = normalizeWord(last.text)
  const stillTyping = last.end === q.length
  const typed = [...before, prefix]

  const found = new Set<number>()
  const phrases: (Named & { continued: number })[] = []
  for (const name of index.namesWith(prefix, !stillTyping)) {
    if (found.has(name)) continue
    found.add(name)
    const entry = index.named(name)
    if (entry.kind !== 'phrase') continue
    const continued = continuedWords(tokenize(entry.text).map(normalizeWord), typed, stillTyping)
    if (continued > 0) phrases.push({ ...entry, text: q.slice(0, tokens[typed.length - continued]!.start) + entry.text, continued })
  }
  const named = [...found].map((name) => index.named(name)).filter((entry) => entry.kind !== 'phrase' && hasWords(entry.text, before))
  return {
    typed: { last, before, prefix, stillTyping },
    entities: named.filter((entry) => entry.kind !== 'title'),
    titles: named.filter((entry) => entry.kind === 'title'),
    phrases,
  }
}

/** Each normalised word of the names (entities, phrases, titles) -> the names that have it, in name order. */
export function namesByWord(texts: readonly string[]): Map<string, number[]> {
  const byWord = new Map<string, number[]>()
  texts.forEach((text, name) => {
    for (const word of new Set(tokenize(text).map(normalizeWord))) {
      const list = byWord.get(word)
      if (list) list.push(name)
      else byWord.set(word, [name])
    }
  })
  return byWord
}

/**
 * How many of the typed words the phrase continues: the longest tail of them
 * that its first words are (the last typed word as a prefix while still being
 * typed), when the phrase adds something; 0 when it continues none.
 */
export function continuedWords(phrase: readonly string[], typed: readonly string[], stillTyping: boolean): number {
  for (let from = Math.max(0, typed.length - phrase.length); from < typed.length; from++) {
    const tail = typed.slice(from)
    const end = tail.length - 1
    const fits = tail.every((word, i) => (i === end && stillTyping ? phrase[i]!.startsWith(word) : phrase[i] === word))
    if (fits && (phrase.length > tail.length || phrase[end] !== tail[end])) return tail.length
  }
  return 0
}

const byCount = (a: Named, b: Named) => b.count - a.count || a.text.localeCompare(b.text)

/** Whether `text` has every word of `words` (normalised) as a word or a word's start. */
export function hasWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const own = tokenize(text).map(normalizeWord)
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)))
}
