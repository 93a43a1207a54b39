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
}

// Joins inside a word: apostrophes, dots (U.S), ampersands (AT&T) and hyphens
// before a capital or digit ("Gilgit-Baltistan", not "Balochistan-based").
// Each repetition starts with a joiner the letter class excludes: linear time.
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’.&]|-(?=[\p{Lu}\p{N}]))[\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu
const POSSESSIVE = /['’]s$/u
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
const NAME_PARTICLE = /^(?:al|el|ul|ud|ur|bin|ibn|abu|ben)-\p{Lu}/u
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
  for (const match of body.matchAll(WORD)) {
    const start = sentence.start + match.index
    let value = match[0]
    const word = /[\p{L}\p{N}]/u.test(value[0]!)
    const possessive = word && POSSESSIVE.test(value) && value.length > 2
    if (possessive) value = value.slice(0, -2)
    else if (word && text[start + value.length] === '.' && keepsStop(value, start + value.length + 1 === sentence.end)) value += '.'
    if (!word && value === '.' && tokens.at(-1)?.end === start + 1) continue
    const previous = tokens.at(-1)
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
      capital: word && (/^\p{Lu}/u.test(value) || NAME_PARTICLE.test(value)),
      initial: word && atStart,
      sentence: index,
    }
    tokens.push(token)
    if (word) atStart = false
    else if (!OPENERS.has(value)) atStart = false
  }
  return tokens
}

/**
 * A full stop that belongs to the word: an initial (J.), an abbreviation with dots (U.S.) or a title (Mr.).
 * A single letter's stop that ends the sentence is the sentence's own ("a post on X."): the splitter
 * already judged that it is no initial.
 */
function keepsStop(word: string, endsSentence: boolean): boolean {
  return (/^\p{Lu}$/u.test(word) && !endsSentence) || word.includes('.') || KEEPS_STOP.has(word.toLowerCase())
}
