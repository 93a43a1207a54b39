import { findCountry, findPlaces, isDemonym, isFirstName } from '../../../gazetteer'
import { CONNECTORS, KNOWN_ORGS, NOT_PERSON_WORDS, ORG_SUFFIXES, ROLE_HEADS } from './lexicon'
import type { Token } from './tokens'

export const lower = (token: Token) => token.text.toLowerCase()

/** A title word, also as the last part of a compound one ("Major-General", "Vice-Admiral"). */
export function isRoleWord(token: Token): boolean {
  const word = lower(token)
  return ROLE_HEADS.has(word) || ROLE_HEADS.has(word.slice(word.lastIndexOf('-') + 1))
}

/**
 * "FSB", "U.N.": capitals (and dots), two to six characters; a hyphen may join two ("CNDD-FDD"), but
 * not after two letters, as aircraft are registered ("EP-CPP").
 */
export const isAcronym = (word: string) => word.split('-').every(isSingleAcronym) && !/^\p{Lu}{1,2}-/u.test(word)

// A Roman numeral of I, V and X ("stage IV", "siglo XXI", "Pius XI") numbers something; it names no body.
const isSingleAcronym = (word: string) => /^\p{Lu}[\p{Lu}.&]{1,5}$/u.test(word) && !/\.\p{Lu}?$/u.test(word.replace(/\.$/, '')) && !/^[IVX]+$/.test(word)

/**
 * One to four capitalised words (connectors inside), none a title, an organisation word, a demonym or an
 * acronym, nor a country, unless a surname after a first name ("Mark Jordan", "David Major", "Sarah King").
 */
export function looksLikePersonName(tokens: Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false
  const surnameAfterFirstName = tokens.length > 1 && isFirstName(tokens[0]!.text)
  return tokens.every((token, index) => {
    const word = nameWord(token)
    if ((word & NAME_WORD) === 0) return false
    const last = index === tokens.length - 1
    const surname = surnameAfterFirstName && last
    return (
      ((word & CAPITAL) !== 0 || (index > 0 && !last && (word & CONNECTOR) !== 0)) &&
      !((word & ROLE) !== 0 && !surname) &&
      !(last && (word & PLURAL_DEMONYM) !== 0) &&
      !((word & COUNTRY) !== 0 && !surname)
    )
  })
}

// What a token is as a word of a person's name, apart from its place in the name: the entity reader asks it of the
// same tokens many times (each pass, each candidate that holds them), so it is worked out once per token (`Token.nameWord`).
const NAME_WORD = 1
const CAPITAL = 2
const CONNECTOR = 4
const ROLE = 8
const PLURAL_DEMONYM = 16
const COUNTRY = 32

/**
 * NAME_WORD: a word that may stand in a person's name wherever it is (no digit or ampersand, dots only as an
 * initial's, no organisation word, demonym or word that is never a name, no capital after the first letter unless
 * an initial's); the other flags say what a name accepts only in some places.
 */
function nameWord(token: Token): number {
  if (token.nameWord >= 0) return token.nameWord
  const text = token.text
  const lowered = lower(token)
  const plain =
    token.word &&
    !/[\p{N}&]/u.test(text) &&
    !(text.includes('.') && !/^\p{Lu}\.$/u.test(text)) &&
    !ORG_SUFFIXES.has(lowered) &&
    !isDemonym(text) &&
    !NOT_PERSON_WORDS.has(lowered) &&
    !/\p{Lu}$/u.test(text.slice(1)) &&
    !(text.length > 1 && text === text.toUpperCase() && !/^\p{Lu}\.$/u.test(text))
  const flags = plain
    ? NAME_WORD |
      (token.capital ? CAPITAL : 0) |
      (CONNECTORS.has(text) ? CONNECTOR : 0) |
      (isRoleWord(token) ? ROLE : 0) |
      (text.endsWith('s') && isDemonym(text.slice(0, -1)) ? PLURAL_DEMONYM : 0) |
      (findCountry(text) ? COUNTRY : 0)
    : 0
  // Kept on the token, not in a WeakMap: a weak table of every token would cost the garbage collector more than it saves.
  token.nameWord = flags
  return flags
}

