import { findCountry } from '../gazetteer'
import { pickPlace, placeDetails } from './ner/places'

/** A dateline is an upper-case place name followed by a colon or dash before the first sentence: `ISLAMABAD: China…`. */
const DATELINE = /^\s*([\p{Lu}][\p{Lu} .'-]{1,40}?)(?:,\s*[\p{L} .]+)?\s*(?::|—|–|\s-\s)/u

/**
 * A wire dateline: a line of its own near the top, an upper-case place, maybe its
 * region or country, and the date (`QUETTA, Pakistan 2025-03-14`). Searched in the
 * first lines only; every repetition is bounded, so the match is linear.
 */
const WIRE_DATELINE = /^([\p{Lu}][\p{Lu} .'-]{1,40}?)(?:\s*,\s*(\p{Lu}[\p{L}.]{1,20}(?: \p{Lu}[\p{L}.]{1,20}){0,2}))?\s+\d{4}-\d{2}-\d{2}[ \t]*$/mu
const WIRE_DATELINE_WITHIN = 400

export type Dateline = { place: string; country?: string; start: number; end: number; region?: { name: string; start: number; end: number } }

/**
 * The dateline's place, and its country from the gazetteer (the biggest place of
 * that name) when it knows the place. With a dash the name must be a known
 * place: "HOCKEY - FARRANT RECALLED…" is a headline, not a dateline.
 */
export function findDateline(text: string): Dateline | undefined {
  return leadingDateline(text) ?? wireDateline(text)
}

function leadingDateline(text: string): Dateline | undefined {
  const match = DATELINE.exec(text)
  const name = match?.[1]
  if (!match || !name) return undefined
  const start = match.index + match[0].indexOf(name)
  const place = titleCased(name)
  const known = pickPlace(place, new Set())
  if (!known && !match[0].trimEnd().endsWith(':')) return undefined
  const country = known ? placeDetails(known).country : undefined
  return { place, ...(country ? { country } : {}), start, end: start + name.length }
}

function wireDateline(text: string): Dateline | undefined {
  const match = WIRE_DATELINE.exec(text.slice(0, WIRE_DATELINE_WITHIN))
  const name = match?.[1]?.trimEnd()
  if (!match || !name) return undefined
  const start = match.index
  const place = titleCased(name)
  const regionName = match[2]
  const regionStart = regionName === undefined ? -1 : start + match[0].indexOf(regionName, name.length)
  const region = regionName === undefined ? undefined : { name: regionName, start: regionStart, end: regionStart + regionName.length }
  const named = regionName === undefined ? undefined : findCountry(regionName)
  const known = pickPlace(place, new Set(named ? [named.code] : []))
  const country = named?.name ?? (known ? placeDetails(known).country : undefined)
  return { place, ...(country ? { country } : {}), start, end: start + name.length, ...(region ? { region } : {}) }
}

const titleCased = (name: string) => name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase())
