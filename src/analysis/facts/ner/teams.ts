import { findPlaces, isDemonym, isFirstName } from '../../../gazetteer'
import { isRoleWord } from './names'
import type { Token } from './tokens'

const SCORE = /^\d+(?:[-/]\d+)?$/
/** Words between two sides of a match. */
const HEAD_TO_HEAD = new Set([
  'beat',
  'beats',
  'v',
  'vs',
  'vs.',
  'drew',
  'draw',
  'defeat',
  'defeats',
  'defeated',
  'edged',
  'routed',
  'thrashed',
  'blanked',
  'downed',
  'overcame',
  'upset',
])
/** Marks between two sides that need no side named before them ("v Duke of Norfolk's XI" in a fixture list). */
const SIDE_MARKS = new Set(['v', 'vs', 'vs.'])

/** Two words before the second side: "lost to X", "drew with X", "a 2-1 win over X", "56-13 winners over X", "their match against X". */
const BEFORE_SECOND_SIDE: ReadonlyArray<[string, ReadonlySet<string>]> = [
  ['to', new Set(['lost', 'lose', 'loses', 'losing'])],
  ['with', new Set(['drew', 'draw', 'drawing'])],
  ['over', new Set(['win', 'wins', 'winners', 'victory', 'victories', 'triumph'])],
  ['against', new Set(['match', 'game', 'fixture', 'clash', 'tie', 'win', 'victory', 'defeat', 'draw', 'loss'])],
]

/** Whether the words before `from` make what follows the other side of a match. */
function secondSide(sentence: Token[], from: number): boolean {
  const before = sentence[from - 1]?.text ?? ''
  // "Essex beat Derbyshire", not "to defeat Donald Trump": a verb between two sides has the first one right before it.
  if (HEAD_TO_HEAD.has(before)) return SIDE_MARKS.has(before) || Boolean(sentence[from - 2]?.capital)
  const verb = sentence[from - 2]?.text.toLowerCase() ?? ''
  return BEFORE_SECOND_SIDE.some(([joiner, verbs]) => joiner === before && verbs.has(verb))
}
/** Words after a side: "lost", and "AT" of a fixture list ("QUETTA AT PASNI"), where what follows is the venue. */
const AFTER_SIDE = new Set(['lost', 'AT'])

/** A name followed by a score, or on either side of "beat" / "v" (or after "lost to", "winners over"), or before "AT": a team in a result. */
export function isTeamPosition(sentence: Token[], from: number, to: number): boolean {
  const after = sentence[to]
  return Boolean((after && (SCORE.test(after.text) || HEAD_TO_HEAD.has(after.text) || AFTER_SIDE.has(after.text))) || secondSide(sentence, from))
}

/** Words after a club's name that speak of its squad or its play ("the Southampton skipper", "a Karlsruhe goal", "Newcastle fans"). */
const SQUAD_WORDS = new Set([
  'skipper',
  'captain',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'winger',
  'playmaker',
  'forward',
  'coach',
  'manager',
  'player',
  'players',
  'team-mate',
  'teammate',
  'fans',
  'supporters',
  'goal',
  'goals',
  'squad',
])
/** Verbs of a transfer, before the club a player goes to ("joined Newcastle", "signed for Celtic"), in lower case. */
const TRANSFER_VERBS = new Set(['joined', 'joins', 'join', 'rejoined'])
const TRANSFER_PHRASES: ReadonlyArray<[string, ReadonlySet<string>]> = [
  ['for', new Set(['signed', 'signs', 'sign', 'plays', 'played', 'playing'])],
  ['to', new Set(['transferred', 'transfer', 'move', 'moved', 'loaned'])],
]

/**
 * In a sports report, a name right before a word of a squad ("the Southampton skipper", "Shearer's Newcastle team
 * mate") or after a transfer ("joined Newcastle", "transferred to Milan") is a club. The caller asks it of towns only.
 */
export function isClubInSportsReport(sentence: Token[], from: number, to: number): boolean {
  const after = sentence[to]
  if (after?.word && !after.capital && (SQUAD_WORDS.has(after.text) || (after.text === 'team' && sentence[to + 1]?.text === 'mate'))) return true
  const before = sentence[from - 1]?.text.toLowerCase() ?? ''
  if (TRANSFER_VERBS.has(before)) return true
  const verb = sentence[from - 2]?.text.toLowerCase() ?? ''
  return TRANSFER_PHRASES.some(([joiner, verbs]) => joiner === before && verbs.has(verb))
}

/** Prepositions that put a town as the venue ("in Seattle", "at Pasni", "QUETTA AT PASNI"), in lower case. */
const VENUE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside'])

/** A town named as where a match is played: after "in" or "at", or opening a line of results with a colon ("Quetta: Gwadar 212"). */
export function isVenue(sentence: Token[], from: number, to: number): boolean {
  const before = sentence[from - 1]
  if (before?.word && VENUE_PREPOSITIONS.has(before.text.toLowerCase())) return true
  return sentence[to]?.text === ':' && (from === 0 || sentence[from]!.lineStart)
}

