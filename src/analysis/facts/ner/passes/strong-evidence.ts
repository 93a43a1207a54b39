import { findCountry, findPlaces, findPlacesOrAlternates, isDemonym, isFirstName, type Place } from '../../../../gazetteer'
import {
  AIRPORT_WORDS,
  COMPASS_WORDS,
  CONNECTORS,
  FUNCTION_WORDS,
  HONORIFICS,
  KNOWN_ORGS,
  NATIONS,
  NOT_ORG_ACRONYMS,
  ORG_KINDS,
  ORG_MEMBERS,
  ORG_PREFIXES,
  ORG_SUFFIXES,
  THING_TAILS,
} from '../lexicon'
import {
  countryInBrackets,
  demonymOf,
  isAcronym,
  isDemonymOfSeveralWords,
  isRoleWord,
  isWebsite,
  looksLikePersonName,
  lower,
  namesPlace,
  spellsAcronym,
} from '../names'
import { hasPersonContext, namesAThing } from '../person-evidence'
import { LEADING_FEATURES, PLACE_FEATURES } from '../place-cues'
import { pickPlace, placeDetails } from '../places'
import { isClubOfTown, isTeamHere } from '../recall'
import { addDemonym, addPerson, decide, decidePlace } from '../record'
import { lastRoleHead, roleBefore } from '../roles'
import { isOrganisationKind, listedAfterOrganisationKind } from '../lists'
import { CLUB_WORDS, isTeamPosition, isTownAndMascot } from '../teams'
import { nameOf, spanOf, type Decided, type Reading } from '../reading'
import { factsOf, type Candidate } from '../candidates'
import type { Token } from '../tokens'

/** A rule of an evidence pass: true when it settled the candidate (decided it, or judged it is no name for this pass). */
export type Rule = (reading: Reading, sentence: Token[], candidate: Candidate) => boolean

/**
 * The strong-evidence pass: what a name says of itself or its nearest words (an acronym the text
 * defined, a title before it, a country's name, an organisation word, a first name), read over every
 * candidate before the weak pass, so a short form is read once its full name is known.
 */
export function readStrongEvidence(reading: Reading): void {
  for (const { sentence, candidate } of reading.candidates) {
    if (reading.book.has(spanOf(candidate.tokens)) || reading.spelledOut.has(candidate)) continue
    for (const rule of STRONG_RULES) if (rule(reading, sentence, candidate)) break
  }
}

/** "FSB" after "Federal Security Service (FSB)": what the acronym was defined as. */
const definedAcronym: Rule = (reading, sentence, candidate) => {
  const abbreviated = reading.acronyms.get(factsOf(reading, candidate).name)
  if (!abbreviated) return false
  decide(reading, sentence, candidate, abbreviated.type, abbreviated.name)
  return true
}

/**
 * "ISIS (Islamic State of Iraq and Syria)": an acronym followed by the words it abbreviates in brackets,
 * one capitalised word per letter. Both name one organisation (a country where the words name one),
 * and the names inside the brackets are read no further.
 */
const spelledOutAcronym: Rule = (reading, sentence, candidate) => {
  const acronym = candidate.tokens[0]!.text
  if (candidate.tokens.length !== 1 || !isAcronym(acronym) || sentence[candidate.to]?.text !== '(') return false
  const open = candidate.to + 1
  let close = open + 1
  while (close < Math.min(sentence.length, open + 2 * acronym.length + 2) && sentence[close]!.text !== ')') close++
  if (sentence[close]?.text !== ')') return false
  const words = sentence.slice(open, close)
  const initials = words
    .filter((token) => token.capital)
    .map((token) => token.text[0])
    .join('')
  if (initials !== acronym.replace(/[.&]/g, '') || !words.every((token) => token.capital || CONNECTORS.has(token.text) || token.text === 'and')) return false
  const longName = nameOf(reading, words)
  const country = findCountry(longName)
  const entity: Decided = country ? { type: 'country', name: country.name } : { type: 'organization', name: longName }
  for (const inside of reading.candidates)
    if (inside.sentence === sentence && inside.candidate.from >= open && inside.candidate.to <= close) reading.spelledOut.add(inside.candidate)
  decide(reading, sentence, candidate, entity.type, entity.name)
  reading.book.add(entity.type, entity.name, spanOf(words))
  reading.acronyms.set(acronym, entity)
  return true
}

/** "told Der Spiegel" after "the news weekly Der Spiegel": a name of several words the text already gave an organisation. */
const earlierOrganisation: Rule = (reading, sentence, candidate) => {
  const facts = factsOf(reading, candidate)
  const known = candidate.tokens.length > 1 ? reading.book.find('organization', facts.name) : undefined
  // Not a place's name ("Gwadar Port" as a club and as the port): the place rules read those where they stand.
  if (!known || facts.places.length > 0 || facts.country) return false
  // "the Syrian Army" speaks of Syria each time, as the organisation rule counts it.
  if (isDemonym(candidate.tokens[0]!.text)) addDemonym(reading, candidate.tokens[0]!)
  decide(reading, sentence, candidate, 'organization', known.name)
  return true
}

