import * as v from 'valibot'
import { ROLE_HEADS } from '../facts/ner/lexicon'
import { findCountry, isFirstName } from '../../gazetteer/index'
import { asDocument, type TextDocument } from '../../text/document'
import { MONTHS, WEEKDAYS } from '../../text/calendar'
import { NEWS_STOP_WORDS } from '../../text/stop-words'
import frequencies from './document-frequency.json'
import { documentWords, partsOfTerm, termsOfWord, type DocumentWords } from './terms'

/** One keyword of a text, as the API gives it (an article's `keywords`, `POST /api/extract`'s): the schema documents it, the type is inferred. */
export const KeywordSchema = v.object({ text: v.string(), score: v.number() })
export type Keyword = v.InferOutput<typeof KeywordSchema>

const MAX_PHRASE_WORDS = 3

/** Frequent in news but never what a story is about: times and counts. */
const TIME_WORDS = new Set([
  ...WEEKDAYS,
  ...MONTHS,
  ...'yesterday today tomorrow week month year two three four five six seven eight nine ten hundred thousand million billion'.split(' '),
])

/** `sentences`: how many sentences hold the word; `lastSentence`, the last of them counted. */
type WordStats = { count: number; firstSentence: number; lastSentence: number; sentences: number; capitalized: number; forms: Map<string, number> }
/** `whole`: occurrences not cut out of a longer name ("Doris Mary Ann" of "Doris Mary Ann Kappelhoff"). */
type Phrase = { words: string[]; count: number; whole: number; glued: boolean }
/**
 * A phrase, and the phrases one word longer that start with it, by their last term: made when the first of them is, so
 * the longest phrases and those never extended carry no empty Map (a long article has tens of thousands of phrases).
 */
type PhraseNode = { phrase: Phrase; longer?: Map<string, PhraseNode> }

// Titles before a name that the NER lexicon leaves out: "Bishop Emeritus Dinualdo Gutierrez", "Vice President Joe Biden".
const TITLE_WORDS = new Set([...ROLE_HEADS, 'emeritus', 'vice', 'prime', 'deputy', 'acting', 'former', 'interim'])

/**
 * Ranked key phrases of one to three words, best first. Candidates are runs of
 * content words between stop words and punctuation (as in RAKE); a word's
 * weight grows with its frequency, its spread over sentences, an early first
 * mention and capitalisation inside sentences (names), as in YAKE, and with
 * its rarity in the corpus (inverse document frequency from a generated
 * table, so a posted text is weighed like a corpus article). A phrase scores
 * its mean word weight times its frequency; a phrase folded into a longer one
 * that occurs nearly as often is dropped. A keyword is a whole name or a
 * phrase: never a title glued to a name ("Spokesperson Lin Jian"), a place
 * or another word glued to a person's name ("Vermont Bernie Sanders"), nor
 * a part cut out of a longer name each time it occurs ("Doris Mary Ann").
 */
