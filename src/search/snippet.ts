import { WeightedLru } from '../lru'
import { isSpace } from '../text/whitespace'
import { normalizeWord, processTerm } from './terms'

/** A highlight: `text.slice(start, end)` is a matched word or phrase of the string it indexes. */
export type Range = { start: number; end: number }

const WINDOW = 200
/** The pattern source the cache of finders keeps at most (`FINDERS`): a page's is 10–120 characters at 5,000 synthetic articles. */
const FINDER_CACHE_UNITS = 200_000
const ELLIPSIS = '…'

/**
 * Where `text` matches: every word whose index term is in `terms` (the
 * document terms the query matched, so stems, prefixes, typos and synonyms
 * all count) and every occurrence of a quoted phrase; sorted, overlaps merged.
 * Accented or not, a word highlights when its term matched ("gdansk"
 * highlights "Gdańsk").
 */
export function findMatches(text: string, terms: ReadonlySet<string>, phrases: readonly RegExp[] = [], candidates = candidateWords(terms)): Range[] {
  return matchesOf(text, terms, phrases, candidates)
}

/** `findMatches` with the words' test and their candidates given (a page's, shared by its hits: `candidateWords`). */
export function matchesOf(text: string, terms: TermTest, phrases: readonly RegExp[], candidates: CandidateWords | undefined): Range[] {
  return MATCHES.found(text, terms, phrases, candidates).toRanges()
}

/** What `findMatches` asks of the matched terms: a Set, or a page's shared table (no set per hit). */
export type TermTest = { has(term: string): boolean }

/**
 * A list of ranges in two typed arrays, grown as needed: the matches of a
 * text before they are cut to the snippet's window, without an object per
 * match (a common word matches hundreds of times in a long article, and only
 * the few inside the window are answered). `MATCHES` and `ANCHORS` are scratch
 * shared by the isolate's searches, filled and read within one synchronous
 * call (`findMatches`, `snippetOf`, `makeSnippet`).
 */
class RangeList {
  starts = new Int32Array(256)
  ends = new Int32Array(256)
  length = 0

  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      const starts = new Int32Array(2 * this.length)
      const ends = new Int32Array(2 * this.length)
      starts.set(this.starts)
      ends.set(this.ends)
      this.starts = starts
      this.ends = ends
    }
    this.starts[this.length] = start
    this.ends[this.length++] = end
  }

  /** Cleared, then the words of `text` whose term is in `terms` and the phrases' occurrences, sorted and merged (`merge`). */
  found(text: string, terms: TermTest, phrases: readonly RegExp[], candidates: CandidateWords | undefined): this {
    this.length = 0
    if (candidates) scanWords(text, terms, candidates, this)
    for (const phrase of phrases) {
      for (const match of text.matchAll(phrase)) this.push(match.index, match.index + match[0].length)
    }
    this.merge()
    return this
  }

  /** Cleared, then `ranges` as they are. */
  from(ranges: readonly Range[]): this {
    this.length = 0
    for (const range of ranges) this.push(range.start, range.end)
    return this
  }

  /**
   * Sorted by start (stable: ranges of one start keep their order) and merged
   * where they overlap or touch. Words are found in text order but for the
   * few whose head is accented (`findWords`' second search), and phrases
   * add ranges out of order, so the sort is an insertion sort, which does
   * nothing on a sorted list.
   */
  merge(): void {
    const { starts, ends } = this
    for (let i = 1; i < this.length; i++) {
      const start = starts[i]!
      const end = ends[i]!
      let at = i
      for (; at > 0 && starts[at - 1]! > start; at--) {
        starts[at] = starts[at - 1]!
        ends[at] = ends[at - 1]!
      }
      starts[at] = start
      ends[at] = end
    }
    let merged = 0
    for (let i = 0; i < this.length; i++) {
      if (merged > 0 && starts[i]! <= ends[merged - 1]!) ends[merged - 1] = Math.max(ends[merged - 1]!, ends[i]!)
      else {
        starts[merged] = starts[i]!
        ends[merged++] = ends[i]!
      }
    }
    this.length = merged
  }

  toRanges(): Range[] {
    // Of its length: an empty array grown by `push` takes room for 17.
    const ranges = new Array<Range>(this.length)
    for (let i = 0; i < this.length; i++) ranges[i] = { start: this.starts[i]!, end: this.ends[i]! }
    return ranges
  }
}

