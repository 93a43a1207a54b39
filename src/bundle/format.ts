import { storeRegistry } from '../corpus-services/registry-build'
import { storeFactTable } from '../corpus-services/fact-catalog'
import { storeTables, type LookupReader, type OpenedTables } from '../search/tables/corpus-tables'
import type { StoredArticle } from '../article'
import type { ShownArticle } from '../search/context'
import { shardSuggestions } from './shard-suggestions'
import { suggestionSheet, type StoredSuggestions } from '../search/suggest'
import type { Bundle } from './types'

/**
 * Articles per pack. A request reads whole packs (the assets binding serves no
 * byte ranges), so a search page's ten hits cost up to ten packs: small packs
 * keep that cheap (8 articles, ~70 KB on the shipped corpus), and past 80,000
 * articles packs grow so the files stay within 10,000 of the 20,000 a Worker may upload.
 */
export const MIN_PACK_SIZE = 8
export const MAX_PACKS = 10_000

export function packSizeFor(articles: number): number {
  return Math.max(MIN_PACK_SIZE, Math.ceil(articles / MAX_PACKS))
}

/** Part of every bundle version: change it whenever what the build writes is laid out differently, so old assets are never reused. */
export const FORMAT = 'packs-6'

/** The corpus tables come last, so opening a bundle does not parse them: the first search does. */
const TABLES_KEY = ',"tables":{"search":'
/** How every bundle's module starts. */
const VERSION_KEY = '{"version":'
/** Their second part (see corpus-tables.ts) is parsed only when a request needs it; no key inside the first part has this name. */
const LOOKUP_KEY = ',"lookup":'

export type BundleHeader = Omit<Bundle, 'tables'>

/** What one build writes: the Worker's module text and its static assets (name → text), named after the version. */
export type BundleFiles = { text: string; assets: Map<string, string> }

/** The assets of one version live under one folder, so a build can swap them in whole (see scripts/build-index.ts). A pack is its articles' records (`packRecord`) one after another. */
export function packAsset(version: string, pack: number): string {
  return `${version}/${String(pack).padStart(4, '0')}.txt`
}

/** Part `part` of the facts table's JSON text (the parts joined are the JSON). */
export function factsAsset(version: string, part: number): string {
  return `${version}/facts-${part}.txt`
}

/** Part `part` of the entity registry's JSON text (see entity-registry.ts; the parts joined are the JSON): read on the first request about entities. */
export function entitiesAsset(version: string, part: number): string {
  return `${version}/entities-${part}.txt`
}

/**
 * UTF-16 units of the facts table or the entity registry per asset: at most 3
 * bytes each in UTF-8, so a part stays under 12 MiB, well within the 25 MiB
 * asset limit (the facts table is about 0.9 KB an article, the registry 2.5–3.5
 * KB: one part up to ~4,500 or ~1,200 articles).
 */
export const PART_UNITS = 4 * 1024 * 1024

/**
 * `entities`: the registry's JSON when the caller has it already (the build hashes it into the version), or
 * `null` for none in the bundle's assets (a shard's part of the registry changes with the whole corpus, so its
 * build writes it under the build's own folder: `entityAssets`);
 * `corpusSuggestions`: the whole corpus's suggestion index, when `articles` are one shard's (see `shardSuggestions`);
 * `suggestionsApart`: the suggestion index left out (`null` in its place), for a shard whose build writes it as a
 * module of its own (it depends on the whole corpus, the rest of the bundle on the shard's articles alone).
 */
export type Layout = {
  packSize?: number
  partUnits?: number
  entities?: string | null
  corpusSuggestions?: StoredSuggestions
  suggestionsApart?: boolean
}

/** The module text (valid JSON: a `Bundle`) and the article packs (records of `packRecord`), laid out so an article is read alone. */
export function serializeBundle(
  header: Omit<BundleHeader, 'articleOffsets' | 'packSize' | 'factParts' | 'entityParts'>,
  articles: readonly StoredArticle[],
  { packSize = packSizeFor(articles.length), partUnits = PART_UNITS, entities, corpusSuggestions, suggestionsApart = false }: Layout = {},
): BundleFiles {
  // The loader names article i by the index's short id i: the index must hold the articles in bundle order.
  articles.forEach((article, i) => {
    if (header.index.ids[i] !== article.id) throw new Error(`serializeBundle: article ${i} is "${article.id}" but the index has "${header.index.ids[i]}" there`)
  })
  if (header.index.ids.length !== articles.length) throw new Error('serializeBundle: the index and the article list differ in length')
  const { version, builtAt, index } = header
  const assets = new Map<string, string>()
  const articleOffsets: number[] = []
  for (let first = 0; first < articles.length; first += packSize) {
    const records = articles.slice(first, first + packSize).map(packRecord)
    let offset = 0
    for (const record of records) {
      articleOffsets.push(offset)
      offset += record.length
    }
    assets.set(packAsset(version, first / packSize), records.join(''))
  }
  const factParts = cutText(JSON.stringify(storeFactTable(articles)), partUnits)
  factParts.forEach((part, i) => assets.set(factsAsset(version, i), part))
  const entityParts = entities === null ? new Map<string, string>() : entityAssets(version, entities ?? registryText(articles), partUnits)
  for (const [name, part] of entityParts) assets.set(name, part)
  const head = JSON.stringify({
    version,
    builtAt,
    index,
    packSize,
    factParts: factParts.length,
    entityParts: entityParts.size,
    articleOffsets,
  } satisfies BundleHeader)
  const tables = storeTables(
    articles,
    suggestionsApart ? () => NO_SUGGESTIONS : corpusSuggestions && (() => shardSuggestions(suggestionSheet(articles), corpusSuggestions)),
  )
  const lookup = suggestionsApart ? { ...tables.lookup, suggestions: null } : tables.lookup
  return { text: `${head.slice(0, -1)}${TABLES_KEY}${JSON.stringify(tables.search)}${LOOKUP_KEY}${JSON.stringify(lookup)}}}`, assets }
}