/** "Foreign Minister Lin Jian", "Minister of Information Moammar al-Eryani": a title, then a person's name; the title is their role. */
const titledPerson: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  const head = lastRoleHead(tokens)
  const nameFrom = head < 0 ? -1 : looksLikePersonName(tokens.slice(head + 1)) ? head + 1 : nameAfterRoleOf(reading, tokens, head)
  if (nameFrom <= 0) return false
  const roleTokens = tokens.slice(0, nameFrom)
  readRole(reading, roleTokens)
  const honorific = roleTokens.length === 1 && HONORIFICS.has(lower(roleTokens[0]!))
  // "archbishop Monseñor Ana Ruiz": an honorific is no role, a lower-case title before it is.
  const role = honorific ? roleBefore(sentence, candidate.from) : roleTokens
  addPerson(reading, sentence, candidate.from + nameFrom, candidate.to, role ? nameOf(reading, role) : undefined)
  return true
}

/**
 * "CNN Philippines", "Netflix Japan", "ABC Australia": an organisation known by one word or its acronym, then a
 * country's name, is its branch there, one organisation (not a country the text speaks of). Not an initial ("N.
 * Korea"), an acronym that is itself a country or place ("US", "UAE"), nor a currency after an amount ("1.2 bln SKR").
 */
function isBranchInCountry(reading: Reading, tokens: Token[], before: Token | undefined): boolean {
  if (tokens.length < 2 || !findCountry(nameOf(reading, tokens.slice(1)))) return false
  const brand = tokens[0]!.text
  if (KNOWN_ORGS.has(brand)) return true
  if (!isAcronym(brand) || brand.replace(/\./g, '').length < 2 || NOT_ORG_ACRONYMS.has(brand) || findCountry(brand) || findPlaces(brand).length > 0)
    return false
  return !(before && (/\d/.test(before.text) || AMOUNT_WORDS.has(lower(before))))
}

/** Words of an amount before a currency's code ("1.2 bln SKR"). */
const AMOUNT_WORDS = new Set(['mln', 'bln', 'million', 'billion', 'trillion', 'bn', 'm', 'k'])

/**
 * "the United Nations Nikki Haley" (after "Ambassador to"), "Harwell Police Ana Lutz", "the House of Representatives
 * Eliot Engel": a body's name, then a person's
 * full name starting with a first name, are two entities written together; the body is the person's affiliation, not
 * part of the name.
 */
const bodyThenPerson: Rule = (reading, sentence, candidate) => {
  const { tokens, from } = candidate
  // The person's two or three words, so a long run costs no more than a short one.
  for (let split = tokens.length - 2; split >= Math.max(1, tokens.length - 3); split--) {
    const body = tokens.slice(0, split)
    const bodyName = nameOf(reading, body)
    const person = tokens.slice(split)
    // "the House of Representatives Eliot Engel": a body named by its word before "of" as well, where the split cuts
    // no name in two ("University of South | Carolina Beaufort").
    const bodyOf = namesBodyOf(body) && !COMPASS_WORDS.has(lower(body.at(-1)!)) && findPlaces(`${body.at(-1)!.text} ${person[0]!.text}`).length === 0
    if (!(KNOWN_ORGS.has(bodyName) || (body.length > 1 && (ORG_SUFFIXES.has(lower(body.at(-1)!)) || bodyOf)))) continue
    if (!isFirstName(person[0]!.text) || !looksLikePersonName(person)) continue
    reading.book.add('organization', bodyName, spanOf(body))
    addPerson(reading, sentence, from + split, candidate.to)
    reading.decided.set(candidate, { type: 'person', name: nameOf(reading, person) })
    return true
  }
  return false
}

/**
 * "United States Senator from Vermont Bernie Sanders", "Representative from Texas Ana Ruiz": after a title and "from", a
 * place, then a person's full name starting with a first name, are two entities written together; the place is where
 * the person holds the title, not part of the name.
 */
const placeThenPerson: Rule = (reading, sentence, candidate) => {
  const { tokens, from, to } = candidate
  if (sentence[from - 1]?.text !== 'from' || !sentence[from - 2] || !isRoleWord(sentence[from - 2]!)) return false
  for (let split = tokens.length - 2; split >= Math.max(1, tokens.length - 3); split--) {
    const where = tokens.slice(0, split)
    const person = tokens.slice(split)
    if (!isFirstName(person[0]!.text) || !looksLikePersonName(person)) continue
    const whereName = nameOf(reading, where)
    const country = findCountry(whereName)
    const place = country ? undefined : pickPlace(whereName, reading.context)
    if (!country && !place) continue
    if (country) reading.book.add('country', country.name, spanOf(where))
    else reading.book.add('place', whereName, spanOf(where), placeDetails(place!))
    addPerson(reading, sentence, from + split, to)
    reading.decided.set(candidate, { type: 'person', name: nameOf(reading, person) })
    return true
  }
  return false
}