const MATCHES = new RangeList()
const ANCHORS = new RangeList()

/**
 * A hit's snippet (`makeSnippet`) of the words of `text` whose term is in
 * `terms` and of the phrases' occurrences (`findMatches`), the phrases
 * choosing the passage when there are any: the matches are kept in scratch,
 * and only the highlights inside the passage are made as objects.
 */
export function snippetOf(text: string, terms: TermTest, phrases: readonly RegExp[], candidates: CandidateWords | undefined): Snippet {
  const anchors = phrases.length > 0 ? ANCHORS.found(text, NO_TERMS, phrases, undefined) : undefined
  return snippetOver(text, MATCHES.found(text, terms, phrases, candidates), anchors)
}

const NO_TERMS: TermTest = new Set<string>()

/**
 * Adds to `ranges` each word of `text` (a run of letters, marks and digits,
 * as `INDEX_WORD` in src/text/tokens.ts cuts it) that begins like one of the candidates' term starts
 * (case and accents aside) and whose index term is in `terms`. One pass over
 * the text's characters: no match objects, no iterator, no folded copy of the
 * text (only a word's first few letters are folded, and only when accented),
 * where a global regular expression over a folded copy made all three per hit.
 */
function scanWords(text: string, terms: TermTest, candidates: CandidateWords, ranges: RangeList): void {
  if (candidates.finder) return findWords(text, terms, candidates, candidates.finder, ranges)
  const { asciiFirst } = candidates
  const length = text.length
  let at = 0
  while (at < length) {
    // Most of a text is ASCII: its units are read by `charCodeAt` and a table, no code point is assembled, and a word
    // whose first letter begins no candidate is passed over without its end being looked up twice.
    const unit = text.charCodeAt(at)
    let width = 1
    if (unit < 128) {
      if (ASCII_WORD[unit] === 0) {
        at++
        continue
      }
      if (asciiFirst[unit] === 0) {
        at = wordEnd(text, at + 1)
        continue
      }
    } else {
      const code = text.codePointAt(at)!
      width = code > 0xffff ? 2 : 1
      if (!isWordCode(text, at, code)) {
        at += width
        continue
      }
    }
    const start = at
    at = wordEnd(text, at + width)
    if (!beginsWithStart(text, start, at, candidates)) continue
    const term = processTerm(text.slice(start, at))
    if (term !== null && terms.has(term)) ranges.push(start, at)
  }
}

/**
 * `scanWords` for starts of ASCII letters and digits only, in two searches that skip ahead as the regular expression
 * engine does, where the loop read every unit. The first finds the words that begin with a start in ASCII letters and
 * digits (`WordFinder`: most words); the second, every letter beyond ASCII that reads as an ASCII one (`FOLDED_LETTER`:
 * accented, the Kelvin sign, the long s), and the word it is in when it lies within the word's first `MAX_START`
 * units, which `beginsWithStart` reads. Only the words found are read, by the loop's own tests. A word both find
 * (an ASCII start that a longer start's accented letter follows) is added twice and merged into one range.
 */
function findWords(text: string, terms: TermTest, candidates: CandidateWords, finder: WordFinder, ranges: RangeList): void {
  const { pattern, headLength } = finder
  pattern.lastIndex = 0
  // `test`, not `exec`: no match array per place found. A place's units are ASCII letters and digits, so it lies
  // inside one word; in the middle of a word, the search goes on after that word.
  while (pattern.test(text)) {
    const start = pattern.lastIndex - headLength
    if (start > 0 && endsWord(text, start)) {
      pattern.lastIndex = wordEnd(text, start)
      continue
    }
    const end = wordEnd(text, start + 1)
    pattern.lastIndex = end
    addIfMatched(text, start, end, terms, candidates, ranges)
  }
  const folded = FOLDED_LETTER
  folded.lastIndex = 0
  while (folded.test(text)) {
    const at = folded.lastIndex - 1
    const unit = text.charCodeAt(at)
    // The class is wider than the word characters read as ASCII letters (× and ÷ are in its first block).
    if (!isWordCode(text, at, unit) || (BASE_LETTER_CODE[unit] === 0 && unit !== 0x212a && unit !== 0x17f)) continue
    const end = wordEnd(text, at + 1)
    folded.lastIndex = end
    const start = wordStartWithin(text, at, MAX_START - 1)
    if (start !== -1) addIfMatched(text, start, end, terms, candidates, ranges)
  }
}

