import { pickPlace, placeDetails } from './ner/places'

/** A dateline is an upper-case place name followed by a colon or dash before the first sentence: `ISLAMABAD: China…`. */
const DATELINE = /^\s*([\p{Lu}][\p{Lu} .'-]{1,40}?)(?:,\s*[\p{L} .]+)?\s*(?::|—|–|\s-\s)/u

export type Dateline = { place: string; country?: string; start: number; end: number }

/**
 * The dateline's place, and its country from the gazetteer (the biggest place of
 * that name) when it knows the place. With a dash the name must be a known
 * place: "SOCCER - SHEARER NAMED…" is a headline, not a dateline.
 */
export function findDateline(text: string): Dateline | undefined {
  const match = DATELINE.exec(text)
  const name = match?.[1]
  if (!match || !name) return undefined
  const start = match.index + match[0].indexOf(name)
  const place = name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase())
  const known = pickPlace(place, new Set())
  if (!known && !match[0].trimEnd().endsWith(':')) return undefined
  const country = known ? placeDetails(known).country : undefined
  return { place, ...(country ? { country } : {}), start, end: start + name.length }
}
