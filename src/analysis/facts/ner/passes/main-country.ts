import { mostCommon, type Reading } from '../reading'

/**
 * The main-country pass: places the gazetteer lacks are given the country the text is most about (the
 * one its countries and places name most often), which is known only once every name is read.
 */
export function placeUnplaced(reading: Reading): void {
  const country = mainCountry(reading)
  for (const name of reading.unplaced) {
    const place = reading.book.find('place', name)
    if (place && country && !place.country) place.country = country
  }
}

function mainCountry(reading: Reading): string | undefined {
  const names: string[] = []
  for (const entity of reading.book.all()) {
    const country = entity.type === 'country' ? entity.name : entity.type === 'place' ? entity.country : undefined
    if (country) for (const _ of entity.mentions) names.push(country)
  }
  return mostCommon(names)
}
