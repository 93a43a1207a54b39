import { countryOfDemonym, findCountry, findPlaces, isDemonym, isFirstName, type Place } from '../../../../gazetteer'
import { factsOf, findCandidates, type Candidate } from '../candidates'
import { KNOWN_ORGS, NOT_ORG_ACRONYMS, ORG_SUFFIXES } from '../lexicon'
import { countryInBrackets, isAcronym, isWebsite, lower, spellsAcronym, titleCase } from '../names'
import { isBigPlace } from '../places'
import { capitalRuns, couldBeTeam, facesAnother, isClubInSportsReport, isResultLine, isSportsReport, isTableRow, isTeamPosition, isTown } from '../teams'
import { nameOf, type Reading } from '../reading'
import { hasLetter, hasLowerCase, type Token } from '../tokens'

/**
 * The vocabulary pass: the text's own evidence, before any name is decided. Sentences in capitals are
 * set aside; the rest give the words written in lower case, the capitalised runs (the candidates), the
 * countries in view (named, or else those of the text's regions and big towns) and the place names
 * used for sports teams.
 */
export function readVocabulary(reading: Reading): void {
  const midCapitals = new Set<string>()
  const { lowerWords, shouting, context, teams } = reading
  for (const sentence of reading.sentences) {
    const words = sentence.filter((token) => token.word && hasLetter(token.text))
    if (words.length > 0 && words.every((token) => !hasLowerCase(token.text)) && words.some((token) => token.text.length > 1)) {
      shouting.add(sentence)
      continue
    }
    for (const token of words) {
      if (token.capital && !token.initial) midCapitals.add(token.text)
      if (!token.capital) lowerWords.add(token.text)
    }
  }
  reading.sportsReport = isSportsReport(lowerWords)
  const nameLike = (token: Token) =>
    midCapitals.has(token.text) ||
    isDemonym(token.text) ||
    KNOWN_ORGS.has(token.text) ||
    isWebsite(token.text) ||
    Boolean(findCountry(token.text)) ||
    findPlaces(token.text).length > 0 ||
    isFirstName(token.text)
  const landmarks: string[] = []
  // A score after the first word of a line makes it a side in a result ("Dalbandin 2 Kharan 1");
  // an organisation word after it makes it part of that name ("Press TV said").
  const keepInitial = (token: Token, next: Token | undefined, following: Token | undefined) =>
    nameLike(token) ||
    (next !== undefined && (!lowerWords.has(lower(token)) || ORG_SUFFIXES.has(lower(next)))) ||
    (/^\d+$/.test(following?.text ?? '') && !lowerWords.has(lower(token))) ||
    // "((WN))": an interviewer's initials in brackets are no name.
    (hasNameShape(token.text) && following?.text !== ')')
  for (const sentence of reading.sentences) {
    if (shouting.has(sentence)) continue
    const candidates = joinSpelledOut(sentence, findCandidates(sentence, keepInitial))
    const scored = candidates.filter((candidate) => isTeamPosition(sentence, candidate.from, candidate.to)).length
    for (const candidate of candidates) {
      if (isQuotedTitle(sentence, candidate) || isNumberedRoad(sentence, candidate)) continue
      reading.candidates.push({ sentence, candidate })
      reading.candidateAt.set(candidate.tokens[0]!, candidate)
      if (candidate.tokens.length === 1) reading.singles.add(candidate.tokens[0]!.text)
      const facts = factsOf(reading, candidate)
      const name = facts.name
      const country = facts.country ?? countryOfDemonym(candidate.tokens[0]!.text)
      if (country) context.add(country.code)
      else landmarks.push(name)
      const sides = scored > 1 || facesAnother(sentence, candidate.from, candidate.to) || isTableRow(sentence, candidate.from, candidate.to)
      const athlete = candidate.tokens.length > 1 && facts.personShape && countryInBrackets(sentence, candidate.to)
      if (
        !country &&
        !athlete &&
        isTeamPosition(sentence, candidate.from, candidate.to) &&
        couldBeTeam(candidate.tokens, sides, isResultLine(sentence, candidate.from) || isTableRow(sentence, candidate.from, candidate.to))
      )
        teams.add(name.toLowerCase())
      else if (!country && reading.sportsReport && isClubInSportsReport(sentence, candidate.from, candidate.to) && isTown(name)) teams.add(name.toLowerCase())
    }
  }
  // Where the text names no country, its regions and big towns tell which one it is about.
  // Each name once: a name repeated adds nothing to the set.
  if (context.size === 0) for (const name of new Set(landmarks)) context.add(landmark(name)?.country ?? '')
  context.delete('')
  for (const sentence of shouting) {
    for (const run of capitalRuns(sentence)) {
      const name = titleCase(nameOf(reading, run.tokens))
      if (!findCountry(name) && isTown(name) && isTeamPosition(sentence, run.from, run.to)) teams.add(name.toLowerCase())
    }
  }
}

