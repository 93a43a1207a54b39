import { extractDates } from './dates'
import { findDateline } from './dateline'
import type { Facts } from './types'

export type ExtractOptions = { date?: string }

/** The facts of one text; every item carries the offsets of its evidence in `text`. */
export function extractFacts(text: string, options: ExtractOptions = {}): Facts {
  const dateline = findDateline(text)
  return {
    ...(options.date ? { date: options.date } : {}),
    ...(dateline ? { dateline: { place: dateline.place } } : {}),
    entities: [],
    quotes: [],
    quantities: [],
    dates: extractDates(text, options.date),
    statements: [],
  }
}