export function extractKeywords(source: string | TextDocument, limit = 10): Keyword[] {
  const document = asDocument(source)
  const table = documentWords(document)
  const words = new Map<string, WordStats>()
  // Phrases found by walking a tree of terms, one level per word: no key string is built for each phrase of each sentence.
  const phrases: Phrase[] = []
  const roots = new Map<string, PhraseNode>()
  const count = (part: string, sentenceIndex: number, capitalized: boolean) => {
    let stats = words.get(part)
    if (!stats) {
      stats = { count: 0, firstSentence: sentenceIndex, lastSentence: -1, sentences: 0, capitalized: 0, forms: new Map() }
      words.set(part, stats)
    }
    stats.count++
    // Sentences are read in order: a sentence not yet counted for this word is a new one.
    if (stats.lastSentence !== sentenceIndex) {
      stats.lastSentence = sentenceIndex
      stats.sentences++
    }
    if (capitalized) stats.capitalized++
  }
  for (let sentenceIndex = 0; sentenceIndex + 1 < table.sentenceWords.length; sentenceIndex++) {
    for (const run of contentRuns(document.text, table, sentenceIndex)) {
      for (const { term, surface, word, weight, capitalized } of run) {
        // "Balochistan-based" is also a mention of Balochistan. Most words are one term: no set of parts to build.
        const parts = surface === word ? partsOfTerm(term) : termsOfWord(surface)
        if (parts.length === 1) count(parts[0]!, sentenceIndex, capitalized)
        else for (const part of new Set(parts)) count(part, sentenceIndex, capitalized)
        const forms = words.get(term)!.forms
        forms.set(surface, (forms.get(surface) ?? 0) + weight)
      }
      for (let i = 0; i < run.length; i++) {
        let level = roots
        let shorter: Phrase | undefined
        for (let length = 1; length <= MAX_PHRASE_WORDS && i + length <= run.length; length++) {
          const term = run[i + length - 1]!.term
          let node = level.get(term)
          if (!node) {
            // A new phrase is the one a word shorter that led here, and this term.
            node = { phrase: { words: shorter ? [...shorter.words, term] : [term], count: 0, whole: 0, glued: false } }
            level.set(term, node)
            phrases.push(node.phrase)
          }
          const phrase = node.phrase
          phrase.count++
          const cutBefore = i > 0 && run[i - 1]!.upper && run[i]!.upper
          const cutAfter = i + length < run.length && run[i + length]!.upper && run[i + length - 1]!.upper
          if (!cutBefore && !cutAfter) phrase.whole++
          phrase.glued ||= gluedToName(run, i, length)
          shorter = phrase
          // The loop goes one word further exactly when this holds.
          if (length < MAX_PHRASE_WORDS && i + length < run.length) level = node.longer ??= new Map()
        }
      }
    }
  }
  const isName = (term: string) => (words.get(term)?.capitalized ?? 0) > 0
  // "emailed Amazon Web", "show Doris Day": a lower-case word before a name is a verb or a noun of another phrase.
  const verbBeforeName = (terms: readonly string[]) => terms.some((term, i) => i > 0 && isName(term) && !isName(terms[i - 1]!))
  const total = Math.max(1, document.sentences.length)
  // A word's weight is asked for once per phrase it stands in: computed once.
  const weights = new Map<string, number>()
  const weight = (term: string) => {
    const known = weights.get(term)
    if (known !== undefined) return known
    const stats = words.get(term)!
    const spread = stats.sentences / total
    const names = stats.capitalized / stats.count
    const value = (stats.count * (1 + spread) * (1 + 0.5 * names) * inverseDocumentFrequency(term)) / Math.log2(2 + stats.firstSentence)
    weights.set(term, value)
    return value
  }
  const scored = phrases
    .filter((phrase) => phrase.whole > 0 && !phrase.glued)
    .filter((phrase) => phrase.words.length === 1 || ((phrase.count >= 2 || phrase.words.every(isName)) && !verbBeforeName(phrase.words)))
    .map((phrase) => ({
      phrase,
      // The tie-break of the ranking: built for the phrases that are ranked only.
      key: phrase.words.join(' '),
      score:
        (phrase.words.reduce((sum, term) => sum + weight(term), 0) / phrase.words.length) *
        Math.log2(1 + phrase.count) *
        (1 + 0.25 * (phrase.words.length - 1)),
    }))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
  // Compare with the leading candidates only: a phrase of a name ("Lin") yields to the whole name ("Lin Jian") wherever it ranks.
  const leading = scored.slice(0, limit * 5)
  const kept = leading
    .filter((candidate) => !leading.some((other) => contains(other.phrase.words, candidate.phrase.words) && candidate.phrase.count <= 1.5 * other.phrase.count))
    .slice(0, limit)
  const top = kept[0]?.score ?? 1
  return kept.map(({ phrase, score }) => ({
    text: phrase.words.map((term) => displayForm(words.get(term)!)).join(' '),
    score: Math.round((score / top) * 1000) / 1000,
  }))
}

/**
 * `surface` is the word as written without a possessive `'s` (`word`: with it); `weight`, its vote for how the word is
 * written: half at the start of a sentence, where its case says nothing. One object per word (a long article has ten
 * thousand).
 */
type RunWord = { term: string; surface: string; word: string; weight: number; capitalized: boolean; upper: boolean }

