import { isDemonym, isFirstName, type Place } from '../../../../gazetteer'
import {
  ARABIC_PLACE_OPENERS,
  KIN,
  NOT_PERSON_WORDS,
  ORG_SUFFIXES,
  PLACE_NAME_OPENERS,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS_AFTER_NAME,
  STRONG_PLACE_PREPOSITIONS,
} from '../lexicon'
import { ageAfter, countryInBrackets, isAcronym, isDemonymOfSeveralWords, looksLikePersonName, lower, namesPlace } from '../names'
import { buildingKindOf, hasPersonContext, hasPersonEvidence, namesAThing, soundsLikeCommonNouns } from '../person-evidence'
import { countryAfterComma, demonymBeforeKind, featureBefore, kindAfter, kindOfBefore } from '../place-cues'
import { isBigPlace, isNamesakeAbroad, isProminentPlace, pickPlace, placeDetails } from '../places'
import { byLeadingName, isClubOfTown, isTeamHere, namedBefore } from '../recall'
import { addPerson, decide, decidePlace } from '../record'
import { spanOf, type Reading } from '../reading'
import type { Rule } from './strong-evidence'
import { factsOf, type Candidate } from '../candidates'
import type { Token } from '../tokens'

/**
 * The weak-evidence pass: candidates no strong rule settled, read by what the text found before
 * (earlier mentions, acronyms, organisations' first words), the shape of the name and the words
 * around it, and the gazetteer with the countries in view. The runs of several words go first, so
 * that a single word is read once the longer names it may shorten are known.
 */
export function readWeakEvidence(reading: Reading): void {
  for (const { sentence, candidate } of reading.candidates) if (candidate.tokens.length > 1) readWeak(reading, sentence, candidate)
  for (const { sentence, candidate } of reading.candidates) if (candidate.tokens.length === 1) readWeak(reading, sentence, candidate)
}

function readWeak(reading: Reading, sentence: Token[], candidate: Candidate): void {
  if (reading.decided.has(candidate) || reading.book.has(spanOf(candidate.tokens)) || reading.spelledOut.has(candidate)) return
  // The strong pass set these aside as no name; the single-word demonyms need no check, their words are no name words.
  if (isDemonymOfSeveralWords(candidate, factsOf(reading, candidate).name)) return
  for (const rule of WEAK_RULES) if (rule(reading, sentence, candidate)) return
}

/** "Jian" after "Lin Jian": a surname (or the whole name) of someone found before. */
const earlierPerson: Rule = (reading, sentence, candidate) => {
  const surname = candidate.tokens.length === 1 ? reading.people.get(factsOf(reading, candidate).name) : undefined
  if (!surname) return false
  decide(reading, sentence, candidate, 'person', surname)
  return true
}

/** "at Pasni" where Pasni is a club elsewhere: here the town, the venue of the match. */
const venueOfTeam: Rule = (reading, sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  const venue = reading.teams.has(name.toLowerCase()) && !isTeamHere(reading, sentence, candidate) ? pickPlace(name, reading.context) : undefined
  if (!venue) return false
  decide(reading, sentence, candidate, 'place', name, placeDetails(venue))
  return true
}

/** An acronym the text defined, a name it already gave an organisation, place or country, or an organisation's first word. */
const earlierName: Rule = (reading, sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  const known = reading.acronyms.get(name) ?? namedBefore(reading, name)
  if (!known) return false
  decide(reading, sentence, candidate, known.type, known.name)
  return true
}

/** "Lin" for Lin Jian: a person by the first word of their name, unless a word of the run names an organisation. */
const earlierPersonByLeadingName: Rule = (reading, sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  const person = reading.people.get(name) ?? (containsOrganisation(reading, candidate) ? undefined : byLeadingName(reading, name))
  if (!person) return false
  decide(reading, sentence, candidate, 'person', person)
  return true
}

/** "the town of Mokha", "Maidan Wardak province", "Mokha, Yemen": the words around say it is a place. */
const placeByCue: Rule = (reading, sentence, candidate) => {
  const inCountry = placeCue(reading, sentence, candidate)
  if (inCountry === undefined) return false
  decidePlace(reading, sentence, candidate, inCountry)
  return true
}

/** "in Sant Feliu", "near La Llagosta": a name of several words after "in" or "near" that is no person's full name. */
const placeAfterPreposition: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  if (tokens.length <= 1 || !STRONG_PLACE_PREPOSITIONS.has(prepositionBefore(sentence, candidate.from))) return false
  const facts = factsOf(reading, candidate)
  if (!((!facts.firstName && facts.personShape) || startsPlaceName(tokens))) return false
  const name = facts.name
  decide(reading, sentence, candidate, 'place', name)
  reading.unplaced.push(name)
  return true
}

