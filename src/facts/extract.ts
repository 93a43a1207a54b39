import { extractDates } from './dates'
import { findDateline } from './dateline'
import { extractQuantities } from './quantities'
import { extractQuotes } from './quotes'
import { extractStatements } from './statements'
import type { Entity, Facts } from './types'
import { splitSentences } from '../text/sentences'

export type ExtractOptions = { date?: string }

/** The facts of one text; every item carries the offsets of its evidence in `text`. */
export function extractFacts(text: string, options: ExtractOptions = {}): Facts {
  const dateline = findDateline(text)
  const sentences = splitSentences(text)
  // Part A replaces this with the entity extractor: quotes, quantities and statements name what it finds.
  const entities: Entity[] = []
  return {
    ...(options.date ? { date: options.date } : {}),
    ...(dateline ? { dateline: { place: dateline.place } } : {}),
    entities,
    quotes: extractQuotes(text, sentences, entities),
    quantities: extractQuantities(text, sentences, entities),
    dates: extractDates(text, options.date),
    statements: extractStatements(text, sentences, entities),
  }
}