/**
 * "Broadcaster Piers Morgan commented": a word of what someone does (ending as an agent noun does), capitalised only as
 * the first word of a sentence, before a person's name of two or three words, is the person's role, not part of the name.
 */
const occupationThenPerson: Rule = (reading, sentence, candidate) => {
  const { tokens, from, to } = candidate
  const [occupation] = tokens
  const person = tokens.slice(1)
  if (!occupation!.initial || person.length < 2 || person.length > 3 || !AGENT_ENDING.test(lower(occupation!)) || !looksLikePersonName(person)) return false
  if (isFirstName(occupation!.text) || findPlaces(occupation!.text).length > 0 || findCountry(occupation!.text) || isDemonym(occupation!.text)) return false
  addPerson(reading, sentence, from + 1, to, occupation!.text)
  reading.decided.set(candidate, { type: 'person', name: nameOf(reading, person) })
  return true
}

/** Endings of nouns of what people do: broadcaster, actor, novelist, comedian, attendant, student. */
const AGENT_ENDING = /\p{Ll}{3,}(?:er|or|ist|ian|ant|ent)$/u

/** "Jian" after "Lin Jian": the surname of someone found earlier in text order. */
const knownSurname: Rule = (reading, sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  const surname = candidate.tokens.length === 1 ? reading.people.get(name) : undefined
  if (!surname || surname === name) return false
  decide(reading, sentence, candidate, 'person', surname)
  return true
}

const country: Rule = (reading, sentence, candidate) => {
  const found = factsOf(reading, candidate).country
  if (!found) return false
  decide(reading, sentence, candidate, 'country', found.name)
  return true
}

/**
 * "Northern Syria", "South Lebanon": a compass word and a country name a part of that country, unless the gazetteer
 * knows the whole name as a place of its own ("Northern Ireland" is in the United Kingdom).
 */
const partOfCountry: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  const part = tokens.length === 2 && COMPASS_WORDS.has(lower(tokens[0]!)) ? findCountry(tokens[1]!.text) : undefined
  if (!part || findPlaces(nameOf(reading, tokens)).length > 0) return false
  decide(reading, sentence, candidate, 'place', nameOf(reading, tokens), { country: part.name })
  return true
}

/**
 * "Kenyan" alone: an adjective here, whose country the affiliations pass may still take. A demonym of several words
 * ("Puerto Rican voters", "Hong Kongers") is no person's or body's name either.
 */
const loneDemonym: Rule = (reading, _sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  return candidate.tokens.length === 1 ? isDemonym(name) : isDemonymOfSeveralWords(candidate, name)
}

/** "New Delhi", "Maidan Wardak": a place of several words, unless the text uses that name for a club here. */
const multiWordPlace: Rule = (reading, sentence, candidate) => {
  const name = factsOf(reading, candidate).name
  const place = candidate.tokens.length > 1 ? pickPlace(name, reading.context) : undefined
  if (!place) return false
  if (isClubOfTown(reading, sentence, candidate, place)) reading.teams.add(name.toLowerCase())
  if (isTeamHere(reading, sentence, candidate)) return false
  if (isFeatureAbroad(reading, sentence, candidate, place)) {
    decide(reading, sentence, candidate, 'place', name)
    reading.unplaced.push(name)
  } else decide(reading, sentence, candidate, 'place', name, placeDetails(place))
  return true
}

/**
 * "separated by the Rio Grande" in a text about the United States and Mexico: towns are named without "the", rivers,
 * seas and regions with it, so a name after "the" that the gazetteer knows only in a country the text is not about is
 * no town or region of that country but a feature of the text's own (its main country is given at the end).
 */
function isFeatureAbroad(reading: Reading, sentence: Token[], { from }: Candidate, place: Place): boolean {
  // A wide area ("the Middle East") lies in no one country: it is never abroad.
  return sentence[from - 1]?.text.toLowerCase() === 'the' && place.country !== '' && reading.context.size > 0 && !reading.context.has(place.country)
}

/**
 * "U.N. Interim Force in Lebanon (UNIFIL)", "Rally for Democracy and Progress (RDP)": a name of two or more words that
 * the text abbreviates in brackets right after it, letter for letter, is a body (countries and places were read before;
 * regions and other areas keep to the place rules, and laws, programmes and other things to theirs).
 */
const nameWithAcronym: Rule = (reading, sentence, candidate) => {
  const { tokens, to } = candidate
  const [open, acronym, close] = sentence.slice(to, to + 3)
  if (tokens.length < 2 || open?.text !== '(' || close?.text !== ')' || !acronym || !isAcronym(acronym.text)) return false
  if (!spellsAcronym(tokens, acronym.text) || tokens.some((token) => AREA_WORDS.has(lower(token))) || THING_TAILS.has(lower(tokens.at(-1)!))) return false
  // "Anna Reyes (AR)": a person's initials.
  const facts = factsOf(reading, candidate)
  if (facts.firstName && facts.personShape) return false
  decide(reading, sentence, candidate, 'organization', facts.name)
  return true
}