/** Maximal runs of content words of one sentence, split at stop words, numbers and any punctuation but inner hyphens and apostrophes. */
function contentRuns(text: string, table: DocumentWords, sentenceIndex: number): RunWord[][] {
  const runs: RunWord[][] = []
  let run: RunWord[] = []
  const first = table.sentenceWords[sentenceIndex]!
  const end = table.sentenceWords[sentenceIndex + 1]!
  let previousEnd = 0
  for (let k = first; k < end; k++) {
    const word = table.words[k]!
    const start = table.starts[k]!
    // Most gaps are one space: only the others are searched for a mark. (The first word has no gap to search.)
    const markBefore = k > first && !(start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32) && /[^\s]/.test(text.slice(previousEnd, start))
    previousEnd = table.ends[k]!
    const term = table.terms[k]!
    const usable = term.length > 2 && !NEWS_STOP_WORDS.has(term) && !TIME_WORDS.has(term) && !startsWithDigit(term) && !isAdverb(word)
    if ((!usable || markBefore) && run.length > 0) {
      runs.push(run)
      run = []
    }
    if (usable) {
      const bare = word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word
      const upper = startsUpperCase(word)
      run.push({ term, surface: bare, word, weight: k === first ? 0.5 : 1, capitalized: k !== first && upper, upper })
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

const startsWithDigit = (term: string) => {
  const code = term.charCodeAt(0)
  return code >= 48 && code <= 57
}

/** Whether a word opens with a capital letter; ASCII answered without the Unicode pattern, which most words would need. */
function startsUpperCase(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code >= 65 && code <= 90) return true
  if (code < 128) return false
  return /^\p{Lu}/u.test(word)
}

// A Map, not the JSON object: a word such as "constructor" must not find Object.prototype's.
const DOCUMENT_FREQUENCY: ReadonlyMap<string, number> = new Map(Object.entries(frequencies.terms))

/** Terms missing from the table are in fewer than three corpus articles: count them as in one. */
function inverseDocumentFrequency(term: string): number {
  return Math.log((frequencies.documents + 1) / ((DOCUMENT_FREQUENCY.get(term) ?? 1) + 1))
}

/** Manner adverbs ("strongly", "reportedly") qualify a statement, they never name its topic. */
function isAdverb(word: string): boolean {
  return word.endsWith('ly') && /^\p{Ll}{4,}ly$/u.test(word) && !NOT_ADVERBS.has(word)
}
const NOT_ADVERBS = new Set(['family', 'assembly', 'supply', 'rally', 'anomaly', 'monopoly', 'ally', 'reply', 'butterfly'])

/**
 * A title before a name ("Spokesperson Lin Jian", "judge Bernard Schwartz"), a first name after a
 * capitalised word that is no first name ("Vermont Bernie Sanders", "States Joe Biden"), a country
 * before another name ("Argentina Amnesty International"): a name starts inside the phrase, so the
 * phrase is two things glued together; so is a name with its verb ("Libya agreed").
 */
function gluedToName(run: readonly RunWord[], from: number, length: number): boolean {
  for (let i = from + 1; i < from + length; i++) {
    const word = run[i]!.surface
    if (!startsUpperCase(word)) continue
    const before = run[i - 1]!.surface
    if (TITLE_WORDS.has(before.toLowerCase()) && !TITLE_WORDS.has(word.toLowerCase())) return true
    if (isFirstName(word) && startsUpperCase(before) && !isFirstName(before)) return true
    if (findCountry(before) && !findCountry(`${before} ${word}`)) return true
  }
  // "Libya agreed", "Waseem confessed": a name and the verb it is the subject of.
  const last = run[from + length - 1]!.surface
  return length > 1 && run[from + length - 2]!.upper && /^\p{Ll}+ed$/u.test(last)
}

// Asked of every pair of leading candidates: loops, no closure per pair.
function contains(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length >= longer.length) return false
  for (let i = 0; i + shorter.length <= longer.length; i++) {
    let j = 0
    while (j < shorter.length && longer[i + j] === shorter[j]) j++
    if (j === shorter.length) return true
  }
  return false
}

/** How a word is usually written inside sentences. */
function displayForm(stats: WordStats): string {
  return [...stats.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? ''
}
