import type { Span } from '../../../text/span'
import type { Token as TextToken } from '../../../text/tokens'

/** A word or a punctuation mark of one sentence, with what the entity reader needs to know of it (cut by its own `WORD`: names keep dots and ampersands, "U.S.", "AT&T"). */
export type Token = TextToken & {
  word: boolean
  /** Starts with an upper-case letter, or with a name particle ("al-Eryani"). */
  capital: boolean
  /** Ends in a possessive 's, cut off `text`: a name ends there ("Farrant's Quetta"). */
  possessive: boolean
  /** First on its line (a line break since the token before). */
  lineStart: boolean
  /** First word of its sentence (or of a quotation opening it): capitalised by grammar, not by name. */
  initial: boolean
  sentence: number
  /** What the token is as a word of a person's name (names.ts's `nameWord` flags), kept once asked; -1 before. */
  nameWord: number
}

// Joins inside a word: apostrophes, dots (U.S), ampersands (AT&T) and hyphens
// before a capital or digit ("Gilgit-Baltistan", not "Balochistan-based").
// Each repetition starts with a joiner the letter class excludes: linear time.
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’.&]|-(?=[\p{Lu}\p{N}]))[\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu
const KEEPS_STOP = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'capt',
  'sgt',
  'rep',
  'sen',
  'gov',
  'st',
  'mt',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'no',
])
/** A lower-case particle joined to a capitalised name ("al-Sharabi", "bin-Laden"): the whole is a name. */
const NAME_PARTICLE = /^(?:al|el|ul|ud|ur|bin|ibn|abu|ben|ad|an|ar|as|ash|at|az|ed|es|ez)-\p{Lu}/u
// The lower-case half of a hyphenated given name written after its surname, as Korean and Cantonese names are
// in English ("Park Won-soon", "Lam Wai-ling", "Moon Jae-in"), and Thai names of that shape ("Prayuth
// Chan-o-cha"): short syllables. Hyphenated English words that may follow a name ("the Trump-led", "a
// Kremlin-run") are no syllables.
const GIVEN_NAME_SYLLABLE = /^-(\p{Ll}{2,4}|\p{Ll}{1,2}-\p{Ll}{2,4})(?![\p{L}\p{M}\p{N}'’-])/u
const HYPHEN_WORDS = new Set(
  'led run era born made held like wide free bred type old long area wing side day days week year time size only less ish fed hit owned ward wards'.split(' '),
)
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '-', '—', '–', ':'])

export function tokenize(text: string, sentences: readonly Span[]): Token[][] {
  return sentences.map((sentence, index) => tokenizeSentence(text, sentence, index))
}

function tokenizeSentence(text: string, sentence: Span, index: number): Token[] {
  const tokens: Token[] = []
  const body = text.slice(sentence.start, sentence.end)
  let atStart = true
  // The first line break in the sentence at or after the end of the token before: looked up once per line, not per token.
  let lineBreak = body.indexOf('\n')
  // The end of a token that took in the matches after it (a hyphenated given name): those are skipped.
  let joinedUpTo = -1
  // WORD itself, not a copy per sentence (why: src/text/matches.ts); no other code reads it, and each sentence starts it at 0.
  const matcher = WORD
  matcher.lastIndex = 0
  for (let match = matcher.exec(body); match !== null; match = matcher.exec(body)) {
    const start = sentence.start + match.index
    if (start < joinedUpTo) continue
    let value = match[0]
    const word = startsLetterOrDigit(value)
    const possessive = word && (value.endsWith("'s") || value.endsWith('’s')) && value.length > 2
    if (possessive) value = value.slice(0, -2)
    else if (word && text[start + value.length] === '.' && keepsStop(value, start + value.length + 1 === sentence.end)) value += '.'
    if (!word && value === '.' && tokens.at(-1)?.end === start + 1) continue
    const previous = tokens.at(-1)
    if (word && previous?.word && previous.capital && !previous.possessive && /^\p{Lu}\p{Ll}{1,4}$/u.test(value)) {
      const syllable = GIVEN_NAME_SYLLABLE.exec(text.slice(start + value.length, start + value.length + 8))
      if (syllable && !HYPHEN_WORDS.has(syllable[1]!)) {
        value += syllable[0]
        joinedUpTo = start + value.length
      }
    }
    while (previous !== undefined && lineBreak !== -1 && sentence.start + lineBreak < previous.end)
      lineBreak = body.indexOf('\n', previous.end - sentence.start)
    const lineStart = previous !== undefined && lineBreak !== -1 && sentence.start + lineBreak < start
    const token: Token = {
      text: value,
      start,
      end: start + value.length,
      word,
      possessive,
      lineStart,
      capital: word && (startsUpperCase(value) || (hyphenAfterParticle(value) && NAME_PARTICLE.test(value))),
      initial: word && atStart,
      sentence: index,
      nameWord: -1,
    }
    tokens.push(token)
    if (word) atStart = false
    else if (!OPENERS.has(value)) atStart = false
  }
  return tokens
}

// Every token of every sentence asks these two: ASCII is answered by its code, other text by the Unicode classes.
function startsLetterOrDigit(value: string): boolean {
  const code = value.charCodeAt(0)
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return /[\p{L}\p{N}]/u.test(value[0]!)
}

// NAME_PARTICLE's hyphen follows a particle of two or three letters: most lower-case words are not asked the pattern.
const hyphenAfterParticle = (value: string) => value.charCodeAt(2) === 45 || value.charCodeAt(3) === 45

/** `/\p{L}/u.test(value)`: the vocabulary pass asks it of every word; ASCII is answered by its code. */
export function hasLetter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 128) return /\p{L}/u.test(value)
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true
  }
  return false
}

/** `/\p{Ll}/u.test(value)`, ASCII answered by its code. */
export function hasLowerCase(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 128) return /\p{Ll}/u.test(value)
    if (code >= 97 && code <= 122) return true
  }
  return false
}

function startsUpperCase(value: string): boolean {
  const code = value.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(value)
}

/**
 * A full stop that belongs to the word: an initial (J.), an abbreviation with dots (U.S.) or a title (Mr.).
 * A single letter's stop that ends the sentence is the sentence's own ("a post on X."): the splitter
 * already judged that it is no initial.
 */
function keepsStop(word: string, endsSentence: boolean): boolean {
  return (/^\p{Lu}$/u.test(word) && !endsSentence) || word.includes('.') || KEEPS_STOP.has(word.toLowerCase())
}
