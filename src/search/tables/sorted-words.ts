import SearchableMap from 'minisearch/SearchableMap'
import type { JoinedWords, WordList } from './joined-words'

/**
 * Lookups in a sorted word list (sorted by UTF-16 code units, JavaScript's
 * default string order), which is an implicit trie: the words that share a
 * prefix are neighbours. What the compact index's term map, the did-you-mean
 * lexicon and the suggestion index have in common: binary searches, prefix
 * ranges, and the Levenshtein walk of SearchableMap#fuzzyGet without a tree.
 */

/** First index whose word is >= `value`. */
export function lowerBound(words: WordList, value: string, from = 0): number {
  let low = from
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (words.at(middle)! < value) low = middle + 1
    else high = middle
  }
  return low
}

/** Where `word` is, or -1. */
export function indexOf(words: WordList, word: string): number {
  const at = lowerBound(words, word)
  return words.at(at) === word ? at : -1
}

/** The index range [start, end) of the words starting with `prefix`. */
export function prefixRange(words: WordList, prefix: string): [number, number] {
  const start = lowerBound(words, prefix)
  let low = start
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const word = words.at(middle)!
    if (word < prefix || word.startsWith(prefix)) low = middle + 1
    else high = middle
  }
  return [start, low]
}

/**
 * Each word's position when a SearchableMap holding the words (inserted in
 * this order) is iterated: the order MiniSearch and the old radix-tree lookups
 * returned matches in, kept so that ties come out as they always did.
 * `ranks[i]` belongs to `words[i]`.
 */
export function treeRanks(words: readonly string[]): number[] {
  const tree = new SearchableMap<number>()
  words.forEach((word, position) => tree.set(word, position))
  const ranks = new Array<number>(words.length)
  let rank = 0
  for (const position of tree.values()) ranks[position] = rank++
  return ranks
}

/** Sorts indices into the list by their ranks (tree order). */
export function inTreeOrder(indices: number[], ranks: ArrayLike<number>): number[] {
  return indices.sort((a, b) => ranks[a]! - ranks[b]!)
}

/**
 * The words within `maxDistance` edits of `query`: index -> distance, in the
 * order SearchableMap#fuzzyGet returns them (the reverse of tree order). The
 * same banded Levenshtein matrix as SearchableMap, so the same words at the
 * same distances; a prefix whose row is already too far skips every word that
 * starts with it. With `transpositions`, two adjacent letters swapped count as
 * one edit (optimal string alignment, Damerau's distance): how readers slip
 * ("impeachmnet"). Pruning stays exact: a swap's cell is at most one more than
 * a cell of the row before, which was already over the limit.
 */
export function fuzzyMatches(words: JoinedWords, ranks: ArrayLike<number>, query: string, maxDistance: number, transpositions = false): Map<number, number> {
  // The words' characters are read in place in their joined text: a walk visits most words, and cutting each
  // from the text cost more than the walk itself.
  const { text } = words
  const n = query.length + 1
  const m = n + maxDistance
  const matrix = new Uint8Array(m * n).fill(maxDistance + 1)
  for (let j = 0; j < n; ++j) matrix[j] = j
  for (let i = 1; i < m; ++i) matrix[i * n] = i
  const distances = new Map<number, number>()
  // Rows 1..validRows of the matrix hold the distances for the first validRows characters of the word last
  // walked, which starts at `pathStart` in the text.
  let pathStart = 0
  let validRows = 0
  let k = 0
  while (k < words.length) {
    const start = words.start(k)
    const length = words.end(k) - start
    let row = commonPrefixLength(text, pathStart, start, Math.min(validRows, length))
    let prunedAt = -1
    const lastRow = Math.min(length, m - 1)
    for (; row < lastRow; row++) {
      const previous = transpositions && row > 0 ? text.charCodeAt(start + row - 1) : -1
      if (fillRow(matrix, query, n, maxDistance, row + 1, text.charCodeAt(start + row), previous) > maxDistance) {
        prunedAt = row
        break
      }
    }
    pathStart = start
    if (prunedAt !== -1) {
      validRows = prunedAt
      k = skipSharedPrefix(words, k, prunedAt + 1)
      continue
    }
    validRows = lastRow
    if (length < m) {
      const distance = matrix[length * n + n - 1]!
      if (distance <= maxDistance) distances.set(k, distance)
    }
    k++
  }
  // SearchableMap's fuzzy walk visits children first to last; its iterator, last to first: the reverse order.
  const ordered = new Map<number, number>()
  for (const match of inTreeOrder([...distances.keys()], ranks).reverse()) ordered.set(match, distances.get(match)!)
  return ordered
}

