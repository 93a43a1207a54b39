import { findPlaces, isDemonym, isFirstName, type Place } from '../../../gazetteer'
import { FUNCTION_WORDS } from './lexicon'
import { isTown, isVenue } from './teams'
import { nameOf, spellingKey, type Decided, type Reading } from './reading'
import type { Candidate } from './candidates'
import type { Token } from './tokens'

/*
 * What the passes found before, looked up by a shorter or other form of a name: a surname's full
 * name, an organisation's first word, a club's town. Reads the reading; changes nothing.
 */

/**
 * A person named by the first word of their name: a family name first ("Lin"
 * for Lin Jian), unless the text calls them by the last word elsewhere, which
 * makes this a given name ("Sana" with "Farrant") or someone else.
 */
export function byLeadingName(reading: Reading, name: string): string | undefined {
  const person = reading.leadingNames.get(name)
  if (!person) return undefined
  const last = person.slice(person.lastIndexOf(' ') + 1)
  return reading.singles.has(last) ? undefined : person
}

/**
 * A name the text already gave an organisation, place or country, or the first
 * word of an organisation's longer name ("Kestrel" of "Kestrel Logistics SpA").
 */
export function namedBefore(reading: Reading, name: string): Decided | undefined {
  for (const type of ['organization', 'place', 'country'] as const) {
    const entity = reading.book.find(type, name)
    if (entity) return { type, name: entity.name }
  }
  if (name.includes(' ') || isFirstName(name) || findPlaces(name).length > 0 || FUNCTION_WORDS.has(name.toLowerCase())) return undefined
  // "Iraqi forces" after "the Iraqi National Congress": a demonym alone speaks of its country, not of the body it opened.
  if (isDemonym(name)) return undefined
  const organisation = reading.mascots.get(name) ?? reading.organisationsByFirstWord.get(name)
  return organisation ? { type: 'organization', name: organisation } : undefined
}

/** "Saree" after "Yahya Sarea": a surname transliterated with other vowels at its end is the same person. */
export function otherSpelling(reading: Reading, name: string): string | undefined {
  return name.length >= 5 ? (reading.surnameSpellings.get(spellingKey(name)) ?? undefined) : undefined
}

/** "Robert Gabriel Mugabe" after "Robert Mugabe": a fuller name of someone already found, by first and last word. */
export function samePerson(reading: Reading, tokens: Token[]): string | undefined {
  if (tokens.length < 3) return undefined
  const known = reading.people.get(tokens.at(-1)!.text)
  return known && known.startsWith(`${tokens[0]!.text} `) ? known : undefined
}

/**
 * In a report of results (two or more clubs found) or a sports report (`isSportsReport`), a town not named as the venue
 * ("in Seattle") is its club ("Seattle won").
 */
export function isClubOfTown(reading: Reading, sentence: Token[], { from, to }: Candidate, place: Place): boolean {
  return (reading.teams.size >= 2 || reading.sportsReport) && place.kind === 'town' && !isVenue(sentence, from, to)
}

/** A name the text uses for a club, here not named as the venue of a match ("at Pasni" is the town). */
export function isTeamHere(reading: Reading, sentence: Token[], { tokens, from, to }: Candidate): boolean {
  const name = nameOf(reading, tokens).toLowerCase()
  return reading.teams.has(name) && !(isVenue(sentence, from, to) && isTown(name))
}
