import { findCountry } from '../../../../gazetteer'
import { pickPlace, placeDetails } from '../places'
import type { Reading } from '../reading'

/** The dateline pass: "QUETTA, Pakistan —" names the place the text is filed from, and with it the country in view. */
export function readDatelinePlace(reading: Reading): void {
  const { book, context, dateline } = reading
  if (!dateline) return
  const place = pickPlace(dateline.place, context)
  if (place) context.add(place.country)
  book.add('place', dateline.place, dateline, place ? placeDetails(place) : dateline.country ? { country: dateline.country } : {})
  const region = dateline.region
  if (!region) return
  const country = findCountry(region.name)
  if (country) return void book.add('country', country.name, region)
  const area = pickPlace(region.name, context)
  book.add('place', region.name, region, area ? placeDetails(area) : {})
}