/** Beside "beat" or "v": one side of a match named, so the name is a side, not a town. */
export function facesAnother(sentence: Token[], from: number, to: number): boolean {
  return HEAD_TO_HEAD.has(sentence[to]?.text ?? '') || secondSide(sentence, from)
}

/** A row of a league table: the name opens the line and three or more numbers follow ("Kharan 3 2 0 7 2 12"). */
export function isTableRow(sentence: Token[], from: number, to: number): boolean {
  if (from > 0 && !sentence[from]!.lineStart) return false
  let numbers = 0
  while (numbers < 3 && /^\d/.test(sentence[to + numbers]?.text ?? '')) numbers++
  return numbers === 3
}

/** Words that end the names of clubs ("Gwadar Rovers", "Pasni United"), in lower case. */
export const CLUB_WORDS = new Set(['united', 'rovers', 'wanderers', 'athletic', 'albion', 'hotspur', 'rangers', 'fc', 'afc'])

/**
 * A town and a plural ("Quetta Hawks", "Mastung Bulls"): a club named after
 * its town and its mascot. The plural alone then names the club too.
 */
export function isTownAndMascot(tokens: Token[]): boolean {
  if (tokens.length < 2) return false
  const mascot = tokens.at(-1)!.text
  if (!/^\p{Lu}\p{Ll}{2,}s$/u.test(mascot) || findPlaces(mascot).length > 0 || isDemonym(mascot.slice(0, -1))) return false
  return findPlaces(
    tokens
      .slice(0, -1)
      .map((token) => token.text)
      .join(' '),
  ).some((place) => place.kind === 'town' || place.kind === 'region')
}

/**
 * A town ("Turbat"), or where two sides have scores in one sentence ("Pasni 3
 * Gwadar 1"), a name the gazetteer lacks that starts with no first name.
 * `inResults`: the name stands in a line of one result or opens a row of a league table.
 */
export function couldBeTeam(tokens: Token[], twoSides: boolean, inResults = false): boolean {
  const places = findPlaces(tokens.map((token) => token.text).join(' '))
  // In a line of one result ("Cukaricki 1 Vojvodina 0") or a table's row ("Ross County 3 0 0 3 3 7") a region is a side
  // too, as counties are in cricket.
  if (places.length > 0) return places.some((place) => place.kind === 'town' || (inResults && place.kind === 'region'))
  return (
    twoSides &&
    // "Port Vale 2 Oxford 0", "Lotte 6 Hyundai 2", "Clyde 3 1 0 2 2 5": in results a first word that is also a first
    // name names a club, and so does a title ("Queen of the South 3 2 0 1 5 4").
    (inResults || !isFirstName(tokens[0]!.text)) &&
    !isDemonym(tokens[0]!.text) &&
    tokens.every((token) => token.word && !/^\p{Lu}\.$/u.test(token.text) && (inResults || !isRoleWord(token)))
  )
}

/**
 * A line that is one result and nothing else: two runs of capitalised words, each followed by its score ("Port Vale 2
 * Oxford 0", "Queen 's Park 1 Forfar 4"). Golf cards and tables have more numbers; people in results have a country
 * in brackets or "beat".
 */
export function isResultLine(sentence: Token[], from: number): boolean {
  let start = from
  while (start > 0 && !sentence[start]!.lineStart) start--
  let end = start + 1
  while (end < sentence.length && !sentence[end]!.lineStart) end++
  const line = sentence.slice(start, end).filter((token) => token.text !== "'" && token.text !== '’' && token.text !== 's')
  const scores = line.flatMap((token, index) => (SCORE.test(token.text) ? [index] : []))
  if (scores.length !== 2 || scores[1] !== line.length - 1 || scores[0]! < 1 || scores[1] - scores[0]! < 2) return false
  return line.every((token, index) => scores.includes(index) || token.capital || CONNECTORS_IN_CLUBS.has(token.text))
}

const CONNECTORS_IN_CLUBS = new Set(['of', 'de', 'the', '(', ')', '&', '-'])

/**
 * Words only sports reports use in lower case: a report with three of them is about sport, where a town or a county named
 * as a doer is its club ("Essex reached 372", "Milwaukee has won") even with no result in view.
 */
const SPORTS_WORDS = new Set(
  `innings wicket wickets batsman bowler all-rounder striker midfielder defender goalkeeper winger fullback scrum-half
  fly-half quarterback pitcher inning homer homers touchdown goals scored equaliser equalizer
  semifinal semi-final quarter-final quarterfinal league championship tournament playoff play-off playoffs squad
  halftime half-time rugby soccer football cricket baseball basketball hockey referee`.split(/\s+/),
)

export function isSportsReport(lowerWords: ReadonlySet<string>): boolean {
  let found = 0
  for (const word of SPORTS_WORDS) if (lowerWords.has(word) && ++found >= 3) return true
  return false
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