/** Words that make a name an area ("Bangsamoro Autonomous Region in Muslim Mindanao (BARMM)"), not a body. */
const AREA_WORDS = new Set(['region', 'province', 'state', 'territory', 'district', 'county', 'zone', 'area', 'republic', 'emirates', 'islands'])

/** A club, or a name with an organisation's word or shape ("Paris Police Prefecture", "FSB"). */
const organisation: Rule = (reading, sentence, candidate) => {
  if (!isTeamHere(reading, sentence, candidate) && !isOrganisation(reading, sentence, candidate)) return false
  if (isDemonym(candidate.tokens[0]!.text)) addDemonym(reading, candidate.tokens[0]!)
  decide(reading, sentence, candidate, 'organization', factsOf(reading, candidate).name)
  return true
}

/**
 * "Quetta International Airport", "Seine River", "Mount Bukak": a name ending in a feature word, or opening with one of
 * those that come first, is a place (an airport, the town it serves); not a first name and a surname that is also a
 * feature word where the words after it speak of a person ("Ellen Park said").
 */
const namedFeature: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  if (!namesAFeature(tokens)) return false
  if (tokens.length === 2 && factsOf(reading, candidate).firstName && hasPersonContext(reading.text, sentence, candidate.to)) return false
  const county =
    lower(tokens[0]!) === 'county'
      ? countyCountry(
          reading,
          tokens
            .slice(1)
            .map((token) => token.text)
            .join(' '),
        )
      : undefined
  decidePlace(reading, sentence, candidate, county ?? townOfAirport(reading, candidate)?.country)
  return true
}

/**
 * "County Galway", "County Durham": counties are named this way in Ireland and the United Kingdom only (elsewhere "Kern
 * County"), and the gazetteer lacks most of them: the country of a town of that name there, else the one of the two the
 * text is about, Ireland where it is about neither or both.
 */
function countyCountry(reading: Reading, name: string): string {
  const town = findPlacesOrAlternates(name).find((place) => COUNTY_COUNTRIES.has(place.country))
  if (town) return town.country
  return reading.context.has('GB') && !reading.context.has('IE') ? 'GB' : 'IE'
}

const COUNTY_COUNTRIES = new Set(['IE', 'GB'])

/** A name of two words or more ending in a feature word, or opening with one of those that come first ("Mount Bukak", "County Cork"). */
const namesAFeature = (tokens: Token[]) => tokens.length > 1 && (PLACE_FEATURES.has(lower(tokens.at(-1)!)) || LEADING_FEATURES.has(lower(tokens[0]!)))

/**
 * "Strait of Hormuz", "Gulf of Oman", "Bay of Bengal": a feature of the land or sea, "of" and its name is a place. Seas
 * and straits lie between countries, so none is given.
 */
const featureOfName: Rule = (reading, sentence, candidate) => {
  const [feature, of] = candidate.tokens
  if (candidate.tokens.length < 3 || of?.text !== 'of' || !FEATURES_BEFORE_OF.has(lower(feature!))) return false
  decide(reading, sentence, candidate, 'place', factsOf(reading, candidate).name)
  return true
}

/**
 * "the Brewers rallied", "a win over the Blue Jays": in a sports report (`isSportsReport`), a plural name after "the"
 * is a club by its nickname, unless it names a people ("the Austrians") or a place.
 */
const clubByNickname: Rule = (reading, sentence, candidate) => {
  const { tokens, from } = candidate
  const last = tokens.at(-1)!.text
  if (!reading.sportsReport || sentence[from - 1]?.text.toLowerCase() !== 'the' || !/\p{Ll}s$/u.test(last) || demonymOf(last)) return false
  const facts = factsOf(reading, candidate)
  if (facts.country || facts.places.length > 0 || tokens.some((token) => !token.capital)) return false
  decide(reading, sentence, candidate, 'organization', facts.name)
  return true
}

/**
 * A cricket scorecard: a batsman before how they were out ("Inzamam-ul-Haq c Thorpe b Croft 6", "Thorpe lbw b …"), a
 * fielder or bowler after "c", "st" or "b" where the sentence has a dismissal, and a bowler before figures of overs,
 * maidens, runs and wickets ("Vaas 7-0-29-0") are people.
 */
const cricketer: Rule = (reading, sentence, candidate) => {
  const { from, to } = candidate
  const before = sentence[from - 1]?.text ?? ''
  const after = sentence[to]?.text ?? ''
  const marked = DISMISSAL_MARKS.has(before) || after === 'lbw' || (DISMISSAL_MARKS.has(after) && Boolean(sentence[to + 1]?.capital))
  const named = marked ? sentence.some((token) => token.text === 'b' || token.text === 'lbw') : bowlingFiguresAfter(reading, sentence[to - 1]!)
  if (!named || !candidate.tokens.every((token) => token.word && !/\d/.test(token.text))) return false
  addPerson(reading, sentence, from, to)
  return true
}