/** Letters of the Latin blocks beyond ASCII, the Kelvin sign and the long s: a superset of those `beginsWithStart` reads as ASCII letters. */
const FOLDED_LETTER = /[À-ɏḀ-ỿKſ]/g

/** The longest term start (`candidateWords`): the units of a word's head that `beginsWithStart` reads. */
const MAX_START = 4

/** Adds the word `text[start, end)` to `ranges` if it begins with a candidate start and its index term is in `terms`. */
function addIfMatched(text: string, start: number, end: number, terms: TermTest, candidates: CandidateWords, ranges: RangeList): void {
  if (!beginsWithStart(text, start, end, candidates)) return
  const term = processTerm(text.slice(start, end))
  if (term !== null && terms.has(term)) ranges.push(start, end)
}

/** Where the word that the word character `text[at]` is part of begins, if at most `within` units before `at`; otherwise -1. */
function wordStartWithin(text: string, at: number, within: number): number {
  let start = at
  while (start > 0 && endsWord(text, start)) {
    const unit = text.charCodeAt(start - 1)
    start -= unit >= 0xdc00 && unit <= 0xdfff && start >= 2 && (text.charCodeAt(start - 2) & 0xfc00) === 0xd800 ? 2 : 1
    if (at - start > within) return -1
  }
  return start
}

/** Whether the code point before `text[at]` is a word character (`isWordCode`), so that `at` is inside a word, not at its start. */
function endsWord(text: string, at: number): boolean {
  const unit = text.charCodeAt(at - 1)
  if (unit < 128) return ASCII_WORD[unit] === 1
  // A low surrogate after a high one: the code point before `at` is their pair.
  const before = unit >= 0xdc00 && unit <= 0xdfff && at >= 2 && (text.charCodeAt(at - 2) & 0xfc00) === 0xd800 ? at - 2 : at - 1
  return isWordCode(text, before, text.codePointAt(before)!)
}

/** Where the word going on at `text[at]` ends: the first unit from `at` that does not continue it (`isWordCode`), ASCII units by the table alone. */
function wordEnd(text: string, at: number): number {
  const length = text.length
  while (at < length) {
    const unit = text.charCodeAt(at)
    if (unit < 128) {
      if (ASCII_WORD[unit] === 0) return at
      at++
      continue
    }
    const code = text.codePointAt(at)!
    if (!isWordCode(text, at, code)) return at
    at += code > 0xffff ? 2 : 1
  }
  return at
}

/** Whether the code point `code` at `text[at]` is a letter, a mark or a digit (`\p{L}\p{M}\p{N}`): a table for the Basic Multilingual Plane, filled as met. */
function isWordCode(text: string, at: number, code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1
  if (code > 0xffff) {
    WORD_CODE.lastIndex = at
    return WORD_CODE.test(text)
  }
  let known = BMP_WORD[code]!
  if (known === 0) BMP_WORD[code] = known = WORD_CODE_ALONE.test(String.fromCharCode(code)) ? 1 : 2
  return known === 1
}

const WORD_CODE = /[\p{L}\p{M}\p{N}]/uy
const WORD_CODE_ALONE = /^[\p{L}\p{M}\p{N}]$/u
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => (WORD_CODE_ALONE.test(String.fromCharCode(code)) ? 1 : 0))
/** Per code unit of the Basic Multilingual Plane: 0 not yet known, 1 a word character, 2 not (lone surrogates are not). */
const BMP_WORD = new Uint8Array(0x10000)

/**
 * Whether the word `text[start, end)` begins with one of the candidates'
 * starts (case-insensitive), as read in its accent-folded form
 * (`withoutAccents`). A start is at most four code points: a head of ASCII
 * letters and digits, or of accented letters that fold to them (nearly every
 * word of an English text), is read unit by unit into a number and looked up
 * in `asciiStarts`, without a string or a pattern; any other head (another
 * script's word) is tested with the pattern of every start, compiled when
 * first needed, and only when some start could match it.
 */
