import { countryByCode, countryOfDemonym, findPlacesOrAlternates, isFirstName } from '../../../gazetteer'
import { appositionRole } from './roles'
import { demonymOf, isAcronym, spellsAcronym } from './names'
import { countryAfterIn } from './place-cues'
import { isNamesakeAbroad, pickPlace, placeDetails } from './places'
import { byLeadingName, otherSpelling, samePerson } from './recall'
import { isTownAndMascot } from './teams'
import { nameOf, remember, spanOf, spellingKey, type Decided, type Reading } from './reading'
import { factsOf, type Candidate } from './candidates'
import type { Token } from './tokens'
import type { Entity, EntityType } from '../types'

/**
 * Recording a decision: the entity goes into the book, and the indexes by which later passes
 * recognise its shorter forms (an organisation's tail and first word, a club's mascot, an acronym
 * defined in brackets after it) learn its name.
 */
export function decide(reading: Reading, sentence: Token[], candidate: Candidate, type: EntityType, decidedName: string, details: Partial<Entity> = {}): void {
  // "Belarusian KGB", "the Russian FSB": a demonym before a body's acronym says its country; the acronym is the name.
  const [first, second] = candidate.tokens
  const demonymThenAcronym =
    type === 'organization' &&
    candidate.tokens.length === 2 &&
    decidedName === nameOf(reading, candidate.tokens) &&
    isAcronym(second!.text) &&
    !!demonymOf(first!.text)
  const tokens = demonymThenAcronym ? [second!] : candidate.tokens
  if (demonymThenAcronym) addDemonym(reading, first!)
  const ownName = demonymThenAcronym ? second!.text : decidedName
  const name = (type === 'organization' && reading.organisationTails.get(ownName)) || ownName
  reading.decided.set(candidate, { type, name })
  if (type === 'organization') for (let from = 1; from < tokens.length; from++) remember(reading.organisationTails, nameOf(reading, tokens.slice(from)), name)
  if (type === 'organization' && tokens.length > 1) remember(reading.organisationsByFirstWord, tokens[0]!.text, name)
  if (type === 'organization' && isTownAndMascot(tokens)) remember(reading.mascots, tokens.at(-1)!.text, name)
  reading.book.add(type, name, spanOf(tokens), details)
  readAcronym(reading, sentence, candidate.to, tokens, { type, name })
}

/**
 * A place, in the given country when the gazetteer knows it there; one it lacks, or knows only as a small
 * namesake abroad, gets the text's main country at the end.
 */
export function decidePlace(reading: Reading, sentence: Token[], candidate: Candidate, countryCode = ''): void {
  const name = factsOf(reading, candidate).name
  const namesakes = findPlacesOrAlternates(name)
  // "Connecticut, Florida, Georgia": a region the gazetteer knows, none of whose namesakes lies in the country the
  // comma's next name gives, is no town of that one but a name of a list; it is read as it would be alone.
  const listed = countryCode !== '' && namesakes.some((place) => place.kind === 'region') && !namesakes.some((place) => place.country === countryCode)
  const code = listed ? '' : countryCode
  const picked = code ? namesakes.find((place) => place.country === code) : pickPlace(name, reading.context)
  const known = picked && !code && isNamesakeAbroad(picked, reading.context) ? undefined : picked
  if (known) return decide(reading, sentence, candidate, 'place', name, placeDetails(known))
  // A place the gazetteer lacks, then "in" and a country or region: that one's ("Palm Beach County in Florida").
  const country = countryByCode(code || (namesakes.length === 0 ? (countryAfterIn(sentence, candidate.to, reading.context) ?? '') : ''))?.name
  decide(reading, sentence, candidate, 'place', name, country ? { country } : {})
  if (!country) reading.unplaced.push(name)
}

/**
 * A person named by sentence[from..to): under the full name where this is a surname, another spelling
 * or a fuller form of someone already found; with the role given or the one in apposition. A new
 * full name teaches the indexes its surname, first word and surname's spelling.
 */