/** The figures as written after a name, whatever tokens "6.5-1-23-4." was cut into, on the next line if the name ends one. */
function bowlingFiguresAfter(reading: Reading, last: Token): boolean {
  const next = /^\s*(\S+)/.exec(reading.text.slice(last.end, last.end + 40))?.[1]
  return next !== undefined && BOWLING_FIGURES.test(next.replace(/[.,;]$/, ''))
}

/** "c" (caught by), "st" (stumped by), "b" (bowled by) before a player's name in a scorecard. */
const DISMISSAL_MARKS = new Set(['c', 'st', 'b'])
/** Overs, maidens, runs and wickets of a bowler ("10-0-41-2"). */
const BOWLING_FIGURES = /^\d+(?:\.\d)?-\d+-\d+-\d+$/

/**
 * "Erik Dekker (Netherlands) Rabobank 1:23", "Alex Tanner (Italy), Reynard Honda, 53.980": in a line of results, the name
 * right after an athlete and the country in brackets is the team they ride or drive for.
 */
const teamAfterAthlete: Rule = (reading, sentence, candidate) => {
  let close = candidate.from - 1
  if (sentence[close]?.text === ',') close--
  if (sentence[close]?.text !== ')') return false
  let open = close - 1
  while (open > 0 && close - open <= 4 && sentence[open]!.text !== '(') open--
  if (sentence[open]?.text !== '(' || !sentence[open - 1]?.capital || !countryInBrackets(sentence, open)) return false
  // "Ann Lee (U.S.), Mia Berg (Sweden)": a name with its own country in brackets is the next athlete.
  if (countryInBrackets(sentence, candidate.to)) return false
  decide(reading, sentence, candidate, 'organization', factsOf(reading, candidate).name)
  return true
}

/**
 * "flying from Jakarta to Pangkal Pinang", "the ferry from Hamburg to Tarsk Vollen": the end of a journey that starts at
 * a known place is a place too, unless it opens with a first name and the words after it speak of a person.
 */
const routeEnd: Rule = (reading, sentence, candidate) => {
  const { tokens, from, to } = candidate
  if (sentence[from - 1]?.text !== 'to' || !tokens.every((token) => token.capital)) return false
  const start = ROUTE_START.exec(reading.text.slice(Math.max(0, sentence[from - 1]!.start - 60), sentence[from - 1]!.start))
  if (!start || !(findCountry(start[1]!) || pickPlace(start[1]!, reading.context))) return false
  if (factsOf(reading, candidate).firstName && hasPersonContext(reading.text, sentence, to)) return false
  decidePlace(reading, sentence, candidate)
  return true
}