/** Stands in for a suggestion index the bundle leaves out (`suggestionsApart`): never written, never read. */
const NO_SUGGESTIONS = {} as StoredSuggestions

/** The entity registry's (or a shard's part's) JSON text cut into assets under `version`'s folder, in order. */
export function entityAssets(version: string, entities: string, partUnits = PART_UNITS): Map<string, string> {
  return new Map(cutText(entities, partUnits).map((part, i) => [entitiesAsset(version, i), part]))
}

/**
 * The entity registry's asset text. Its merging rules are code, not content:
 * the build puts this text into the version, so a change to the rules makes a
 * new assets folder instead of reusing the old one.
 */
export function registryText(articles: readonly StoredArticle[]): string {
  return JSON.stringify(storeRegistry(articles))
}

/** `text` in pieces of at most `units` UTF-16 units, never between the two halves of a surrogate pair (each piece is written as UTF-8 on its own). */
function cutText(text: string, units: number): string[] {
  const parts: string[] = []
  for (let start = 0; start < text.length || parts.length === 0;) {
    let end = Math.min(text.length, start + units)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    parts.push(text.slice(start, end))
    start = end
  }
  return parts
}

export type ParsedBundle = {
  header: BundleHeader
  /** The per-article tables searching needs (see corpus-tables.ts), parsed when asked for (their lookup part later still). */
  tables(): OpenedTables
}

/**
 * A bundle's module as the Worker holds it: its UTF-8 bytes (a Data module, held outside the JS heap, of which
 * each part is decoded only while it is parsed), or its text (Node's tools read the file as text). As a Text
 * module the whole text stayed in the heap for the isolate's life, at two bytes a character as soon as one
 * character of the corpus is not Latin-1: 21 MB for a shard of 10,000 articles whose file is 10.7 MB.
 */
export type BundleModule = string | Uint8Array

/** Where `key` (ASCII) starts in `module` at or after `from`, or -1. */
function keyAt(module: BundleModule, key: string, from = 0): number {
  if (typeof module === 'string') return module.indexOf(key, from)
  const first = key.charCodeAt(0)
  for (let at = module.indexOf(first, from); at !== -1; at = module.indexOf(first, at + 1)) {
    let i = 1
    while (i < key.length && module[at + i] === key.charCodeAt(i)) i++
    if (i === key.length) return at
  }
  return -1
}

const utf8 = new TextDecoder()

/** The module's text from `start` to `end` (key boundaries, which are ASCII, so never inside a character). */
function textOf(module: BundleModule, start: number, end: number): string {
  return typeof module === 'string' ? module.slice(start, end) : utf8.decode(module.subarray(start, end))
}

/** A module that holds one JSON document (a shard's suggestions module), parsed. */
export function parseModule<T>(module: BundleModule): T {
  return JSON.parse(textOf(module, 0, module.length)) as T
}

/** Parses the header of a bundle's module; the tables are parsed on demand. */
export function parseBundle(module: BundleModule): ParsedBundle {
  const boundary = keyAt(module, TABLES_KEY)
  if (boundary === -1 || textOf(module, 0, VERSION_KEY.length) !== VERSION_KEY)
    throw new Error('The search bundle has no corpus tables: rebuild it with npm run build.')
  const header = JSON.parse(`${textOf(module, 0, boundary)}}`) as BundleHeader
  if (!Array.isArray(header.articleOffsets) || header.articleOffsets.length !== header.index.ids.length) {
    throw new Error('The search bundle is from an older build (articles inside the module): rebuild it with npm run build.')
  }
  return {
    header,
    tables: () => {
      const start = boundary + TABLES_KEY.length
      const lookupAt = keyAt(module, LOOKUP_KEY, start)
      return {
        search: JSON.parse(textOf(module, start, lookupAt)) as OpenedTables['search'],
        lookup: lookupReader(module, lookupAt + LOOKUP_KEY.length),
      }
    },
  }
}

/**
 * The lookup part's tables in the order `storeTables` writes them, each key with the comma before it (the first
 * with the brace): no JSON string can hold one, since a string's quotes are escaped, so the first match after
 * the table before is the key.
 */