export function addPerson(reading: Reading, sentence: Token[], from: number, to: number, role?: string): void {
  const { people } = reading
  const tokens = sentence.slice(from, to)
  const name = nameOf(reading, tokens)
  // "Bharat Ratna Pranab Mukherjee" where the text also names "Pranab Mukherjee" alone: the words before a full name
  // the text gives on its own are an honour or a title written against it, not more of the name.
  const alone = tokens.length > 3 ? fullNameAlone(reading, tokens) : 0
  if (alone > 0) return addPerson(reading, sentence, from + alone, to, role)
  const spelling = tokens.length === 1 && !people.has(name) ? otherSpelling(reading, name) : undefined
  if (spelling) people.set(name, spelling)
  // "Prime Minister Tuilaepa" after "Tuilaepa Sailele Malielegaoi": one word that opened a full name found before is that person.
  const fullName = people.get(name) ?? samePerson(reading, tokens) ?? (tokens.length === 1 ? byLeadingName(reading, name) : undefined) ?? name
  const apposition = role ?? appositionRole(reading.text, sentence, to)
  reading.book.add('person', fullName, spanOf(tokens), apposition ? { role: apposition } : {})
  const candidate = reading.candidateAt.get(tokens[0]!)
  if (candidate) reading.decided.set(candidate, { type: 'person', name: fullName })
  if (fullName !== name) return
  people.set(name, name)
  if (tokens.length < 2) return
  remember(people, tokens.at(-1)!.text, name)
  // "Ricardo Rosselló Nevares", then "Rosselló's chief of staff": after a given name, the first of two surnames names
  // the person alone too (Spanish and Portuguese names; the surnames pass joins it the same way at the end).
  if (tokens.length === 3 && isFirstName(tokens[0]!.text) && /^\p{Lu}\p{Ll}{2,}$/u.test(tokens[1]!.text)) remember(people, tokens[1]!.text, name)
  remember(reading.leadingNames, tokens[0]!.text, name)
  if (tokens.at(-1)!.text.length >= 5) remember(reading.surnameSpellings, spellingKey(tokens.at(-1)!.text), name)
}

/**
 * Where, in a run of four words or more, a full name of two words or more starts that is a candidate of its own
 * elsewhere in the text (0: none). Two words at least before it: one ("Filip De Wilde", "Sir Anthony Quayle") is a
 * first name or an honorific that belongs with the name.
 */
function fullNameAlone(reading: Reading, tokens: Token[]): number {
  for (let start = 2; start <= tokens.length - 2; start++) {
    const tail = nameOf(reading, tokens.slice(start))
    if (reading.candidates.some(({ candidate }) => candidate.tokens.length === tokens.length - start && nameOf(reading, candidate.tokens) === tail))
      return start
  }
  return 0
}

/** The country of a demonym ("Kenyan", "Kenyans"), mentioned by that word. */
export function addDemonym(reading: Reading, token: Token): void {
  const country = countryOfDemonym(demonymOf(token.text) ?? '')
  if (country) reading.book.add('country', country.name, token)
}

/** "Federal Security Service (FSB)": the acronym names the same entity, here and later. */
function readAcronym(reading: Reading, sentence: Token[], after: number, named: Token[], entity: Decided): void {
  const [open, acronym, close] = sentence.slice(after, after + 3)
  if (open?.text !== '(' || close?.text !== ')' || !acronym || !isAcronym(acronym.text)) return
  // "Democracy in Rwanda (RDR)": a place or country is abbreviated by its own initials ("Democratic Republic of the
  // Congo (DRC)"); other letters after it belong to a longer name the run was cut from.
  if (
    (entity.type === 'place' || entity.type === 'country') &&
    !spellsAcronym(named, acronym.text) &&
    initials(entity.name) !== acronym.text.replace(/\./g, '')
  )
    return
  reading.acronyms.set(acronym.text, entity)
  reading.book.add(entity.type, entity.name, acronym)
}

/** "DRC" of "Democratic Republic of the Congo": the first letters of a name's capitalised words. */
const initials = (name: string) => (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join('')