/** "Farrant, 31, joined": an age between commas after a name, as news gives people's ages. */
export function ageAfter(sentence: Token[], to: number): boolean {
  const age = sentence[to + 1]?.text ?? ''
  return sentence[to]?.text === ',' && /^\d{1,3}$/.test(age) && Number(age) >= 5 && Number(age) <= 110 && [',', ')'].includes(sentence[to + 2]?.text ?? '')
}

/** "Marta Quiroga (Chile)", "Pavel Hruby (Czech Republic)": a country in brackets after a name, as results list athletes. */
export function countryInBrackets(sentence: Token[], to: number): boolean {
  if (sentence[to]?.text !== '(') return false
  let close = to + 1
  while (close < sentence.length && close - to <= 4 && sentence[close]!.word) close++
  return (
    close > to + 1 &&
    sentence[close]?.text === ')' &&
    Boolean(
      findCountry(
        sentence
          .slice(to + 1, close)
          .map((token) => token.text)
          .join(' '),
      ),
    )
  )
}

/**
 * A run ending in a place's name ("Atletico Quetta", "Naqvi Balochistan") is no person's
 * name unless it starts with a first name. Only the end: a first word that is a
 * place is often a given name ("Paris Hilton"); nor after an initial ("K. Farrant").
 */
export function namesPlace(tokens: Token[]): boolean {
  if (isFirstName(tokens[0]!.text) || /^\p{Lu}\.$/u.test(tokens[0]!.text)) return false
  return findPlaces(tokens.at(-1)!.text).length > 0
}

/** "ISLAMABAD" -> "Islamabad"; short acronyms and known ones ("UN", "NATO") stay. */
export function titleCase(name: string): string {
  if (name.replace(/\./g, '').length <= 3 || KNOWN_ORGS.has(name)) return name
  return name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase())
}

/** "Puerto Rican", "Hong Kongers", "Sri Lankans": a demonym of several words or its plural, which names nobody. */
export function isDemonymOfSeveralWords(candidate: { readonly tokens: readonly Token[] }, name: string): boolean {
  return candidate.tokens.length > 1 && demonymOf(name) !== undefined
}

/** The demonym a word is, or whose plural it is ("Kenyans" -> "Kenyan"). */
export function demonymOf(word: string): string | undefined {
  if (isDemonym(word)) return word
  return word.endsWith('s') && isDemonym(word.slice(0, -1)) ? word.slice(0, -1) : undefined
}

/** "Znak.com", "Meduza.io", "Napredak.hr": a site named by its domain (a country's two letters too) is the organisation that runs it. */
export const isWebsite = (word: string) => WEBSITE.test(word)

const WEBSITE = /^\p{L}[\p{L}\p{N}-]*\.(?:com|org|net|info|io|news|[a-z]{2})$/u

/**
 * Whether `acronym` is made of the initials of `words`, in order: every capitalised word gives its first letter (an
 * acronym inside gives all its letters: "U.N." gives "UN"), a lower-case word its first letter or nothing ("U.N. Interim
 * Force in Lebanon" is UNIFIL, "Organisation for Security and Cooperation in Europe" is OSCE).
 */
export function spellsAcronym(words: readonly Token[], acronym: string): boolean {
  const letters = acronym.replace(/[.&-]/g, '').toUpperCase()
  const parts = words
    .filter((token) => token.word)
    .map((token) => (/^\p{Lu}[\p{Lu}.&-]+$/u.test(token.text) ? token.text.replace(/[.&-]/g, '') : token.text[0]!.toUpperCase()))
  const optional = words.filter((token) => token.word).map((token) => !token.capital)
  // Positions reachable in `letters` after each word; a set, so a long name costs its length times the acronym's.
  let reachable = new Set([0])
  parts.forEach((part, index) => {
    const next = new Set<number>()
    for (const at of reachable) {
      if (optional[index]) next.add(at)
      if (letters.startsWith(part, at)) next.add(at + part.length)
    }
    reachable = next
  })
  return letters.length >= 2 && reachable.has(letters.length)
}