/**
 * "the Organisation for Security and Cooperation in Europe (OSCE)", "the U.N. Interim Force in Lebanon (UNIFIL)": runs
 * that a lower-case "in", "on" or "and" cut apart are one name where the acronym in brackets after the last is spelled by
 * their initials, and the last alone does not spell it. Up to four runs, each gap one or two such words; the first run
 * may give up words before the name ("United States" before "National Institute of Allergy and Infectious Diseases").
 */
function joinSpelledOut(sentence: Token[], candidates: Candidate[]): Candidate[] {
  const out = [...candidates]
  for (let last = out.length - 1; last >= 0; last--) {
    const { to } = out[last]!
    const [open, acronym, close] = sentence.slice(to, to + 3)
    if (open?.text !== '(' || close?.text !== ')' || !acronym || !isAcronym(acronym.text)) continue
    if (spellsAcronym(out[last]!.tokens, acronym.text)) continue
    for (let first = last; first >= Math.max(0, last - 3); first--) {
      const gap = first < last ? sentence.slice(out[first]!.to, out[first + 1]!.from) : []
      if (first < last && (gap.length === 0 || gap.length > 2 || !gap.every((token) => NAME_GAP_WORDS.has(token.text)))) break
      const start = out[first]!.from
      // An acronym of at most six letters spells no more than the last sixteen words: a long run costs no more.
      let from = Math.max(start, to - 16)
      while (from < out[first]!.to && !spellsAcronym(sentence.slice(from, to), acronym.text)) from++
      if (from === out[first]!.to || !sentence[from]!.capital) continue
      const joined = { tokens: sentence.slice(from, to), from, to }
      const before = from > start ? [{ tokens: sentence.slice(start, from), from: start, to: from }] : []
      out.splice(first, last - first + 1, ...before, joined)
      last = first
      break
    }
  }
  return out
}

/** Lower-case words that stand inside a long name between its capitalised runs. */
const NAME_GAP_WORDS = new Set(['in', 'on', 'and', 'of', 'for', 'from', 'against', 'the', 'at', 'to', 'de', 'du', 'des', 'et', 'y'])

/** "Harbour Lights", 'the film "Anna Verhoeven"': capitalised words that fill a quotation are a title, no name. */
function isQuotedTitle(sentence: Token[], { tokens, from, to }: Candidate): boolean {
  const open = sentence[from - 1]?.text ?? ''
  const close = sentence[to]?.text ?? ''
  return tokens.length > 1 && QUOTE_MARKS.has(open) && QUOTE_MARKS.has(close) && !KNOWN_ORGS.has(tokens.map((token) => token.text).join(' '))
}

const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’'])

/** "Interstate 80", "Route 2", "Highway 1": a road by its number is a designation, no name (and no team with a score). */
function isNumberedRoad(sentence: Token[], { tokens, to }: Candidate): boolean {
  return tokens.length === 1 && ROAD_WORDS.has(tokens[0]!.text.toLowerCase()) && /^\d+[A-Za-z]?$/.test(sentence[to]?.text ?? '')
}

const ROAD_WORDS = new Set(['interstate', 'route', 'highway', 'motorway', 'freeway', 'expressway'])

/** A region or a big town, whose country tells what the text is about ("Balochistan", "Quetta"). */
function landmark(name: string): Place | undefined {
  const places = findPlaces(name).filter((place) => place.country && (place.kind === 'region' || isBigPlace(place)))
  return places.length > 0 && places.every((place) => place.country === places[0]!.country) ? places[0] : undefined
}

/** "NPR", "KeyCorp", "WalesOnline": capitals no ordinary word has (an acronym, a capital inside the word), so a name even first in a sentence. */
function hasNameShape(word: string): boolean {
  return (/^\p{Lu}{2,}$/u.test(word) && !NOT_ORG_ACRONYMS.has(word)) || /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(word)
}