/** "Al Mukalla", "Ras Tanura": an Arabic place word before a name. */
const arabicPlaceName: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  if (tokens.length <= 1 || !ARABIC_PLACE_OPENERS.has(lower(tokens[0]!)) || !looksLikePersonName(tokens.slice(1))) return false
  decidePlace(reading, sentence, candidate)
  return true
}

/**
 * Two or three words shaped like a person's name that the text calls a building ("Notre Dame cathedral", "Hagia Sophia,
 * now a museum,", "Cipriani Dolci restaurant"), with no person's context where they stand: an institution is an
 * organisation, a landmark is set aside (no person, and no organisation either).
 */
const buildingNamedLikeAPerson: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  if (tokens.length < 2 || tokens.length > 3 || !factsOf(reading, candidate).personShape) return false
  const name = factsOf(reading, candidate).name
  const kind = buildingKindOf(reading.text, name)
  if (!kind || hasPersonContext(reading.text, sentence, candidate.to)) return false
  if (kind === 'institution') decide(reading, sentence, candidate, 'organization', name)
  return true
}

/**
 * Two or three words shaped like a person's name, naming no organisation, thing or place (unless an
 * athlete's country follows in brackets); words the text also writes in lower case need a person's evidence.
 */
const personByShape: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  if (
    tokens.length > 1 &&
    tokens.length < 4 &&
    !containsOrganisation(reading, candidate) &&
    factsOf(reading, candidate).personShape &&
    !namesAThing(tokens) &&
    !tokens.some((token) => token.text === 'of' || token.text === 'for') &&
    // "Sudesh Amman, 20,", "Ana Tarija said": a surname that is also a town's, with a person's age, role or verb after it.
    (!namesPlace(tokens) || countryInBrackets(sentence, candidate.to) || hasPersonContext(reading.text, sentence, candidate.to)) &&
    (!soundsLikeCommonNouns(tokens, reading.lowerWords) || hasPersonEvidence(reading.text, sentence, tokens, candidate.to))
  ) {
    addPerson(reading, sentence, candidate.from, candidate.to)
    return true
  }
  return false
}

/** The rules after this one read single words of two letters or more only. */
const notASingleWord: Rule = (reading, _sentence, candidate) => candidate.tokens.length !== 1 || factsOf(reading, candidate).name.length < 2

/** "his widow, Denise": a relative named by one word in apposition. */
const relativeInApposition: Rule = (reading, sentence, candidate) => {
  const facts = factsOf(reading, candidate)
  if (containsOrganisation(reading, candidate) || !kinBefore(sentence, candidate.from) || !facts.personShape || isAcronym(facts.name)) return false
  addPerson(reading, sentence, candidate.from, candidate.to)
  return true
}

/** "Farrant said", "Farrant, 31,": a speech verb or an age after one word that names no place. */
const speakerOrAged: Rule = (reading, sentence, candidate) => {
  const facts = factsOf(reading, candidate)
  const after = sentence[candidate.to]
  if (containsOrganisation(reading, candidate)) return false
  if (!((after?.word && SPEECH_VERBS_AFTER_NAME.has(after.text)) || ageAfter(sentence, candidate.to))) return false
  if (!facts.personShape || facts.places.length > 0 || isAcronym(facts.name)) return false
  addPerson(reading, sentence, candidate.from, candidate.to)
  return true
}

/**
 * One word the gazetteer knows as a place: its club in a report of results; the place after a
 * preposition or where it is prominent in the countries in view (a first name only for a big place).
 * One it does not know (or knows only as a small namesake abroad), after "in" or "near", is a place the
 * gazetteer lacks when nothing else fits.
 */
const singleWordPlace: Rule = (reading, sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  const preposition = prepositionBefore(sentence, candidate.from)
  const picked = isDemonym(name) || NOT_PERSON_WORDS.has(name.toLowerCase()) ? undefined : pickPlace(name, reading.context)
  const place = picked && !isNamesakeAbroad(picked, reading.context) ? picked : undefined
  if (place) return readKnownPlace(reading, sentence, candidate, place, PLACE_PREPOSITIONS.has(preposition))
  if (STRONG_PLACE_PREPOSITIONS.has(preposition) && couldBeUnknownPlace(reading, candidate.tokens[0]!, sentence[candidate.to]))
    decidePlace(reading, sentence, candidate)
  return true
}