function beginsWithStart(text: string, start: number, end: number, candidates: CandidateWords): boolean {
  const head = Math.min(end, start + MAX_START)
  let code = 0
  let scale = 1
  for (let i = start; i < head; i++) {
    let unit = text.charCodeAt(i)
    if (unit >= 128) unit = BASE_LETTER_CODE[unit]!
    else if (unit >= 65 && unit <= 90) unit += 32
    if (unit === 0) {
      // Every shorter start was looked up; a longer one matches here only if it has such characters too, or, for a start
      // of ASCII letters, by the pattern's case folding (the Kelvin sign reads as "k", the long s as "s").
      const read = text.charCodeAt(i)
      return (candidates.otherStarts || read === 0x212a || read === 0x17f) && beginsWithPattern(text, start, end, candidates.pattern())
    }
    code += unit * scale
    scale *= 128
    if (candidates.asciiStarts.has(code)) return true
  }
  return false
}

/** `beginsWithStart` by the pattern of every start (sticky, case-insensitive): only the word's first eight code units are read, folded when one is accented. */
function beginsWithPattern(text: string, start: number, end: number, starts: RegExp): boolean {
  const head = Math.min(end, start + 8)
  for (let i = start; i < head; i++) {
    if (BASE_LETTER_CODE[text.charCodeAt(i)]) {
      starts.lastIndex = 0
      return starts.test(withoutAccents(text.slice(start, head)))
    }
  }
  starts.lastIndex = start
  return starts.test(text)
}

/** A start of ASCII letters and digits (lower case, as index terms are) as `beginsWithStart` reads a word's head: its units in base 128, first unit lowest; -1 for any other. */
function asciiCode(start: string): number {
  let code = 0
  let scale = 1
  for (let i = 0; i < start.length; i++) {
    const unit = start.charCodeAt(i)
    if (unit >= 128 || (unit >= 65 && unit <= 90)) return -1
    code += unit * scale
    scale *= 128
  }
  return code
}

/**
 * The words that may stem to one of `terms`: those starting like one of them.
 * Stemming only rewrites a word's end, so the first letters of a stem (all but
 * its last, at most four) start every word it comes from. Scanning for those
 * and stemming only them is many times faster than stemming every word, and
 * looking a word's head up in a set of starts costs the same however many
 * terms there are (a prefix's or a close spelling's hundreds of expansions on
 * a page): build it once for all the hits of a page (from the union of their terms).
 */
export function candidateWords(terms: Iterable<string>, find = true): CandidateWords | undefined {
  const starts = new Set<string>()
  for (const term of terms) starts.add(term.length <= 2 ? term : term.slice(0, Math.min(MAX_START, term.length - 1)))
  return starts.size === 0 ? undefined : new CandidateWords(starts, find)
}

/**
 * The term starts of `candidateWords`: the starts of ASCII letters and digits
 * as numbers (`asciiCode`), and whether any start has other characters; where
 * none has, the pattern that finds where a word may begin with one (`finder`;
 * `find` false leaves it out, for a test to compare it with the loop). For the
 * loop (`scanWords`), made when first read: which ASCII characters may begin a
 * word that has one (as a case-insensitive pattern reads them), so that most
 * words are passed over on their first character; and a sticky pattern of
 * every start, for the words whose head is not read as ASCII.
 */
export class CandidateWords {
  readonly asciiStarts = new Set<number>()
  readonly otherStarts: boolean
  readonly finder: WordFinder | undefined
  private firstUnits: Uint8Array | undefined
  private startsPattern: RegExp | undefined

  constructor(
    private readonly starts: ReadonlySet<string>,
    find: boolean,
  ) {
    let otherStarts = false
    for (const start of starts) {
      const code = asciiCode(start)
      if (code !== -1) this.asciiStarts.add(code)
      else otherStarts = true
    }
    this.otherStarts = otherStarts
    this.finder = otherStarts || !find ? undefined : wordFinder(starts)
  }

  get asciiFirst(): Uint8Array {
    if (this.firstUnits) return this.firstUnits
    const first = new RegExp(`^(?:${[...this.starts].map((start) => String.fromCodePoint(start.codePointAt(0)!)).join('|')})$`, 'iu')
    return (this.firstUnits = Uint8Array.from({ length: 128 }, (_, code) => (first.test(String.fromCharCode(code)) ? 1 : 0)))
  }

