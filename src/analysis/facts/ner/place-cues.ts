import { countryOfDemonym, findCountry, findPlaces, type Place } from '../../../gazetteer'
import type { Token } from './tokens'

/** Kinds of place named before "of" ("the town of Mokha") or after the name ("Maidan Wardak province"), in lower case. */
const PLACE_KINDS = new Set([
  'town',
  'village',
  'city',
  'port',
  'district',
  'province',
  'region',
  'island',
  'county',
  'suburb',
  'municipality',
  'territory',
  'settlement',
  'hamlet',
])

/** Last words of names of places that are features of the land or the town ("Liberty Square", "Attock Bridge"), in lower case. */
export const PLACE_FEATURES = new Set([
  'square',
  'park',
  'bridge',
  'road',
  'street',
  'avenue',
  'lane',
  'boulevard',
  'island',
  'islands',
  'river',
  'lake',
  'mountain',
  'mountains',
  'valley',
  'bay',
  'sea',
  'ocean',
  'coast',
  'beach',
  'strait',
  'peninsula',
  'desert',
  'canal',
  'falls',
  'heights',
  'hills',
  'province',
  'district',
  'county',
  'parish',
  'prefecture',
  'airport',
  'airfield',
  'airbase',
  'field',
  'junction',
  'city',
  'estuary',
  'fault',
  'trench',
  'ridge',
  'canyon',
  'gorge',
  'glacier',
  'reef',
  'basin',
  'plateau',
  'lagoon',
  'marsh',
  'creek',
  'volcano',
  'village',
  'quay',
  'harbour',
  'harbor',
  'point',
  'prison',
  'penitentiary',
  'palace',
  'mall',
  'monument',
  'memorial',
  'cemetery',
])

/** First words of names of features of the land ("Mount Bukak", "Lake Taupo") or of counties as Ireland names them ("County Galway"), in lower case. */
export const LEADING_FEATURES = new Set(['mount', 'mt.', 'lake', 'cape', 'loch', 'county'])

/** "the town of Mokha", "the village of Poolangudi": the text says the name is a place. */
export function kindOfBefore(sentence: Token[], from: number): boolean {
  return sentence[from - 1]?.text === 'of' && PLACE_KINDS.has(sentence[from - 2]?.text ?? '')
}

/** "the Greek island of Samos", "the Polish city of Gdańsk": the code of the country whose demonym comes before the kind of place. */
export function demonymBeforeKind(sentence: Token[], from: number): string | undefined {
  const demonym = sentence[from - 3]
  return kindOfBefore(sentence, from) && demonym?.capital ? countryOfDemonym(demonym.text)?.code : undefined
}

/** "the river Seine", "mount Elbrus": a lower-case feature of the land before its name. */
export function featureBefore(sentence: Token[], from: number): boolean {
  const before = sentence[from - 1]
  return Boolean(before?.word && !before.capital && FEATURES_BEFORE.has(before.text))
}

const FEATURES_BEFORE = new Set(['river', 'mount', 'lake', 'island'])

/** "Maidan Wardak province", "al-Kharab village", "the Harwa oil field": a lower-case kind of place after the name. */
export function kindAfter(sentence: Token[], to: number): boolean {
  const after = sentence[to]
  const field = FIELD_RESOURCES.has(after?.text ?? '') && /^fields?$/.test(sentence[to + 1]?.text ?? '')
  return Boolean(after?.word && !after.capital && (PLACE_KINDS.has(after.text) || field))
}

/**
 * "Mokha, Yemen", "Karipur, Kerala": a name, a comma, then a country or a
 * region that ends the phrase. Gives the code of the country the place is in
 * (empty for a region of no one country). A region several countries have ("Maryland" is also a county of Liberia)
 * is the one where the town before it lies, else one in a country the text is about: "Bethesda, Maryland" is in the
 * United States. A name inside a flat list of names ("Carrascal, Cantilan, Madrid, Carmen") is no town of the region
 * after it: the name before its comma is no country or region, so the commas part list items, not town and region.
 */
export function countryAfterComma(sentence: Token[], from: number, to: number, town: string, context: ReadonlySet<string>): string | undefined {
  const name = sentence[to]?.text === ',' ? nameEndingPhrase(sentence, to + 1) : undefined
  if (name === undefined) return undefined
  const country = findCountry(name)?.code
  if (country !== undefined) return country
  const regions = findPlaces(name).filter((place) => place.kind === 'region')
  if (regions.length === 0 || listedAfterPlainName(sentence, from)) return undefined
  const towns = findPlaces(town)
  const holdsTown = (region: Place) =>
    towns.some((place) => place.country === region.country && (!place.region || !region.region || place.region === region.region))
  return (regions.find(holdsTown) ?? regions.find((region) => context.has(region.country)) ?? regions[0]!).country
}

/**
 * "Palm Beach County in Florida", "a park in Kenya": "in", then a country or a region that ends the phrase, after a place
 * the gazetteer lacks; the code of its country (the region's in a country the text is about, where several have it).
 */
export function countryAfterIn(sentence: Token[], to: number, context: ReadonlySet<string>): string | undefined {
  const name = sentence[to]?.text === 'in' ? nameEndingPhrase(sentence, to + 1) : undefined
  if (name === undefined) return undefined
  const regions = findPlaces(name).filter((place) => place.kind === 'region')
  return findCountry(name)?.code ?? (regions.find((region) => context.has(region.country)) ?? regions[0])?.country
}

/** One to three capitalised words from `from` that end the phrase (no possessive, no capitalised word after): a country's or region's name. */
function nameEndingPhrase(sentence: Token[], from: number): string | undefined {
  let end = from
  while (end < sentence.length && end - from < 3 && sentence[end]!.word && sentence[end]!.capital) end++
  const words = sentence.slice(from, end)
  const next = sentence[end]
  if (words.length === 0 || words.at(-1)!.possessive || (next?.word && next.capital)) return undefined
  return words.map((token) => token.text).join(' ')
}

/** "Carrascal, Cantilan": a comma before the name, and before it a capitalised name that is no country or region. */
function listedAfterPlainName(sentence: Token[], from: number): boolean {
  if (sentence[from - 1]?.text !== ',') return false
  let start = from - 1
  while (start > 0 && from - 1 - start < 3 && sentence[start - 1]!.word && sentence[start - 1]!.capital) start--
  if (start === from - 1) return false
  const name = sentence
    .slice(start, from - 1)
    .map((token) => token.text)
    .join(' ')
  return findCountry(name) === undefined && !findPlaces(name).some((place) => place.kind === 'region')
}

/** What a field is dug for ("oil field", "gas fields"): the field is a place. */
const FIELD_RESOURCES = new Set(['oil', 'gas', 'coal', 'gold'])