/** Whether word `k` starts with the first `length` characters of word `model` (both of `words`). */
function sharesPrefix(words: JoinedWords, k: number, model: number, length: number): boolean {
  const start = words.start(k)
  if (words.end(k) - start < length) return false
  const { text } = words
  const modelStart = words.start(model)
  for (let i = length - 1; i >= 0; i--) if (text.charCodeAt(start + i) !== text.charCodeAt(modelStart + i)) return false
  return true
}

/**
 * The first index after `from` whose word does not start with the first
 * `length` characters of word `from`: galloping, since the skipped run is
 * usually short, then binary search inside the last step.
 */
function skipSharedPrefix(words: JoinedWords, from: number, length: number): number {
  let inside = from
  let step = 1
  while (inside + step < words.length && sharesPrefix(words, inside + step, from, length)) {
    inside += step
    step *= 2
  }
  let outside = Math.min(inside + step, words.length)
  while (outside - inside > 1) {
    const middle = (inside + outside) >>> 1
    if (sharesPrefix(words, middle, from, length)) inside = middle
    else outside = middle
  }
  return outside
}

/** How many characters the texts at `a` and `b` of `text` have in common, up to `limit`. */
function commonPrefixLength(text: string, a: number, b: number, limit: number): number {
  let length = 0
  while (length < limit && text.charCodeAt(a + length) === text.charCodeAt(b + length)) length++
  return length
}

/**
 * Row `i` of the Levenshtein matrix for the word character `char`, inside the
 * band SearchableMap uses (the same reads and writes, so the same values);
 * returns the row's minimum distance. `previous` is the word's character
 * before `char` when a swap of the two counts as one edit (-1 otherwise).
 */
function fillRow(matrix: Uint8Array, query: string, n: number, maxDistance: number, i: number, char: number, previous: number): number {
  const thisRowOffset = n * i
  const prevRowOffset = thisRowOffset - n
  let minDistance = matrix[thisRowOffset]!
  const jmin = Math.max(0, i - maxDistance - 1)
  const jmax = Math.min(n - 1, i + maxDistance)
  for (let j = jmin; j < jmax; ++j) {
    const different = char !== query.charCodeAt(j) ? 1 : 0
    const rpl = matrix[prevRowOffset + j]! + different
    const del = matrix[prevRowOffset + j + 1]! + 1
    const ins = matrix[thisRowOffset + j]! + 1
    let dist = Math.min(rpl, del, ins)
    if (previous !== -1 && j > 0 && char === query.charCodeAt(j - 1) && previous === query.charCodeAt(j)) {
      dist = Math.min(dist, matrix[prevRowOffset - n + j - 1]! + 1)
    }
    matrix[thisRowOffset + j + 1] = dist
    if (dist < minDistance) minDistance = dist
  }
  return minDistance
}

/**
 * Numbers as the bundle stores them: one string (JSON.parse skips it
 * quickly; no character of it needs escaping), unpacked when first needed.
 * Each number is a little-endian varint of 5-bit digits, one character a
 * digit: `DIGITS[d]` ends the number, `DIGITS[32 + d]` says more follow.
 */
export function packNumbers(numbers: readonly number[]): string {
  let packed = ''
  for (let value of numbers) {
    while (value >= 32) {
      packed += DIGITS[32 + (value & 31)]
      value = Math.floor(value / 32)
    }
    packed += DIGITS[value]
  }
  return packed
}

export function unpackNumbers(packed: string): Uint32Array {
  let count = 0
  for (let i = 0; i < packed.length; i++) if (DIGIT_VALUES[packed.charCodeAt(i)]! < 32) count++
  const numbers = new Uint32Array(count)
  let n = 0
  let value = 0
  let scale = 1
  for (let i = 0; i < packed.length; i++) {
    const digit = DIGIT_VALUES[packed.charCodeAt(i)]!
    if (digit >= 32) {
      value += (digit - 32) * scale
      scale *= 32
    } else {
      numbers[n++] = value + digit * scale
      value = 0
      scale = 1
    }
  }
  return numbers
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'
const DIGIT_VALUES = new Uint8Array(128).fill(255)
for (let d = 0; d < DIGITS.length; d++) DIGIT_VALUES[DIGITS.charCodeAt(d)] = d

/** Words as the bundle stores them: space-separated (words never hold whitespace), JSON needs no escapes for that. */
export const joinWords = (words: readonly string[]) => words.join(' ')
export const splitWords = (joined: string): string[] => (joined === '' ? [] : joined.split(' '))

/** `words` sorted by code units, with each one's position in `words`. */
export function sortedWithPositions(words: readonly string[]): { sorted: string[]; positions: number[] } {
  const positions = words.map((_, i) => i).sort((a, b) => (words[a]! < words[b]! ? -1 : words[a]! > words[b]! ? 1 : 0))
  return { sorted: positions.map((i) => words[i]!), positions }
}