// "from Jakarta " right before the "to": where the journey starts (a name of up to four capitalised words).
const ROUTE_START = /\bfrom\s+((?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s+$/u

const FEATURES_BEFORE_OF = new Set(['gulf', 'strait', 'straits', 'sea', 'bay', 'cape', 'isle', 'isles', 'lake', 'mount', 'firth'])

/** "spokesman Omar Naqvi", "Sana Farrant": a name after a lower-case role, or starting with a first name and naming no place or thing. */
const personByRoleOrFirstName: Rule = (reading, sentence, candidate) => {
  const tokens = candidate.tokens
  const facts = factsOf(reading, candidate)
  const role = roleBefore(sentence, candidate.from)
  if (!facts.personShape || !(role !== undefined || (tokens.length > 1 && facts.firstName && facts.places.length === 0 && !namesAThing(tokens)))) return false
  addPerson(reading, sentence, candidate.from, candidate.to, role ? nameOf(reading, role) : undefined)
  return true
}

/** "Kenyan Amos Kiprono", "Peruvians Lucia Ferraz and …": a demonym (or its plural before a list of athletes), then a person's full name. */
const nationalityAndName: Rule = (reading, sentence, candidate) => {
  const { tokens, from, to } = candidate
  const [demonym] = tokens
  const name = tokens.slice(1)
  if (tokens.length < 3 || !demonymOf(demonym!.text) || !looksLikePersonName(name) || namesPlace(name)) return false
  addDemonym(reading, demonym!)
  addPerson(reading, sentence, from + 1, to)
  reading.decided.set(candidate, { type: 'person', name: nameOf(reading, name) })
  return true
}

/**
 * The strong rules in the order they are tried; the first that settles a candidate ends its reading.
 * An acronym the text defined wins over everything; a title before a name wins over the name's own
 * shape ("Minister Paris Ashdown" is a person). A surname of someone found earlier comes before the
 * gazetteer, so "Jordan" after "Mark Jordan" is the person. Countries and parts of countries come next,
 * before a lone demonym is set aside; places of several words before organisation words, except where
 * the text uses the place for a club; organisations before feature words ("Port Authority"), and
 * people by their first name only once nothing names a place, a body or a thing.
 */
const STRONG_RULES: readonly Rule[] = [
  definedAcronym,
  spelledOutAcronym,
  earlierOrganisation,
  titledPerson,
  bodyThenPerson,
  placeThenPerson,
  occupationThenPerson,
  knownSurname,
  country,
  partOfCountry,
  loneDemonym,
  multiWordPlace,
  nameWithAcronym,
  cricketer,
  organisation,
  namedFeature,
  featureOfName,
  clubByNickname,
  teamAfterAthlete,
  routeEnd,
  personByRoleOrFirstName,
  nationalityAndName,
]

/**
 * "Quetta International Airport": the town it is named after, where the gazetteer knows that town; the airport is the
 * place (the conventions in docs/facts-eval.md), in that town's country.
 */
function townOfAirport(reading: Reading, { tokens }: Candidate): Place | undefined {
  if (!AIRPORT_WORDS.has(lower(tokens.at(-1)!))) return undefined
  const town = tokens.findIndex((token) => token.text === 'International' || AIRPORT_WORDS.has(lower(token)))
  return town < 1 ? undefined : pickPlace(nameOf(reading, tokens.slice(0, town)), reading.context)
}

/**
 * "Minister of Information Moammar al-Eryani", "Prime Minister of India Narendra Modi", "Ambassador to
 * Portugal Marcus Ellery", "Special Envoy for Yemen Tomas Varga": where the title's "of", "to" or "for"
 * runs into the name, the name is its last two or three words, starting with a first name or after a
 * country, or else ending in a name the text also uses alone. A start with a first name wins over the
 * weaker ending: in "Chief Executive of Hong Kong Carrie Lam" with "Lam" used alone later, both "Kong
 * Carrie Lam" and "Carrie Lam" end in it, and only the second starts as a name does. The index the name
 * starts at, or -1.
 */
function nameAfterRoleOf(reading: Reading, tokens: Token[], head: number): number {
  if (!ROLE_JOINERS.has(tokens[head + 1]?.text ?? '')) return -1
  const first = Math.max(head + 3, tokens.length - 3)
  const names = (from: number) => looksLikePersonName(tokens.slice(from))
  for (let from = first; from <= tokens.length - 2; from++) {
    if (names(from) && (isFirstName(tokens[from]!.text) || findCountry(tokens[from - 1]!.text))) return from
  }
  for (let from = first; from <= tokens.length - 2; from++) if (names(from) && reading.singles.has(tokens.at(-1)!.text)) return from
  return -1
}

const ROLE_JOINERS = new Set(['of', 'to', 'for'])

/**
 * "Chinese Foreign Ministry Spokesperson", "U.S. Secretary of State", "First Minister of Scotland": the countries it
 * names, a region after its "of", "to" or "for", and the organisation.
 */
function readRole(reading: Reading, role: Token[]): void {
  if (isDemonym(role[0]!.text)) addDemonym(reading, role[0]!)
  role.forEach((token, index) => {
    const country = findCountry(token.text)
    if (country) return void reading.book.add('country', country.name, token)
    const region = ROLE_JOINERS.has(role[index - 1]?.text ?? '') ? findPlaces(token.text).find((place) => place.kind === 'region') : undefined
    if (region) reading.book.add('place', nameOf(reading, [token]), token, placeDetails(pickPlace(token.text, reading.context) ?? region))
  })
  for (let end = role.length - 1; end > 0; end--) {
    if (ORG_SUFFIXES.has(lower(role[end]!))) {
      const organisation = role.slice(0, end + 1)
      reading.book.add('organization', nameOf(reading, organisation), spanOf(organisation))
      return
    }
  }
}

function isOrganisation(reading: Reading, sentence: Token[], candidate: Candidate): boolean {
  const { tokens, from, to } = candidate
  const facts = factsOf(reading, candidate)
  const name = facts.name
  const last = lower(tokens.at(-1)!)
  if (KNOWN_ORGS.has(name) || CLUB_WORDS.has(last)) return true
  if (ORG_SUFFIXES.has(last) && (tokens.length > 1 || last === 'parliament' || last === 'congress')) return true
  if (namesBodyOf(tokens)) return true
  if (isBranchInCountry(reading, tokens, sentence[from - 1])) return true
  // "Kataeb Hezbollah", "Tehreek-e-Taliban": a longer name ending in a known organisation's is a branch or ally of it; not "Henry Ford".
  if (tokens.length > 1 && KNOWN_ORGS.has(tokens.at(-1)!.text) && !facts.firstName) return true
  const before = sentence[from - 1]
  const after = sentence[to]
  // "#DemDebate", "@JaneDoe": a hashtag or a handle is no brand.
  const tagged = before?.text === '#' || before?.text === '@'
  if (tokens.length === 1 && (isWebsite(tokens[0]!.text) || (isJoinedBrand(tokens[0]!.text) && !tagged))) return true
  if (tokens.length > 1 && ORG_PREFIXES.has(lower(tokens[0]!))) return true
  if (isTownAndMascot(tokens) && (before?.text.toLowerCase() === 'the' || isTeamPosition(sentence, from, to) || reading.teams.size > 0)) return true
  // "the news weekly Der Spiegel": an article of another language opens a title, not a first name; "the motorcycle club
  // Marine JarHeads MC", "the airline Mahan Air": a first name opens the name of a kind of organisation where the rest
  // is no surname.
  if (
    before?.word &&
    !before.capital &&
    isOrganisationKind(before.text) &&
    !(tokens.length > 1 && facts.firstName && facts.personShape && !ORG_PREFIXES.has(lower(tokens.at(-1)!)) && !FOREIGN_ARTICLES.has(lower(tokens[0]!)))
  )
    return true
  if (isFirmWithAmpersand(tokens)) return true
  if ((basedIn(sentence, from, to) || listedAfterOrganisationKind(sentence, from)) && !facts.firstName) return true
  if (isReportingBody(reading, sentence, candidate) || isOutletWithArticle(sentence, candidate)) return true
  // "Jefferson Parish officials", "County Cork councillors": the officials of a place, not members of a body.
  if (after?.word && !after.capital && ORG_MEMBERS.has(after.text) && !reading.people.has(name) && !isNation(name) && !namesAFeature(tokens)) return true
  if (kindInApposition(sentence, to) && !facts.firstName && facts.places.length === 0) return true
  return tokens.length === 1 && isAcronym(tokens[0]!.text) && !NOT_ORG_ACRONYMS.has(tokens[0]!.text) && findPlaces(tokens[0]!.text).length === 0
}

/**
 * "KeyCorp", "WalesOnline", "GoFundMe": words joined with a capital inside are brands; people's names with a capital
 * inside start with a family prefix ("McDonald", "DeSantis", "LeBron", "MacLeod"), and pipelines and regions with a
 * direction or a people ("EastMed", "TurkStream").
 */
function isJoinedBrand(word: string): boolean {
  const joined = /^(\p{Lu}\p{Ll}+)\p{Lu}\p{Ll}/u.exec(word)
  if (!joined) return false
  const first = joined[1]!
  return !NAME_PREFIXES.has(first.toLowerCase()) && !COMPASS_WORDS.has(first.toLowerCase()) && !isDemonym(first) && !findCountry(first)
}

const NAME_PREFIXES = new Set(['mc', 'mac', 'de', 'di', 'da', 'du', 'le', 'la', 'van', 'von', 'fitz', 'ja', 'st', 'o'])

/** "Ohio-based KeyCorp", "the New York-based Human Rights Watch": what is based somewhere is a company or a body, not a person. */
function basedIn(sentence: Token[], from: number, to: number): boolean {
  // "the Yemen-based Houthi movement": the kind after the name is part of it, which this candidate lacks.
  const kind = sentence[to]
  if (kind?.word && !kind.capital && isOrganisationKind(kind.text)) return false
  return sentence[from - 1]?.text === 'based' && sentence[from - 2]?.text === '-'
}

/**
 * "told the Harbour Courant", "telling the Harbour Courant", "according to the Harbour Courant", "reported by the Harbour
 * Courant": "the" after a verb of telling or a source's preposition.
 */
function isToldOrCited(sentence: Token[], article: number): boolean {
  const word = sentence[article - 1]?.text.toLowerCase() ?? ''
  const words = `${sentence[article - 2]?.text.toLowerCase() ?? ''} ${word}`
  return TELLING.has(word) || SOURCE_PHRASES.has(words)
}

/** "told the Harbour Courant", "telling the Nevada Independent": verbs of telling, whose object is told something. */
const TELLING = new Set(['told', 'telling', 'tells'])

const SOURCE_PHRASES = new Set(['according to', 'reported by', 'quoted by', 'cited by', 'interview with', 'speaking to', 'spoke to', 'report by', 'article by'])

/** Verbs of publishing and saying that follow a body named with "the" ("the China Daily said", "the Hong Kong Standard reported"). */
const REPORTING_VERBS = new Set(['said', 'says', 'reported', 'reports', 'quoted', 'quotes', 'wrote', 'writes', 'stated', 'announced', 'published', 'cited'])

/**
 * "the China Daily said", "The Sunday Telegraph quoted", "told the Verge", "according to the Hong Kong Standard": a name
 * after "the" that reports or speaks, or that is told or cited, is a publication or a body, even where its first word is a first name ("the Marlow Evening Star"): people are not named with "the" ("the
 * late John Smith said" has its own word before the name). Not a place ("the Kremlin said" stays with the gazetteer), a
 * title's run ("the Prime Minister said"), or a plural name ("the Turpins said" is a family).
 */
function isReportingBody(reading: Reading, sentence: Token[], candidate: Candidate): boolean {
  const { tokens, from, to } = candidate
  const before = sentence[from - 1]
  const told = isToldOrCited(sentence, from - 1)
  if (before?.text.toLowerCase() !== 'the' || !(REPORTING_VERBS.has(sentence[to]?.text ?? '') || told)) return false
  // "according to the B.C. Coroners Service": a run cut before more capitalised words is only part of the name.
  if (sentence[to]?.capital) return false
  const facts = factsOf(reading, candidate)
  const name = facts.name
  // "the Turpins said" is a family; "the Times reported" a paper, its one word one of a publication's.
  if (tokens.length === 1 && /s$/.test(name) && !KNOWN_ORGS.has(name) && !ORG_SUFFIXES.has(name.toLowerCase())) return false
  // "told the Atlantic": no one tells a place, so a place's name there is a publication's ("the Kremlin said" stays a place).
  return !tokens.some(isRoleWord) && (told || facts.places.length === 0) && !isDemonym(tokens[0]!.text)
}

/**
 * "Al Jazeera reported", "according to Al Arabiya", "an Al Mayadeen reporter": a name opening with the Arabic article
 * written apart, that publishes, is cited or has reporters, is an outlet; "Al" is a first name too, but people say
 * ("Al Gore said") rather than report.
 */
function isOutletWithArticle(sentence: Token[], { tokens, from, to }: Candidate): boolean {
  if (tokens.length < 2 || (tokens[0]!.text !== 'Al' && tokens[0]!.text !== 'El')) return false
  const after = sentence[to]?.text ?? ''
  const cited = `${sentence[from - 2]?.text.toLowerCase() ?? ''} ${sentence[from - 1]?.text.toLowerCase() ?? ''}`
  return PUBLISHING_WORDS.has(after) || CITED_BY.has(cited)
}

const PUBLISHING_WORDS = new Set(['reported', 'reports', 'broadcast', 'aired', 'published', 'reporter', 'reporters', 'correspondent', 'journalist'])
const CITED_BY = new Set(['according to', 'reported by', 'quoted by', 'cited by'])

/**
 * "Central Bank of Nigeria", "Directorate General of Civil Aviation", "Committee to Protect Journalists",
 * "House of Lords": an organisation word before the "of", "for" or "to" that says whose or what for the body is.
 */
function namesBodyOf(tokens: Token[]): boolean {
  const connector = tokens.findIndex((token) => token.text === 'of' || token.text === 'for' || token.text === 'to')
  return (
    connector > 0 &&
    connector < tokens.length - 1 &&
    tokens.slice(0, connector).some((token) => ORG_SUFFIXES.has(lower(token)) || (connector === 1 && HOUSES.has(lower(token))))
  )
}

/**
 * "A.G. Edwards & Sons", "Bear Stearns & Co", "Kamway Lodge & Tavern": names joined by an ampersand are a firm's; not
 * places ("Trinidad & Tobago"), two people by their first names ("Wyatt & Zach") or two letters ("E & W").
 */
function isFirmWithAmpersand(tokens: Token[]): boolean {
  const and = tokens.findIndex((token) => token.text === '&')
  if (and <= 0 || and === tokens.length - 1 || tokens.some((token) => findCountry(token.text) || findPlaces(token.text).length > 0)) return false
  const personal = (token: Token) => isFirstName(token.text) || token.text.length === 1
  return !(tokens.length === 3 && personal(tokens[0]!) && personal(tokens[2]!))
}

/** Articles of other languages that open the titles of publications ("Der Spiegel", "Le Monde", "El Pais", "La Stampa"). */
const FOREIGN_ARTICLES = new Set(['der', 'die', 'das', 'le', 'la', 'les', 'el', 'il', 'lo', 'het', 'de'])

/** Words that are a body only as the first word before "of": "House of Representatives", "Chamber of Commerce", "Nation of Islam". */
const HOUSES = new Set(['house', 'chamber', 'nation'])

/**
 * "Airfleets, a database of …", "Dawn, the daily", "Drexel Burnham Lambert, an investment bank", "Met Éireann, the
 * national meteorological service for Ireland": a name followed by what kind of organisation it is, up to three
 * lower-case words after the article; after other words, a word that ends bodies' names ("service", "hospital") is a
 * kind too, and the kind must end the phrase ("Ann Kerr, a retired bank teller" is no bank).
 */
function kindInApposition(sentence: Token[], to: number): boolean {
  if (sentence[to]?.text !== ',' || !/^(?:a|an|the)$/.test(sentence[to + 1]?.text ?? '')) return false
  for (let at = to + 2; at <= to + 5; at++) {
    const word = sentence[at]
    if (!word?.word || word.capital || FUNCTION_WORDS.has(word.text)) return false
    if (at === to + 2 && ORG_KINDS.has(word.text)) return true
    if (ORG_KINDS.has(word.text) || ORG_SUFFIXES.has(word.text)) {
      const next = sentence[at + 1]
      return !next?.word || AFTER_KIND.has(next.text)
    }
  }
  return false
}

/** Words that may follow the kind in an apposition, where it ends its phrase: a preposition or a relative pronoun. */
const AFTER_KIND = new Set(['of', 'for', 'in', 'on', 'at', 'from', 'with', 'by', 'that', 'which', 'who', 'based', 'owned', 'run'])

/** A country or a nation within one ("England"): its captain or coach leads a national side, which is the country itself. */
function isNation(name: string): boolean {
  return Boolean(findCountry(name)) || NATIONS.has(name.toLowerCase())
}