/**
 * The weak rules in the order they are tried; the first that settles a candidate ends its reading.
 * What the text found before comes first (a person, a venue, an acronym or a name given earlier), since
 * a text keeps calling one thing by one name; then the words around the name that say it is a place,
 * before its shape says it is a person ("Maidan Wardak province" is shaped like a name); people by
 * shape before the single-word rules, which read one word by the weakest evidence: a relative, a speech
 * verb or an age, and last the gazetteer.
 */
const WEAK_RULES: readonly Rule[] = [
  earlierPerson,
  venueOfTeam,
  earlierName,
  earlierPersonByLeadingName,
  placeByCue,
  placeAfterPreposition,
  arabicPlaceName,
  buildingNamedLikeAPerson,
  personByShape,
  notASingleWord,
  relativeInApposition,
  speakerOrAged,
  singleWordPlace,
]

function readKnownPlace(reading: Reading, sentence: Token[], candidate: Candidate, place: Place, afterPreposition: boolean): boolean {
  const name = factsOf(reading, candidate).name
  if (isClubOfTown(reading, sentence, candidate, place)) {
    reading.teams.add(name.toLowerCase())
    decide(reading, sentence, candidate, 'organization', name)
  } else if (afterPreposition || (isProminentPlace(place, reading.context) && (!isFirstName(name) || isBigPlace(place)))) {
    decide(reading, sentence, candidate, 'place', name, placeDetails(place))
  }
  return true
}

/** Whether a word of the run is the name of an organisation found before ("Kestrel" in "Kestrel Logistics"). */
function containsOrganisation(reading: Reading, candidate: Candidate): boolean {
  return candidate.tokens.some((token) => reading.book.find('organization', token.text))
}

/**
 * What the words around a name say of it being a place ("the town of Mokha", "the Greek island of Samos",
 * "Maidan Wardak province", "the river Seine", "Mokha, Yemen"): the code of its country, '' when
 * none is said, undefined when nothing says it is a place.
 */
function placeCue(reading: Reading, sentence: Token[], candidate: Candidate): string | undefined {
  const { tokens, from, to } = candidate
  const facts = factsOf(reading, candidate)
  const name = facts.name
  if (
    reading.teams.has(name.toLowerCase()) ||
    reading.people.has(name) ||
    isDemonym(name) ||
    isAdjective(tokens.at(-1)!) ||
    (facts.personShape && tokens.length > 1 && facts.firstName)
  )
    return undefined
  if (kindOfBefore(sentence, from)) return demonymBeforeKind(sentence, from) ?? ''
  if (kindAfter(sentence, to) || featureBefore(sentence, from)) return ''
  return countryAfterComma(sentence, from, to, name, reading.context)
}

/** "in Morvella", "near Tasquera": a word the gazetteer lacks, after "in" or "near", that names nothing else (not "in Catalonian", "in Muslim-majority"). */
function couldBeUnknownPlace(reading: Reading, token: Token, next: Token | undefined): boolean {
  return (
    next?.text !== '-' &&
    !isAdjective(token) &&
    !token.initial &&
    !isAcronym(token.text) &&
    !isFirstName(token.text) &&
    !isDemonym(token.text) &&
    !reading.lowerWords.has(token.text.toLowerCase()) &&
    !ORG_SUFFIXES.has(lower(token)) &&
    !NOT_PERSON_WORDS.has(lower(token)) &&
    looksLikePersonName([token])
  )
}

/**
 * The preposition right before a name, in lower case ('' if none): "in Mosul", and "Near Mosul," opening
 * a sentence, as strike lists do ("Near Mosul, one strike destroyed…").
 */
function prepositionBefore(sentence: Token[], from: number): string {
  const before = sentence[from - 1]
  return before?.word && (!before.capital || before.initial) ? lower(before) : ''
}

/** "Catalonian", "Kurdish", "Islamic", "Sunni": an adjective of a people or faith, no place's name. */
const isAdjective = (token: Token) => /(?:ian|ean|ese|ish|ic)$/.test(token.text) || NOT_PERSON_WORDS.has(lower(token))

/** "his widow, Denise", "the victim's mother, Anwar": a relative named by one word in apposition. */
function kinBefore(sentence: Token[], from: number): boolean {
  const kin = sentence[from - 2]
  return sentence[from - 1]?.text === ',' && Boolean(kin?.word && !kin.capital && KIN.has(kin.text))
}

/** "La Llagosta", "San Andrés": an article or a saint before a name the gazetteer lacks. */
function startsPlaceName(tokens: Token[]): boolean {
  return PLACE_NAME_OPENERS.has(lower(tokens[0]!)) && looksLikePersonName(tokens.slice(1))
}
