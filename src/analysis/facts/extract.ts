import { extractDates } from './dates'
import { findDateline } from './dateline'
import { extractEntities } from './entities'
import { extractQuantities } from './quantities'
import { extractQuotes } from './quotes'
import { extractStatements } from './statements'
import type { Facts } from './types'
import { asDocument, type TextDocument } from '../../text/document'

export type ExtractOptions = { date?: string }

/** The facts of one text; every item carries the offsets of its evidence in `text`. */
export function extractFacts(source: string | TextDocument, options: ExtractOptions = {}): Facts {
  const document = asDocument(source)
  const { text, sentences } = document
  const dateline = findDateline(document)
  const entities = extractEntities(text, sentences, dateline)
  return {
    ...(options.date ? { date: options.date } : {}),
    ...(dateline ? { dateline: { place: dateline.place, ...(dateline.country ? { country: dateline.country } : {}) } } : {}),
    entities,
    quotes: extractQuotes(text, sentences, entities),
    quantities: extractQuantities(text, sentences, entities, options.date),
    dates: extractDates(text, options.date, sentences),
    statements: extractStatements(text, sentences, entities),
  }
}
