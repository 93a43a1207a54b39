import { COUNTRIES, DEMONYMS as MORE_DEMONYMS, FIRST_NAMES, PLACES, TOWN_ALTERNATES } from '../../generated/gazetteer'
import { AREAS, COUNTRY_ALIASES, DEMONYMS, NEWS_NAMES, TERRITORIES, TOWN_ALIASES } from './aliases'
import { WeightedLru } from '../lru'
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
  /** The hand-written demonyms (news's spellings) and the data package's others, word -> country code. */
  demonyms: Map<string, string>
}

let tables: Tables | undefined

/** The gazetteer's strings are split once per isolate, on first use (not at start-up). */
function load(): Tables {
  if (tables) return tables
  const countriesByCode = new Map<string, Country>()
  const countriesByName = new Map<string, Country>()
  const territories: Array<[name: string, code: string]> = []
  for (const line of COUNTRIES.split('\n')) {
    const [code = '', name = ''] = line.split('\t')
    if (Object.hasOwn(TERRITORIES, code)) {
      territories.push([name, code])
      continue
    }
    const country = { code, name: NEWS_NAMES[code] ?? name }
    countriesByCode.set(code, country)
    countriesByName.set(name.toLowerCase(), country)
    countriesByName.set(country.name.toLowerCase(), country)
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const country = countriesByCode.get(code)
    if (country) countriesByName.set(alias.toLowerCase(), country)
  }
  const areas = new Map<string, Place>(
    Object.entries(AREAS).map(([name, country]) => [placeKey(name), { name: placeKey(name), country, population: 0, kind: 'region' as const }]),
  )
  // A territory's name is a region of its state ("Puerto Rico" in the United States), unless an area already says more.
  for (const [name, code] of territories) {
    if (!areas.has(placeKey(name))) areas.set(placeKey(name), { name: placeKey(name), country: TERRITORIES[code]!, population: 0, kind: 'region' })
  }
  tables = {
    places: PLACES.split('\n'),
    alternates: TOWN_ALTERNATES.split('\n'),
    countriesByName,
    countriesByCode,
    areas,
    firstNames: new Set(FIRST_NAMES.split('\n')),
    demonyms: new Map([...MORE_DEMONYMS.split('\n').map((line) => line.split('\t') as [string, string]), ...Object.entries(DEMONYMS)]),
  }
  return tables
}

/** Every town, first-level region or wider area ("Middle East") of that name, any country. */
export function findPlaces(name: string): readonly Place[] {
  return remembered(name).own
}

/**
 * As `findPlaces`, and where no place has that name, the big towns with it as another name ("Palmyra" for Tadmur):
 * for reading a name as a place, not for telling that a name is no person's ("Duran" is a surname as well).
 */
export function findPlacesOrAlternates(name: string): readonly Place[] {
  return remembered(name).all
}

/** A name's places: `all` with the towns found by another name, `own` without them. */
type Named = { all: readonly Place[]; own: readonly Place[] }

/**
 * Kept by the name as written, so a name asked again (the entity reader asks of each name many times) costs one map
 * look-up: no key to normalise, no list to filter.
 */
function remembered(name: string): Named {
  let found = recent.get(name)
  if (!found) {
    const all = lookUpPlaces(placeKey(name))
    found = all.length === 0 ? NOWHERE : { all, own: all.some((place) => place.alternate) ? all.filter((place) => !place.alternate) : all }
    // A name is often a slice of its article, and V8 keeps a slice of 13 characters or more as a view of the whole
    // text: the key kept is a copy of its own (flattening ' ' + name, then slicing that), so the memo holds names, not
    // the articles they came from.
    recent.set((' ' + name).slice(1), found)
  }
  return found
}

/** Most names asked are no place's: they share one answer. */
const NOWHERE: Named = { all: [], own: [] }

/**
 * Texts repeat their names: the most recently asked are kept, a bounded number per isolate, the least recently asked
 * dropped first. Emptying the whole memo when full (as before) made every name asked again after it a miss: on 20,000
 * synthetic articles (2.56 million asks, 357,000 names) 73.6 % of asks were answered from a memo of 5,000 names emptied
 * when full, 76.0 % from 5,000 least recently used, 79.6 % from 20,000 (86.1 % at best: the rest are first asks).
 */
const recent = new WeightedLru<string, Named>(20_000, () => 1)

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
    if (compareName(lines[middle]!, key) < 0) low = middle + 1
    else high = middle
  }
  let end = low
  while (end < lines.length && compareName(lines[end]!, key) === 0) end++
  return lines.slice(low, end)
}

/**
 * A line's first field (up to its tab) against `key`, as comparing the two strings would order them, read in place:
 * every step of every search would otherwise cut the field out of its line.
 */
function compareName(line: string, key: string): number {
  for (let i = 0; ; i++) {
    const fieldEnds = i >= line.length || line.charCodeAt(i) === 9
    if (fieldEnds) return i === key.length ? 0 : -1
    if (i === key.length) return 1
    const difference = line.charCodeAt(i) - key.charCodeAt(i)
    if (difference !== 0) return difference
  }
}

function parsePlace(line: string): Place {
  const [name = '', code = '', lat = '', lon = '', population = '0', kind, region = ''] = line.split('\t')
  const country = sovereignOf(code)
  const place: Place = { name, country, population: Number(population), kind: kind === 'region' ? 'region' : 'town', ...(region ? { region } : {}) }
  return lat === '' ? place : { ...place, lat: Number(lat), lon: Number(lon) }
}

/** The state a code's land belongs to: its own code, or for a territory its state's ('' for none). */
const sovereignOf = (code: string) => (Object.hasOwn(TERRITORIES, code) ? TERRITORIES[code]! : code)

/** The country a name (or alias: "U.S.", "Britain") stands for. */
export function findCountry(name: string): Country | undefined {
  return load().countriesByName.get(name.toLowerCase())
}
export function countryByCode(code: string): Country | undefined {
  return load().countriesByCode.get(code)
}

/** The country of a demonym ("Chinese" -> China). */
export function countryOfDemonym(word: string): Country | undefined {
  const code = load().demonyms.get(word)
  return code ? countryByCode(sovereignOf(code)) : undefined
}

export function isDemonym(word: string): boolean {
  return load().demonyms.has(word)
}

export function isFirstName(word: string): boolean {
  return load().firstNames.has(word)
}