  pattern(): RegExp {
    // Terms are letters and digits only, so they need no escaping.
    return (this.startsPattern ??= new RegExp(`(?:${[...this.starts].join('|')})`, 'iuy'))
  }
}

/**
 * A global pattern (no flags but `g`) of every start in ASCII letters (either case) and digits: its first
 * `headLength` units (the shortest start's length) matched, the rest of it looked ahead at, so that a place found is
 * `headLength` units long and a word's first units that begin no start are not a place. Wherever a word begins with a
 * start in ASCII units, the pattern matches there; a start read in other units (an accented letter, the Kelvin sign,
 * the long s) is `findWords`' second search's. Its classes are of ASCII units only: with a class of every unit read
 * as a letter (its accented forms, up to some fifty two-byte units a letter) the same search was 3–4 times slower a
 * character, and the two searches together are still twice as fast (V8's skipping ahead keeps a table of the units
 * that may begin a match, 128 entries for two-byte text: the accented forms fill it, and it skips little).
 */
type WordFinder = { pattern: RegExp; headLength: number }

function wordFinder(starts: ReadonlySet<string>): WordFinder | undefined {
  let headLength = MAX_START
  for (const start of starts) headLength = Math.min(headLength, start.length)
  // An empty start begins no word (the loop never finds it either).
  if (headLength === 0) return undefined
  const sorted = [...starts].sort()
  const key = sorted.join(' ')
  let finder = FINDERS.get(key)
  if (!finder) FINDERS.set(key, (finder = { pattern: new RegExp(alternatives(sorted, 0, headLength), 'g'), headLength }))
  return finder
}

/**
 * The finders of the pages searched lately, by their starts: a pattern is compiled on its first search (a new one per
 * page was most of a page's garbage beside its answer). Shared by the isolate's searches: `findWords` sets the
 * pattern's `lastIndex` and reads it within one synchronous call.
 */
const FINDERS = new WeightedLru<string, WordFinder>(FINDER_CACHE_UNITS, (finder) => finder.pattern.source.length)

/**
 * The starts (sorted, alike in their first `from` units) from unit `from` on, as a pattern that shares their common
 * units (a trie): each unit's class tried once per place. Units from `headLength` on are a lookahead. A start that
 * ends at `from` (sorted first of those alike) needs nothing more.
 */
