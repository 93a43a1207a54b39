import { findCountry } from '../../gazetteer'
import { leadingDateline, wireDateline, type DatelineMatch } from '../../text/dateline'
import type { TextDocument } from '../../text/document'
import { pickPlace, placeDetails } from './ner/places'

export type Dateline = { place: string; country?: string; start: number; end: number; region?: { name: string; start: number; end: number } }

/**
 * The dateline's place, and its country from the gazetteer (the biggest place of
 * that name, or the one in the country a wire dateline names). With a dash the
 * name must be a known place: "HOCKEY - FARRANT RECALLED…" is a headline, not a dateline.
 */
export function findDateline(source: string | TextDocument): Dateline | undefined {
  const text = typeof source === 'string' ? source : source.text
  const leading = typeof source === 'string' ? leadingDateline(source) : source.dateline
  return (leading && resolveLeading(text, leading)) ?? resolveWire(text)
}

function resolveLeading(text: string, dateline: DatelineMatch): Dateline | undefined {
  const place = titleCased(text.slice(dateline.place.start, dateline.place.end))
  const known = pickPlace(place, new Set())
  if (!known && !dateline.colon) return undefined
  const country = known ? placeDetails(known).country : undefined
  return { place, ...(country ? { country } : {}), ...dateline.place }
}

function resolveWire(text: string): Dateline | undefined {
  const dateline = wireDateline(text)
  if (!dateline) return undefined
  const place = titleCased(text.slice(dateline.place.start, dateline.place.end))
  const region = dateline.region && { name: text.slice(dateline.region.start, dateline.region.end), ...dateline.region }
  const named = region ? findCountry(region.name) : undefined
  const known = pickPlace(place, new Set(named ? [named.code] : []))
  const country = named?.name ?? (known ? placeDetails(known).country : undefined)
  return { place, ...(country ? { country } : {}), ...dateline.place, ...(region ? { region } : {}) }
}

const titleCased = (name: string) => name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase())
