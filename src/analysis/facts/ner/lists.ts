import type { Candidate } from './candidates'
import { PLACE_KINDS } from './lexicon'
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

/** "districts, including Kalat, …": the list is said to be of places. */
export function introducedAsPlaces({ sentence, candidate }: { sentence: Token[]; candidate: Candidate }): boolean {
  const before = sentence.slice(Math.max(0, candidate.from - 3), candidate.from).map((token) => token.text.toLowerCase())
  return before.some((word) => PLACE_KINDS.has(word)) && before.includes('including')
}