function alternatives(starts: readonly string[], from: number, headLength: number): string {
  if (starts[0]!.length === from) return ''
  const branches: string[] = []
  for (let i = 0; i < starts.length;) {
    let next = i + 1
    while (next < starts.length && starts[next]![from] === starts[i]![from]) next++
    branches.push(unitClass(starts[i]!.charCodeAt(from)) + alternatives(starts.slice(i, next), from + 1, headLength))
    i = next
  }
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`
  return from === headLength ? `(?=${body})` : body
}

/** A start's unit in the pattern: a small ASCII letter in either case, a digit as it is. */
function unitClass(code: number): string {
  return code >= 97 && code <= 122 ? `[${String.fromCharCode(code, code - 32)}]` : String.fromCharCode(code)
}

/**
 * Index terms are folded (no accents, see `normalizeWord`), the text is not:
 * a word's beginning is compared in a copy whose precomposed accented Latin
 * letters are their base letters, one UTF-16 unit for one, so offsets are the
 * text's ("gdansk" finds "Gdańsk" to highlight). A combining mark stays and is
 * read as part of its word.
 */
function withoutAccents(text: string): string {
  return text.replace(PRECOMPOSED, (letter) => BASE_LETTER.get(letter) ?? letter)
}

const PRECOMPOSED = /[\u00c0-\u024f\u1e00-\u1eff]/g

/** Each precomposed accented letter of the Latin blocks -> its base letter (lower case; the scan ignores case). */
const BASE_LETTER: ReadonlyMap<string, string> = (() => {
  const found = new Map<string, string>()
  const add = (from: number, to: number) => {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code)
      const base = normalizeWord(char)
      if (base.length === 1 && base !== char.toLowerCase() && /^[a-z]$/.test(base)) found.set(char, base)
    }
  }
  add(0xc0, 0x24f) // Latin-1 Supplement, Latin Extended-A and -B
  add(0x1e00, 0x1eff) // Latin Extended Additional (Vietnamese and others)
  return found
})()

/** Per UTF-16 unit, the code of its base letter when `withoutAccents` changes it, else 0. */
const BASE_LETTER_CODE = (() => {
  const changed = new Uint8Array(0x10000)
  for (const [letter, base] of BASE_LETTER) changed[letter.charCodeAt(0)] = base.charCodeAt(0)
  return changed
})()

/**
 * A plain-text passage of about `WINDOW` characters around the densest
 * cluster of matches (most distinct words, then most matches), cut at word
 * boundaries, whitespace collapsed, with the highlight ranges into it.
 * `anchors` (e.g. a quoted phrase's occurrences) choose the passage when given.
 */
export function makeSnippet(text: string, matches: readonly Range[], anchors: readonly Range[] = matches): Snippet {
  return snippetOver(text, MATCHES.from(matches), anchors === matches ? undefined : ANCHORS.from(anchors))
}

export type Snippet = { snippet: string; highlights: Range[] }

/** `makeSnippet` of ranges in scratch: `anchors`, when given and not empty, choose the passage. */
function snippetOver(text: string, matches: RangeList, anchors: RangeList | undefined): Snippet {
  const chosen = anchors && anchors.length > 0 ? anchors : matches
  const window = densestWindow(text, chosen)
  const first = chosen.length === 0 ? 0 : chosen.starts[window]!
  const last = chosen.length === 0 ? 0 : chosen.ends[windowEnd]!
  const slack = Math.max(0, WINDOW - (last - first))
  let start = Math.max(0, first - Math.floor(slack / 3))
  let end = Math.min(text.length, start + WINDOW)
  if (end < last) end = last
  if (start > 0) start = nextWordStart(text, start, first)
  if (end < text.length) end = previousWordEnd(text, end, last)
  return compose(text, start, end, matches)
}

/** `densestWindow`'s last range, beside the first it returns (no pair made per snippet). */
let windowEnd = 0

/**
 * The best window of matches (most distinct words, case aside, then most
 * matches): returns its first range's index, and leaves its last's in
 * `windowEnd`; 0 and 0 without matches. Each match's word is numbered by a
 * hash table of the words met (`wordIds`) instead of a lower-cased copy per
 * match and a Map of them.
 */
function densestWindow(text: string, matches: RangeList): number {
  windowEnd = 0
  if (matches.length === 0) return 0
  const { starts, ends } = matches
  const ids = wordIds(text, matches)
  const inWindow = scratchOf(WINDOW_COUNTS, matches.length)
  inWindow.fill(0, 0, matches.length)
  let distinct = 0
  let bestDistinct = 0
  let bestCount = 0
  let bestFrom = 0
  let left = 0
  for (let right = 0; right < matches.length; right++) {
    if (inWindow[ids[right]!]!++ === 0) distinct++
    while (left < right && ends[right]! - starts[left]! > WINDOW) {
      if (--inWindow[ids[left++]!]! === 0) distinct--
    }
    const count = right - left + 1
    if (distinct > bestDistinct || (distinct === bestDistinct && count > bestCount)) {
      bestDistinct = distinct
      bestCount = count
      bestFrom = left
      windowEnd = right
    }
  }
  return bestFrom
}

/**
 * Per match, a number for its word: the same number for matches whose texts
 * are the same lower-cased (`toLowerCase`, as a Map of the lower-cased words
 * keyed them), numbered from 0 in order of first appearance. ASCII words are
 * hashed and compared unit by unit, case folded, without a copy; a word with
 * other characters is lower-cased as a string (its lower case may differ in
 * length or be ASCII, as the Kelvin sign's is), then hashed and compared alike.
 */
function wordIds(text: string, matches: RangeList): Int32Array {
  const count = matches.length
  const ids = scratchOf(WORD_IDS, count)
  let size = 16
  while (size < 2 * count) size *= 2
  const slots = scratchOf(WORD_SLOTS, size)
  slots.fill(-1, 0, size)
  const firstOf = scratchOf(FIRST_MATCH, count)
  if (lowered.length < count) lowered.length = count
  let next = 0
  for (let i = 0; i < count; i++) {
    const start = matches.starts[i]!
    const end = matches.ends[i]!
    let ascii = true
    for (let at = start; at < end && ascii; at++) ascii = text.charCodeAt(at) < 128
    lowered[i] = ascii ? undefined : text.slice(start, end).toLowerCase()
    const hash = ascii ? foldedHash(text, start, end) : foldedHash(lowered[i]!, 0, lowered[i]!.length)
    let slot = hash & (size - 1)
    let id = -1
    for (; slots[slot] !== -1; slot = (slot + 1) & (size - 1)) {
      if (sameWord(text, matches, firstOf[slots[slot]!]!, i)) {
        id = slots[slot]!
        break
      }
    }
    if (id === -1) {
      id = next++
      slots[slot] = id
      firstOf[id] = i
    }
    ids[i] = id
  }
  lowered.fill(undefined, 0, count)
  return ids
}

/** The lower-cased texts of the matches with other than ASCII characters (`wordIds`), emptied after each use so no text is held. */
const lowered: (string | undefined)[] = []

/** FNV-1a over the code units of `text[start, end)`, ASCII capitals as small letters. */
function foldedHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let at = start; at < end; at++) {
    let unit = text.charCodeAt(at)
    if (unit >= 65 && unit <= 90) unit += 32
    hash = Math.imul(hash ^ unit, 0x01000193)
  }
  return hash >>> 0
}

/** Whether matches `a` and `b` are the same word lower-cased (`wordIds`). */
function sameWord(text: string, matches: RangeList, a: number, b: number): boolean {
  const lowerA = lowered[a]
  const lowerB = lowered[b]
  if (lowerA !== undefined || lowerB !== undefined) {
    return (lowerA ?? text.slice(matches.starts[a], matches.ends[a]).toLowerCase()) === (lowerB ?? text.slice(matches.starts[b], matches.ends[b]).toLowerCase())
  }
  const startA = matches.starts[a]!
  const startB = matches.starts[b]!
  const length = matches.ends[a]! - startA
  if (matches.ends[b]! - startB !== length) return false
  for (let i = 0; i < length; i++) {
    let unitA = text.charCodeAt(startA + i)
    let unitB = text.charCodeAt(startB + i)
    if (unitA >= 65 && unitA <= 90) unitA += 32
    if (unitB >= 65 && unitB <= 90) unitB += 32
    if (unitA !== unitB) return false
  }
  return true
}

/** `densestWindow`'s and `wordIds`' arrays, shared by the isolate's snippets (each used within one synchronous call), grown to the most matches met. */
const WORD_IDS = { array: new Int32Array(256) }
const WORD_SLOTS = { array: new Int32Array(512) }
const FIRST_MATCH = { array: new Int32Array(256) }
const WINDOW_COUNTS = { array: new Int32Array(256) }

function scratchOf(scratch: { array: Int32Array }, length: number): Int32Array {
  if (scratch.array.length < length) scratch.array = new Int32Array(Math.max(length, 2 * scratch.array.length))
  return scratch.array
}

/** The passage text.slice(start, end) with whitespace collapsed and ellipses, and the matches inside it re-based. */
function compose(text: string, start: number, end: number, matches: RangeList): Snippet {
  const prefix = start > 0 ? ELLIPSIS : ''
  // The text copied in slices, cut only where whitespace changes (a run of it other than one space becomes one space,
  // leading whitespace goes): a string grown by one character at a time is a new string per character, and a slice
  // per word a new short string per word.
  const parts = PARTS
  parts.length = 0
  parts.push(prefix)
  let length = prefix.length
  const offsets = offsetScratch(end - start + 1)
  let inSpace = false
  /** Inside whitespace that is not copied; the next copy starts after it. */
  let skipping = false
  let copyFrom = start
  for (let i = start; i < end; i++) {
    offsets[i - start] = length
    if (spaceAt(text, i)) {
      if (!inSpace) {
        if (length > prefix.length) {
          length++
          const oneSpace = text.charCodeAt(i) === 32 && (i + 1 >= end || !spaceAt(text, i + 1))
          if (!oneSpace) {
            parts.push(text.slice(copyFrom, i), ' ')
            skipping = true
          }
        } else skipping = true
      }
      inSpace = true
    } else {
      if (skipping) copyFrom = i
      skipping = false
      length++
      inSpace = false
    }
  }
  if (!skipping && end > copyFrom) parts.push(text.slice(copyFrom, end))
  offsets[end - start] = length
  // The ellipsis joined with the rest, not added after (a string of two strings, which the answer's serialiser copies
  // once more); but after the passage's end is trimmed, when it ends in white space.
  let lastPart = parts.length - 1
  while (lastPart > 0 && parts[lastPart]!.length === 0) lastPart--
  const lastText = parts[lastPart]!
  const trimmed = lastText.length > 0 && spaceAt(lastText, lastText.length - 1)
  let shownLength = 0
  for (let i = 0; i < parts.length; i++) shownLength += parts[i]!.length
  let snippet: string
  if (trimmed) {
    snippet = parts.join('').trimEnd()
    shownLength = snippet.length
    if (end < text.length) snippet += ELLIPSIS
  } else {
    if (end < text.length) parts.push(ELLIPSIS)
    snippet = parts.join('')
  }
  parts.length = 0
  // The matches inside the passage, counted first: an array of their number (an empty one grown by `push` takes room for 17).
  let inside = 0
  for (let i = 0; i < matches.length; i++) if (matches.starts[i]! >= start && matches.ends[i]! <= end) inside++
  const highlights = new Array<Range>(inside)
  inside = 0
  for (let i = 0; i < matches.length; i++) {
    const from = matches.starts[i]!
    const to = matches.ends[i]!
    if (from >= start && to <= end) highlights[inside++] = { start: offsets[from - start]!, end: Math.min(offsets[to - start]!, shownLength) }
  }
  return { snippet, highlights }
}

/** `compose`'s pieces of the snippet, shared like `passageOffsets` (emptied after each use, so no text is held). */
const PARTS: string[] = []

/**
 * Where each character of the passage lands in the snippet: scratch shared by
 * every snippet of the isolate (`compose` fills and reads it in one
 * synchronous call), grown to the longest passage.
 */
let passageOffsets = new Uint32Array(1024)

function offsetScratch(length: number): Uint32Array {
  if (passageOffsets.length < length) passageOffsets = new Uint32Array(Math.max(length, 2 * passageOffsets.length))
  return passageOffsets
}

/** A start at most 30 characters on at the next word, never past the first match. */
function nextWordStart(text: string, from: number, limit: number): number {
  if (from === 0 || !isLetterOrDigitUnit(text.charCodeAt(from - 1))) return from
  const end = Math.min(from + 30, limit)
  for (let at = from; at < end; at++) if (spaceAt(text, at)) return at + 1
  return from
}

/** An end at most 30 characters back at a word's end (before the passage's last white space), never before the last match. */
function previousWordEnd(text: string, to: number, limit: number): number {
  const from = Math.max(limit, to - 30)
  for (let at = to - 1; at >= from; at--) if (spaceAt(text, at)) return at
  return to
}

/**
 * `isSpace`, its answer for a unit beyond ASCII kept (a passage's curly
 * quotes, dashes and other scripts' letters were each a one-character string
 * for the pattern, every time).
 */
function spaceAt(text: string, at: number): boolean {
  const unit = text.charCodeAt(at)
  if (unit < 128) return isSpace(text, at)
  let known = BMP_SPACE[unit]!
  if (known === 0) BMP_SPACE[unit] = known = isSpace(text, at) ? 1 : 2
  return known === 1
}

/** Per code unit: 0 not yet known, 1 white space, 2 not. */
const BMP_SPACE = new Uint8Array(0x10000)

/** Whether one UTF-16 unit alone is a letter or a digit (`\p{L}\p{N}`; a lone surrogate is not), known units kept. */
function isLetterOrDigitUnit(unit: number): boolean {
  let known = BMP_LETTER_OR_DIGIT[unit]!
  if (known === 0) BMP_LETTER_OR_DIGIT[unit] = known = /[\p{L}\p{N}]/u.test(String.fromCharCode(unit)) ? 1 : 2
  return known === 1
}

/** Per code unit: 0 not yet known, 1 a letter or digit, 2 not. */
const BMP_LETTER_OR_DIGIT = new Uint8Array(0x10000)
