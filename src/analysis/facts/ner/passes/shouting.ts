import { findCountry, findPlaces, isDemonym } from '../../../../gazetteer'
import { titleCase } from '../names'
import { isBigPlace, pickPlace, placeDetails } from '../places'
import { isTown, isVenue } from '../teams'
import { nameOf, spanOf, type Decided, type Reading } from '../reading'
import type { Token } from '../tokens'

/**
 * The shouting pass: headlines and tables in capitals, where capitals say nothing, name only what the
 * text or the gazetteer already knows; it runs after every other pass so that all the names are known.
 */
export function readShouting(reading: Reading): void {
  for (const sentence of reading.shouting) readShoutingSentence(reading, sentence)
}

function readShoutingSentence(reading: Reading, sentence: Token[]): void {
  for (let index = 0; index < sentence.length; index++) {
    for (let length = Math.min(4, sentence.length - index); length > 0; length--) {
      const tokens = sentence.slice(index, index + length)
      if (!tokens.every((token) => token.word && /^\p{Lu}/u.test(token.text))) continue
      const name = titleCase(nameOf(reading, tokens))
      const venue = isVenue(sentence, index, index + length) && isTown(name)
      const type = venue
        ? ({ type: 'place', name } as const)
        : reading.teams.has(name.toLowerCase())
          ? ({ type: 'organization', name } as const)
          : knownType(reading, name)
      if (!type) continue
      if (type.type === 'place') {
        const place = pickPlace(type.name, reading.context)
        reading.book.add('place', type.name, spanOf(tokens), place ? placeDetails(place) : {})
      } else reading.book.add(type.type, type.name, spanOf(tokens))
      index += length - 1
      break
    }
  }
}

/** What the text already named so, a person by surname, a country, or a big town. */
function knownType(reading: Reading, name: string): Decided | undefined {
  for (const type of ['person', 'organization', 'country', 'place'] as const) {
    const entity = reading.book.find(type, name)
    if (entity) return { type, name: entity.name }
  }
  const person = reading.people.get(name)
  if (person) return { type: 'person', name: person }
  const country = findCountry(name)
  if (country) return { type: 'country', name: country.name }
  if (!isDemonym(name) && findPlaces(name).some(isBigPlace)) return { type: 'place', name }
  return undefined
}
