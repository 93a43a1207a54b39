import { countryByCode, findPlaces, type Place } from '../../gazetteer'

/** People enough that a bare mention of the name is taken to mean the town. */
const BIG_TOWN = 100_000

/** The best reading of a place name: one in a country the text is about, else the biggest (regions before towns). */
export function pickPlace(name: string, contextCountries: ReadonlySet<string>): Place | undefined {
  const places = findPlaces(name)
  if (places.length === 0) return undefined
  const rank = (place: Place) => (contextCountries.has(place.country) ? 1e12 : 0) + (place.kind === 'region' ? 1e10 : 0) + place.population
  return places.reduce((best, place) => (rank(place) > rank(best) ? place : best))
}

/** Whether the name alone, with no preposition or list around it, is safe to read as a place. */
export function isProminentPlace(place: Place, contextCountries: ReadonlySet<string>): boolean {
  return place.kind === 'region' || place.population >= BIG_TOWN || contextCountries.has(place.country)
}

/** Big enough to be read as the place even in a headline: a town of BIG_TOWN people. */
export function isBigPlace(place: Place): boolean {
  return place.population >= BIG_TOWN
}

export function placeDetails(place: Place): { country?: string; lat?: number; lon?: number } {
  const country = countryByCode(place.country)?.name
  return { ...(country ? { country } : {}), ...(place.lat !== undefined ? { lat: place.lat, lon: place.lon } : {}) }
}
