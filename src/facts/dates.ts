import * as chrono from 'chrono-node'
import type { ParsedComponents } from 'chrono-node'
import type { DateMention } from './types'

const DAY_MS = 86_400_000

// Words that make a mention relative to the publication date; without one it cannot be resolved.
const RELATIVE = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|past|coming|earlier|later)\b/i
// A date needs a calendar anchor: a month name, a weekday, a relative word or a numeric date.
const ANCHOR = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|ago|week|month|year|decade|century)[a-z]*\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/i
// A bare month name that is a word or a name ("may", "Theresa May", "March on").
const BARE_AMBIGUOUS_MONTH = /^(?:may|march|june|august)$/i
// "now" and "today"-style mentions add nothing a reader can use as a date.
const NOT_A_DATE = /^(?:now|right now|currently|today|tonight|this (?:morning|afternoon|evening))$/i
const LEADING_PREPOSITION = /^(?:on|in|at|by|since|from|until|during|of)\s+/i

/**
 * Date mentions resolved against the publication date: a weekday is the most
 * recent such day on or before it (news reports the past), a month or a year
 * without a day resolves to `YYYY-MM` or `YYYY`. Relative mentions are dropped
 * when there is no publication date to resolve them against. The span is the
 * date words without a leading preposition ("Tuesday", not "on Tuesday").
 */
export function extractDates(text: string, publicationDate?: string): DateMention[] {
  const reference = publicationDate ? new Date(`${publicationDate}T12:00:00Z`) : undefined
  const results = chrono.en.parse(text, { instant: reference ?? new Date(0), timezone: 0 }, { forwardDate: false })
  const dates: DateMention[] = []
  for (const result of results) {
    const preposition = LEADING_PREPOSITION.exec(result.text)?.[0].length ?? 0
    const words = result.text.slice(preposition)
    if (!ANCHOR.test(words) || NOT_A_DATE.test(words) || BARE_AMBIGUOUS_MONTH.test(words)) continue
    if (BARE_AMBIGUOUS_MONTH.test(words.split(/\s/)[0] ?? '') && /^\p{Ll}/u.test(words)) continue
    const relative = RELATIVE.test(words) || isWeekdayOnly(result.start)
    if (relative && !reference) continue
    const iso = resolve(result.start, reference)
    if (!iso) continue
    const start = result.index + preposition
    dates.push({ text: words, iso, start, end: start + words.length })
  }
  return dates
}

function isWeekdayOnly(date: ParsedComponents): boolean {
  return date.isCertain('weekday') && !date.isCertain('day') && !date.isCertain('month')
}

function resolve(date: ParsedComponents, reference: Date | undefined): string | undefined {
  if (isWeekdayOnly(date) && reference) {
    const back = (reference.getUTCDay() - (date.get('weekday') ?? 0) + 7) % 7
    return new Date(reference.getTime() - back * DAY_MS).toISOString().slice(0, 10)
  }
  const iso = date.date().toISOString().slice(0, 10)
  if (date.isCertain('day')) return iso
  if (date.isCertain('month')) return iso.slice(0, 7)
  if (date.isCertain('year')) return iso.slice(0, 4)
  return undefined
}