const LOOKUP_KEYS = { titles: '{"titles":', urls: ',"urls":', lexicon: ',"lexicon":', suggestions: ',"suggestions":' }

/**
 * The lookup part (from `start` to the module's last two closing braces), each table parsed apart when asked
 * for: every search reads the lexicon, while titles, urls and the suggestion index (9 of the lookup part's
 * 11.5 MiB of heap in a shard of 10,000 articles) wait for a request that needs them.
 */
function lookupReader(module: BundleModule, start: number): LookupReader {
  const end = module.length - 3
  const at = (key: string, from: number) => {
    const found = keyAt(module, key, from)
    if (found === -1 || found > end) throw new Error("The search bundle's lookup tables are laid out differently: rebuild it with npm run build.")
    return found
  }
  const titlesAt = at(LOOKUP_KEYS.titles, start)
  const urlsAt = at(LOOKUP_KEYS.urls, titlesAt)
  const lexiconAt = at(LOOKUP_KEYS.lexicon, urlsAt)
  const suggestionsAt = at(LOOKUP_KEYS.suggestions, lexiconAt)
  const parse = <T>(from: number, to: number) => JSON.parse(textOf(module, from, to)) as T
  return {
    titles: () => parse(titlesAt + LOOKUP_KEYS.titles.length, urlsAt),
    urls: () => parse(urlsAt + LOOKUP_KEYS.urls.length, lexiconAt),
    lexicon: () => parse(lexiconAt + LOOKUP_KEYS.lexicon.length, suggestionsAt),
    suggestions: () => parse(suggestionsAt + LOOKUP_KEYS.suggestions.length, end),
  }
}

/**
 * One article's record in its pack: the lengths (UTF-16 units, in decimal) of its title, link, date, text and
 * JSON, each followed by a comma but the last by a colon (a link or date the article lacks: no digits), then
 * those four members as they are, then the article's JSON with its text member empty (kept in place, so the
 * article read whole has its members in the order the build wrote them). A search hit reads its members
 * as slices of the pack (`shownInPack`) without parsing JSON: V8 makes a slice of 13 or more units a view of
 * the pack, where `JSON.parse` copied each text (a page of ten long articles was some 80 KiB of copies).
 */
export function packRecord(article: StoredArticle): string {
  const { title, url = '', date = '', text } = article
  const json = JSON.stringify({ ...article, text: '' })
  const lengths = `${title.length},${article.url === undefined ? '' : url.length},${article.date === undefined ? '' : date.length},${text.length},${json.length}:`
  return `${lengths}${title}${url}${date}${text}${json}`
}

/** A record's member lengths (title, link, date, text, JSON; -1 for a member it lacks), read anew for each record: one array per isolate. */
const LENGTHS = new Int32Array(5)
const COLON = 58
const COMMA = 44
const ZERO = 48

/** Reads article i's record's lengths into `LENGTHS`; returns where its members start in `packText`. */
function readLengths(header: BundleHeader, packText: string, i: number): number {
  let at = header.articleOffsets[i]!
  for (let member = 0; member < LENGTHS.length; member++) {
    let length = -1
    for (let unit = packText.charCodeAt(at); unit !== COMMA && unit !== COLON; unit = packText.charCodeAt(++at)) {
      if (unit - ZERO < 0 || unit - ZERO > 9) throw new SyntaxError('An article pack of the bundle is laid out differently: rebuild it with npm run build.')
      length = (length === -1 ? 0 : length * 10) + unit - ZERO
    }
    LENGTHS[member] = length
    at++
  }
  return at
}

/** What a search hit shows of article i (whose id is `id`), as slices of its pack's text. */
export function shownInPack(header: BundleHeader, packText: string, i: number, id: string): ShownArticle {
  const start = readLengths(header, packText, i)
  const titleEnd = start + LENGTHS[0]!
  const urlEnd = titleEnd + Math.max(0, LENGTHS[1]!)
  const dateEnd = urlEnd + Math.max(0, LENGTHS[2]!)
  const shown: ShownArticle = { id, title: packText.slice(start, titleEnd), text: packText.slice(dateEnd, dateEnd + LENGTHS[3]!) }
  if (LENGTHS[1] !== -1) shown.url = packText.slice(titleEnd, urlEnd)
  if (LENGTHS[2] !== -1) shown.date = packText.slice(urlEnd, dateEnd)
  return shown
}

/** Article i whole, read from its pack's text: its JSON parsed, its text put back in its member. */
export function articleInPack(header: BundleHeader, packText: string, i: number): StoredArticle {
  const start = readLengths(header, packText, i)
  const textStart = start + LENGTHS[0]! + Math.max(0, LENGTHS[1]!) + Math.max(0, LENGTHS[2]!)
  const jsonStart = textStart + LENGTHS[3]!
  const article = JSON.parse(packText.slice(jsonStart, jsonStart + LENGTHS[4]!)) as StoredArticle
  article.text = packText.slice(textStart, jsonStart)
  return article
}
