import { findCountry, isFirstName } from '../../../../gazetteer'
import { endsWithAnd, introducedAsPlaces, joinsList } from '../lists'
import { STRONG_PLACE_PREPOSITIONS } from '../lexicon'
import { looksLikePersonName } from '../names'
import { addPerson, decide } from '../record'
import { mostCommon, nameOf, spanOf, type Located, type Reading } from '../reading'

/**
 * The lists pass: names listed with places are places too ("Kalat, Tump, and Sariab"), in the country
 * most of the list is in (the text's main country where that one is not a country the text is about); names
 * listed with people are people ("Odhiambo, Farrant, Lindqvist").
 * Only names no earlier pass decided are read.
 */
export function readLists(reading: Reading): void {
  for (const list of lists(reading)) {
    const kinds = list.items.map((item) => reading.decided.get(item.candidate)?.type)
    const places = list.items.filter((_, index) => kinds[index] === 'place')
    const open = list.items.filter((item, index) => kinds[index] === undefined && !reading.book.has(spanOf(item.candidate.tokens)))
    if (open.length === 0) continue
    const people = kinds.filter((kind) => kind === 'person').length
    // Half the list people, or a longer list whose names read so far are all people ("Given, Breen, Staunton, Irwin,
    // McAteer, Harte, …, Quinn, O'Neill", a squad where four were named in full before).
    const onlyPeople = people >= 3 && kinds.every((kind) => kind === undefined || kind === 'person')
    if ((people >= 2 && people * 2 >= list.items.length) || onlyPeople) {
      for (const item of open) if (looksLikePersonName(item.candidate.tokens)) addPerson(reading, item.sentence, item.candidate.from, item.candidate.to)
      continue
    }
    // "title rivals Essex, Derbyshire and Surrey": names listed with organisations, and nothing else, are organisations.
    const organisations = kinds.filter((kind) => kind === 'organization').length
    if (organisations >= 2 && organisations * 2 >= list.items.length && kinds.every((kind) => kind === undefined || kind === 'organization')) {
      for (const item of open) decide(reading, item.sentence, item.candidate, 'organization', nameOf(reading, item.candidate.tokens))
      continue
    }
    const placeFirst =
      kinds[0] === 'place' &&
      list.items.length > 2 &&
      afterPlacePreposition(list.items[0]!) &&
      commasUntilLast(list.items) &&
      !open.some((item) => isFirstName(item.candidate.tokens[0]!.text))
    if (!list.introducedAsPlaces && !placeFirst && (places.length < 2 || places.length * 2 < list.items.length)) continue
    const countries = places.map((item) => reading.book.find('place', reading.decided.get(item.candidate)!.name)?.country).filter(Boolean)
    const common = mostCommon(countries as string[])
    // "Carrascal, Cantilan, Madrid and Carmen" in a report on the Philippines: a big namesake abroad in the list
    // does not take the others abroad; they wait for the text's main country.
    const abroad = common !== undefined && !inView(reading, common)
    const country = abroad ? undefined : common
    for (const item of open) {
      const name = nameOf(reading, item.candidate.tokens)
      decide(reading, item.sentence, item.candidate, 'place', name, country ? { country } : {})
      if (!country) reading.unplaced.push(name)
    }
    // Where most of such a list are names the gazetteer lacks (villages of the text's country), its places abroad
    // are namesakes there too: "Madrid" and "Cortes" among Cantilan, Carmen and Lanuza are towns of the Philippines.
    if (abroad && open.length * 2 >= list.items.length) for (const item of places) placeAtHome(reading, item)
  }
}

/**
 * "appliances from Dolgellau, Harlech, Barmouth and Bala": a list of three or more whose first name is a place and
 * follows a preposition of place or of a journey goes on with places, unless a name opens with a first name ("a
 * couple from Florida, Richard and Lisa Parry") or an "and" comes before the last name.
 */
function afterPlacePreposition({ sentence, candidate }: Located): boolean {
  const before = sentence[candidate.from - 1]
  return Boolean(before?.word && !before.capital && LIST_PREPOSITIONS.has(before.text))
}

/** "A, B, C and D": only commas join the names before the last; "in A and B, and Egyptologists have …" joins a clause. */
function commasUntilLast(items: Located[]): boolean {
  return items.slice(1, -1).every((item, index) => {
    const previous = items[index]!
    return previous.sentence === item.sentence && item.sentence.slice(previous.candidate.to, item.candidate.from).every((token) => token.text === ',')
  })
}

const LIST_PREPOSITIONS = new Set([...STRONG_PLACE_PREPOSITIONS, 'from', 'to'])

/** A place read abroad that is a namesake in the text's main country: its country and coordinates wait for that one. */
function placeAtHome(reading: Reading, item: Located): void {
  const place = reading.book.find('place', reading.decided.get(item.candidate)!.name)
  if (!place?.country || inView(reading, place.country)) return
  delete place.country
  delete place.lat
  delete place.lon
  reading.unplaced.push(place.name)
}

/** Whether a country (by name) is one the text is about, or the text is about none. */
function inView(reading: Reading, country: string): boolean {
  const code = findCountry(country)?.code
  return reading.context.size === 0 || (code !== undefined && reading.context.has(code))
}

/** Runs of candidates joined by commas, "and" or "or" in one sentence: three or more, or two joined by "and". */
function* lists(reading: Reading): Generator<{ items: Located[]; introducedAsPlaces: boolean }> {
  let items: Located[] = []
  const flush = () => {
    const found = items
    items = []
    return found
  }
  for (let index = 0; index < reading.candidates.length; index++) {
    const current = reading.candidates[index]!
    const previous = items.at(-1)
    if (previous && !(previous.sentence === current.sentence && joinsList(current.sentence, previous.candidate.to, current.candidate.from))) {
      const found = flush()
      if (found.length > 2 || (found.length === 2 && endsWithAnd(found))) yield { items: found, introducedAsPlaces: introducedAsPlaces(found[0]!) }
    }
    items.push(current)
  }
  const found = flush()
  if (found.length > 2) yield { items: found, introducedAsPlaces: introducedAsPlaces(found[0]!) }
}
