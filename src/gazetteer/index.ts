import { COUNTRIES, FIRST_NAMES, PLACES, TOWN_ALTERNATES } from '../../generated/gazetteer'
import { AREAS, COUNTRY_ALIASES, DEMONYMS, NEWS_NAMES, TOWN_ALIASES } from './aliases'
import { placeKey } from './key'

/**
 * A town or first-level region; `name` is its key (`placeKey`): the text gives the spelling.
 * `region` is GeoNames' code (unique within the country) of the first-level region it is (a region) or lies in (a town), when known.
 */
export type Place = {
  readonly name: string
  country: string
  lat?: number
  lon?: number
  population: number
  kind: 'town' | 'region'
  region?: string
  /** Found by another of its names ("Palmyra" for Tadmur), which may also be a surname or an old name: weaker evidence. */
  alternate?: true
}
export type Country = { code: string; name: string }

type Tables = {
  /** Lines `name\tcountry\tlat\tlon\tpopulation\tkind\tregion`, sorted by name. */
  places: string[]
  /** Lines `altname\tline`, sorted by the other name: `line` is the number of the town's own line in `places`. */
  alternates: string[]
  countriesByName: Map<string, Country>
  countriesByCode: Map<string, Country>
  areas: Map<string, Place>
  firstNames: Set<string>
}

let tables: Tables | undefined

/** The gazetteer's strings are split once per isolate, on first use (not at start-up). */
function load(): Tables {
  if (tables) return tables
  const countriesByCode = new Map<string, Country>()
  const countriesByName = new Map<string, Country>()
  for (const line of COUNTRIES.split('\n')) {
    const [code = '', name = ''] = line.split('\t')
    const country = { code, name: NEWS_NAMES[code] ?? name }
    countriesByCode.set(code, country)
    countriesByName.set(name.toLowerCase(), country)
    countriesByName.set(country.name.toLowerCase(), country)
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const country = countriesByCode.get(code)
    if (country) countriesByName.set(alias.toLowerCase(), country)
  }
  const areas = new Map(
    Object.entries(AREAS).map(([name, country]) => [placeKey(name), { name: placeKey(name), country, population: 0, kind: 'region' as const }]),
  )
  tables = {
    places: PLACES.split('\n'),
    alternates: TOWN_ALTERNATES.split('\n'),
    countriesByName,
    countriesByCode,
    areas,
    firstNames: new Set(FIRST_NAMES.split('\n')),
  }
  return tables
}

/** Every town, first-level region or wider area ("Middle East") of that name, any country. */
export function findPlaces(name: string): Place[] {
  return remembered(placeKey(name)).filter((place) => !place.alternate)
}

/**
 * As `findPlaces`, and where no place has that name, the big towns with it as another name ("Palmyra" for Tadmur):
 * for reading a name as a place, not for telling that a name is no person's ("Duran" is a surname as well).
 */
export function findPlacesOrAlternates(name: string): Place[] {
  return remembered(placeKey(name))
}

function remembered(key: string): Place[] {
  let found = recent.get(key)
  if (!found) {
    if (recent.size >= RECENT_LIMIT) recent.clear()
    found = lookUpPlaces(key)
    recent.set(key, found)
  }
  return found
}

/** Texts repeat their names: recent look-ups are kept, a bounded number per isolate. */
const recent = new Map<string, Place[]>()
const RECENT_LIMIT = 5000

function lookUpPlaces(key: string): Place[] {
  const { places: lines, areas } = load()
  const area = areas.get(key)
  if (area) return [area]
  if (Object.hasOwn(TOWN_ALIASES, key)) return lookUpPlaces(TOWN_ALIASES[key]!)
  const found = linesNamed(lines, key).map(parsePlace)
  if (found.length > 0) return found
  // "Raqqa", "Palmyra": another name of a big town ("Ar Raqqah", "Tadmur"), never one a town or region has.
  return linesNamed(load().alternates, key).map((alternate) => ({ ...parsePlace(lines[Number(alternate.slice(key.length + 1))]!), alternate: true as const }))
}

/** The lines of a table sorted by name whose first field is `key`, by binary search. */
function linesNamed(lines: string[], key: string): string[] {
  let low = 0
  let high = lines.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (nameOf(lines[middle]!) < key) low = middle + 1
    else high = middle
  }
  let end = low
  while (end < lines.length && nameOf(lines[end]!) === key) end++
  return lines.slice(low, end)
}

const nameOf = (line: string) => line.slice(0, line.indexOf('\t'))

function parsePlace(line: string): Place {
  const [name = '', country = '', lat = '', lon = '', population = '0', kind, region = ''] = line.split('\t')
  const place: Place = { name, country, population: Number(population), kind: kind === 'region' ? 'region' : 'town', ...(region ? { region } : {}) }
  return lat === '' ? place : { ...place, lat: Number(lat), lon: Number(lon) }
}

/** The country a name (or alias: "U.S.", "Britain") stands for. */
export function findCountry(name: string): Country | undefined {
  return load().countriesByName.get(name.toLowerCase())
}
export function countryByCode(code: string): Country | undefined {
  return load().countriesByCode.get(code)
}

/** The country of a demonym ("Chinese" -> China). */
export function countryOfDemonym(word: string): Country | undefined {
  const code = DEMONYMS[word]
  return code ? countryByCode(code) : undefined
}

export function isDemonym(word: string): boolean {
  return Object.hasOwn(DEMONYMS, word)
}

export function isFirstName(word: string): boolean {
  return load().firstNames.has(word)
}
