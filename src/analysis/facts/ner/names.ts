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

const isSingleAcronym = (word: string) => /^\p{Lu}[\p{Lu}.&]{1,5}$/u.test(word) && !/\.\p{Lu}?$/u.test(word.replace(/\.$/, ''))

/**
 * One to four capitalised words (connectors inside), none a title, an organisation word, a demonym or an
 * acronym, nor a country, unless a surname after a first name ("Mark Jordan", "David Major", "Sarah King").
 */
export function looksLikePersonName(tokens: Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 4) return false
  const surnameAfterFirstName = tokens.length > 1 && isFirstName(tokens[0]!.text)
  return tokens.every(
    (token, index) =>
      token.word &&
      (token.capital || (index > 0 && index < tokens.length - 1 && CONNECTORS.has(token.text))) &&
      !/[\p{N}&]/u.test(token.text) &&
      !(token.text.includes('.') && !/^\p{Lu}\.$/u.test(token.text)) &&
      !ORG_SUFFIXES.has(lower(token)) &&
      !(isRoleWord(token) && !(surnameAfterFirstName && index === tokens.length - 1)) &&
      !isDemonym(token.text) &&
      !(index === tokens.length - 1 && token.text.endsWith('s') && isDemonym(token.text.slice(0, -1))) &&
      !(findCountry(token.text) && !(surnameAfterFirstName && index === tokens.length - 1)) &&
      !NOT_PERSON_WORDS.has(lower(token)) &&
      !/\p{Lu}$/u.test(token.text.slice(1)) &&
      !(token.text.length > 1 && token.text === token.text.toUpperCase() && !/^\p{Lu}\.$/u.test(token.text)),
  )
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
