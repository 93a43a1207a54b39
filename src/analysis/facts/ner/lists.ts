import type { Candidate } from './candidates'
import { ORG_KINDS, PLACE_KINDS } from './lexicon'
import type { Token } from './tokens'

/** Whether only a comma, "and" or "or" stands between two names: they belong to one list. */
export function joinsList(sentence: Token[], from: number, to: number): boolean {
  // At most two tokens (", and"): the words between two names far apart are not joined up to learn that.
  if (to - from > 2) return false
  const between = sentence.slice(from, to).map((token) => token.text)
  const joined = between.join(' ')
  return joined === ',' || joined === 'and' || joined === 'or' || joined === ', and' || joined === ', or'
}

/** A list of two is one only when "and" joins them ("Kalat and Tump", not "Quetta, Pakistan"). */
export function endsWithAnd(items: { sentence: Token[]; candidate: Candidate }[]): boolean {
  const [first, second] = items
  return Boolean(first && second && first.sentence.slice(first.candidate.to, second.candidate.from).some((token) => token.text === 'and'))
}

/**
 * "districts, including Kalat, …", "the towns damaged were primarily Carrascal, …": the list is said to be of places,
 * by "including" after a plural kind of place, or by the kind a few lower-case words before the first name, one of them a link ("were", "such as").
 */
export function introducedAsPlaces({ sentence, candidate }: { sentence: Token[]; candidate: Candidate }): boolean {
  const before = sentence.slice(Math.max(0, candidate.from - 3), candidate.from).map((token) => token.text.toLowerCase())
  if (before.some((word) => PLACE_KINDS.has(word)) && before.includes('including')) return true
  let linked = false
  for (let index = candidate.from - 1; index >= Math.max(0, candidate.from - 5); index--) {
    const token = sentence[index]!
    if (!token.word || token.capital) return false
    if (PLACE_KINDS.has(token.text)) return linked
    linked ||= LIST_LINKS.has(token.text)
  }
  return false
}

/** Words that tie a plural kind of place to the names that follow ("towns damaged were", "villages such as"). */
const LIST_LINKS = new Set(['are', 'were', 'include', 'included', 'includes', 'as', 'like', 'namely'])

/** "store chains Woolworths and Coles", "the bank Rabobank": a kind of organisation, in the singular or the plural, in lower case. */
export function isOrganisationKind(word: string): boolean {
  if (ORG_KINDS.has(word)) return true
  if (!word.endsWith('s')) return false
  return ORG_KINDS.has(word.slice(0, -1)) || (word.endsWith('ies') && ORG_KINDS.has(`${word.slice(0, -3)}y`))
}

/**
 * "store chains Woolworths and Coles", "banks Barclays, Lloyds and HSBC": a name in a list (or alone) right after a
 * plural kind of organisation. Walks back over the list's other names and their commas and "and"s.
 */
export function listedAfterOrganisationKind(sentence: Token[], from: number): boolean {
  let index = from - 1
  for (let steps = 0; index >= 0 && steps < 12; steps++) {
    const token = sentence[index]!
    if (token.text === ',' || token.text === 'and' || token.text === 'or' || token.capital) index--
    else break
  }
  const kind = sentence[index]
  return index < from - 1 && Boolean(kind?.word && !kind.capital && kind.text.endsWith('s') && isOrganisationKind(kind.text))
}
