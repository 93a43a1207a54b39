import * as chrono from 'chrono-node'
import type { DateMention } from './types'

/** Date mentions resolved against the publication date (weekdays to the most recent such day on or before it). */
export function extractDates(text: string, publicationDate?: string): DateMention[] {
  const reference = publicationDate ? new Date(`${publicationDate}T12:00:00Z`) : new Date()
  return chrono.en.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false }).map((result) => ({
    text: result.text,
    iso: result.start.date().toISOString().slice(0, 10),
    start: result.index,
    end: result.index + result.text.length,
  }))
}
