import { findPlaces, isDemonym, isFirstName } from '../../gazetteer'
import { ROLE_HEADS } from './lexicon'
import { lower } from './names'
import type { Token } from './tokens'

const SCORE = /^\d+(?:[-/]\d+)?$/
const TEAM_VERBS = new Set(['beat', 'beats', 'v', 'vs', 'vs.', 'drew', 'draw', 'lost', 'defeated', 'AT'])

/** A name followed by a score, or on either side of "beat" / "v": a team in a result. */
export function isTeamPosition(sentence: Token[], from: number, to: number): boolean {
  const after = sentence[to]
  const before = sentence[from - 1]
  return Boolean((after && (SCORE.test(after.text) || TEAM_VERBS.has(after.text))) || (before && TEAM_VERBS.has(before.text)))
}

/**
 * A town ("Surrey"), or where two sides have scores in one sentence ("Karlsruhe 3
 * Bochum 1"), a name the gazetteer lacks that starts with no first name.
 */
export function couldBeTeam(tokens: Token[], twoSides: boolean): boolean {
  const places = findPlaces(tokens.map((token) => token.text).join(' '))
  if (places.length > 0) return places.some((place) => place.kind === 'town')
  return twoSides && !isFirstName(tokens[0]!.text) && !isDemonym(tokens[0]!.text) && tokens.every((token) => token.word && !/^\p{Lu}\.$/u.test(token.text) && !ROLE_HEADS.has(lower(token)))
}

/** Some town of that name (not only a region): towns lend their names to teams. */
export const isTown = (name: string) => findPlaces(name).some((place) => place.kind === 'town')

/** Capitalised word runs of a sentence, for headlines where capitals say nothing. */
export function capitalRuns(sentence: Token[]): { tokens: Token[]; from: number; to: number }[] {
  const runs: { tokens: Token[]; from: number; to: number }[] = []
  let from = 0
  for (let index = 0; index <= sentence.length; index++) {
    const token = sentence[index]
    if (token?.word && /^\p{Lu}/u.test(token.text) && !/^\d/.test(token.text)) continue
    if (index > from) runs.push({ tokens: sentence.slice(from, index), from, to: index })
    from = index + 1
  }
  return runs
}
