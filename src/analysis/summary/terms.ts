import type { TextDocument } from '../../text/document'
import { NEWS_STOP_WORDS } from '../../text/stop-words'
import { PROSE_WORD, sentenceTokens } from '../../text/tokens'
import type { Unit } from './units'
import { matchesOf } from '../../text/matches'

/**
 * The content terms of a passage, for comparing sentences: lower-cased words
 * without stop words, possessives or plural endings, so "attacks" and
 * "attack", "Pakistan's" and "Pakistan" meet.
 */
export function contentTerms(text: string): string[] {
  const terms: string[] = []
  for (const [word] of matchesOf(text, PROSE_WORD)) {
    const term = normalizeTerm(word)
    if (isContentTerm(term)) terms.push(term)
  }
  return terms
}

/** Whether a normalised term says something about the passage: not a stop word, not a single letter. */
function isContentTerm(term: string): boolean {
  return term.length > 1 && !NEWS_STOP_WORDS.has(term)
}

// Every word of every sentence is normalised, some twice (keywords and summary): string tests, no patterns.
export function normalizeTerm(word: string): string {
  return normalizeLowered(word.toLowerCase())
}

/** `normalizeTerm` of a word already in lower case. */
function normalizeLowered(lowered: string): string {
  return stem(lowered.endsWith("'s") || lowered.endsWith('’s') ? lowered.slice(0, -2) : lowered)
}

/** A deliberately light stemmer: plural endings only, so that terms stay readable and precise. */
function stem(word: string): string {
  if (word.length <= 3 || hasDigit(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word
  if (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('xes') || word.endsWith('zes')) return word.slice(0, -2)
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

/** `/\d/.test(word)` by character code: asked of every word of four letters or more. */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

/**
 * A document's prose words, sentence by sentence, each with its term: the keywords and the summary both read every
 * word of every sentence, and cutting and normalising them once per document instead of once per reader halves that
 * work. Parallel arrays, not an object per word: a long article has ten thousand words. Word `k` is
 * `text.slice(starts[k], ends[k])`, written `words[k]`, normalised `terms[k]`; sentence `s`'s words are
 * `sentenceWords[s]` up to `sentenceWords[s + 1]`.
 */
export type DocumentWords = {
  readonly sentenceWords: readonly number[]
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  readonly words: readonly string[]
  readonly terms: readonly string[]
}

// Per document read, so both readers of one analysis share one table; a document no one holds is collected with its table.
const wordsByDocument = new WeakMap<TextDocument, DocumentWords>()

/**
 * The prose words of `document`'s sentences, each sentence cut apart from the others (a word never spans two): taken
 * out of the words of the document's one cut (`sentenceTokens`), which the quantity reader reads too. A word of that
 * cut is most often one prose word as it stands; one with a number's separator, a joiner at its end or two joiners
 * together ("1,200", "officers'", "rock--solid") holds several or a shorter one, cut out of it by PROSE_WORD.
 */
export function documentWords(document: TextDocument): DocumentWords {
  const known = wordsByDocument.get(document)
  if (known) return known
  const { text, sentences } = document
  const table = { sentenceWords: [0], starts: [] as number[], ends: [] as number[], words: [] as string[], terms: [] as string[] }
  // PROSE_WORD itself, not a copy (why: src/text/matches.ts), started at 0 for each token and left at 0 when it ends.
  const matcher = PROSE_WORD
  for (const tokens of sentenceTokens(text, sentences)) {
    for (const token of tokens) {
      if (isOneProseWord(token.text)) {
        table.starts.push(token.start)
        table.ends.push(token.end)
        table.words.push(token.text)
        table.terms.push(normalizeLowered(token.lower))
        continue
      }
      matcher.lastIndex = 0
      for (let match = matcher.exec(token.text); match !== null; match = matcher.exec(token.text)) {
        const word = match[0]
        table.starts.push(token.start + match.index)
        table.ends.push(token.start + match.index + word.length)
        table.words.push(word)
        table.terms.push(normalizeTerm(word))
      }
    }
    table.sentenceWords.push(table.words.length)
  }
  wordsByDocument.set(document, table)
  return table
}

/**
 * Whether a token is one PROSE_WORD, whole, read by character code: ASCII letters and digits, single apostrophes or
 * hyphens between them. Anything else (a mark, a letter outside ASCII, a number's separator) is left to PROSE_WORD.
 */
function isOneProseWord(word: string): boolean {
  let joinerBefore = true
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) joinerBefore = false
    else if ((code === 39 || code === 45 || code === 8217) && !joinerBefore) joinerBefore = true
    else return false
  }
  return !joinerBefore
}

/**
 * The term counts of a summary unit, from the document's words, as `countTerms(contentTerms(unit's text))` counts them;
 * undefined where cutting the unit's text alone could cut a word otherwise than the sentences were cut (a unit opening
 * inside a word, sentences with no separator between them), for the caller to cut that text itself.
 */
export function unitTermCounts(document: TextDocument, unit: Unit): Map<string, number> | undefined {
  for (let s = unit.first; s < unit.last; s++) {
    if (!WORD_BREAK.test(document.text.slice(document.sentences[s]!.end, document.sentences[s + 1]!.start))) return undefined
  }
  const table = documentWords(document)
  const counts = new Map<string, number>()
  const until = table.sentenceWords[unit.last + 1]!
  for (let k = table.sentenceWords[unit.first]!; k < until; k++) {
    if (table.ends[k]! <= unit.start) continue
    if (table.starts[k]! < unit.start) return undefined
    const term = table.terms[k]!
    if (isContentTerm(term)) counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  return counts
}
// Between two sentences, only characters no prose word holds, at least one: no word runs on from one into the next,
// and none is made of what lies between them.
const WORD_BREAK = /^[^\p{L}\p{N}'’-]+$/u

/** Term counts of a list of terms. */
export function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  return counts
}

/** A word's terms: the word itself and, for a compound ("Balochistan-based"), each of its parts. */
export function termsOfWord(word: string): string[] {
  return partsOfTerm(normalizeTerm(word))
}

/** A term and, for a compound ("balochistan-based"), each of its parts. */
export function partsOfTerm(term: string): string[] {
  return term.includes('-') ? [term, ...term.split('-').filter((part) => part.length > 0)] : [term]
}
