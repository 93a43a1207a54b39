import type { Span } from './span'

/**
 * An upper-case dateline at the start of a sentence: "ISLAMABAD:", "LONDON, May 3 —",
 * "KABUL (Reuters) -". Group 1 is the place, maybe with trailing spaces; the
 * date or region after a comma and the agency in brackets are skipped. Every
 * repetition is bounded, so the match is linear.
 */
const LEADING = /^\s*([\p{Lu}][\p{Lu} .'’-]{1,40})(?:,[^:\n—–(]{1,40})?(?:\s*\([^()\n]{1,30}\))?\s*(:|—|–|\s-\s)\s*/u

/**
 * A wire dateline: a line of its own near the top, an upper-case place, maybe its
 * region or country, and the date (`QUETTA, Pakistan 2025-03-14`).
 */
const WIRE = /^([\p{Lu}][\p{Lu} .'-]{1,40}?)(?:\s*,\s*(\p{Lu}[\p{L}.]{1,20}(?: \p{Lu}[\p{L}.]{1,20}){0,2}))?\s+\d{4}-\d{2}-\d{2}[ \t]*$/mu
const WIRE_WITHIN = 400

export type DatelineMatch = {
  /** The place as written ("KABUL"). */
  place: Span
  /** The region or country a wire dateline names after the place ("Pakistan"). */
  region?: Span
  /** Where the sentence proper starts: after the separator and its spaces. */
  bodyStart: number
  /** A colon separates a place for certain; a dash may follow a headline word ("HOCKEY - FARRANT RECALLED"). */
  colon: boolean
}

/**
 * The dateline that opens `span` of `text` (the whole text by default), if any.
 * Summaries skip it (`bodyStart`); facts look its place up in the gazetteer.
 */
export function leadingDateline(text: string, span: Span = { start: 0, end: text.length }): DatelineMatch | undefined {
  const match = LEADING.exec(text.slice(span.start, span.end))
  const name = match?.[1]?.trimEnd()
  if (!match || !name || match[0].length >= span.end - span.start) return undefined
  const start = span.start + match[0].indexOf(name)
  return { place: { start, end: start + name.length }, bodyStart: span.start + match[0].length, colon: match[2] === ':' }
}

/** A wire dateline on a line of its own within the first 400 characters. */
export function wireDateline(text: string): DatelineMatch | undefined {
  const match = WIRE.exec(text.slice(0, WIRE_WITHIN))
  const name = match?.[1]?.trimEnd()
  if (!match || !name) return undefined
  const start = match.index
  const regionName = match[2]
  const regionStart = regionName === undefined ? -1 : start + match[0].indexOf(regionName, name.length)
  return {
    place: { start, end: start + name.length },
    ...(regionName === undefined ? {} : { region: { start: regionStart, end: regionStart + regionName.length } }),
    bodyStart: start + match[0].length,
    colon: false,
  }
}
