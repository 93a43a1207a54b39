import { countryByCode, findPlacesOrAlternates, type Place } from '../../../gazetteer'

/** People enough that a bare mention of the name is taken to mean the town. */
const BIG_TOWN = 100_000

/** Weight of a region against towns (regions have no population of their own). */
const REGION_WEIGHT = 5e7
/** How much more a place in a country the text is about counts: Kalat in Pakistan, but Moscow in Russia even in a text about Idaho. */
const CONTEXT_WEIGHT = 100

/** People enough that a town is a world city, known by its name wherever the text is about. */
const WORLD_CITY = 1_000_000

/**
 * The best reading of a place name: the biggest, places in a country the text is about counting a hundredfold, and
 * world cities as if they were in one ("based in Paris" is Paris in France in a text about the United States, where
 * Paris, Texas has 25,000 people).
 */
export function pickPlace(name: string, contextCountries: ReadonlySet<string>): Place | undefined {
  const places = findPlacesOrAlternates(name)
  if (places.length === 0) return undefined
  const inView = (place: Place) => contextCountries.has(place.country) || (place.kind === 'town' && place.population >= WORLD_CITY)
  const rank = (place: Place) => (place.kind === 'region' ? REGION_WEIGHT : place.population + 1) * (inView(place) ? CONTEXT_WEIGHT : 1)
  return places.reduce((best, place) => (rank(place) > rank(best) ? place : best))
}

/**
 * A small town the gazetteer knows only in a country the text is not about, where the text is about some
 * country: more likely a village of the text's own country the gazetteer lacks (it keeps towns of 15,000
 * people and more) than a namesake abroad ("Carmen" in a report on the Philippines is not the Spanish town).
 */
export function isNamesakeAbroad(place: Place, contextCountries: ReadonlySet<string>): boolean {
  return contextCountries.size > 0 && !contextCountries.has(place.country) && place.kind === 'town' && place.population < BIG_TOWN
}

/**
 * Whether the name alone, with no preposition or list around it, is safe to read as a place. A town found by another of
 * its names ("Palmyra", but also "Duran", a surname, or "Molotov", an old name) is, only in a country the text is about.
 */
export function isProminentPlace(place: Place, contextCountries: ReadonlySet<string>): boolean {
  if (place.alternate) return contextCountries.has(place.country)
  return place.kind === 'region' || place.population >= BIG_TOWN || contextCountries.has(place.country)
}

/** Big enough to be read as the place even in a headline: a town of BIG_TOWN people, by its own name. */
export function isBigPlace(place: Place): boolean {
  return place.population >= BIG_TOWN && !place.alternate
}

export function placeDetails(place: Place): { country?: string; lat?: number; lon?: number } {
  const country = countryByCode(place.country)?.name
  return { ...(country ? { country } : {}), ...(place.lat !== undefined ? { lat: place.lat, lon: place.lon } : {}) }
}
