import * as chrono from 'chrono-node'
import type { ParsedComponents } from 'chrono-node'
import { splitSentences } from '../../text/sentences'
import type { DateMention } from './types'
import type { Span } from '../../text/span'
import { matchesOf } from '../../text/matches'

const DAY_MS = 86_400_000
// How far after the publication date a day named without a year is taken as coming rather than last year's.
const UPCOMING_DAYS = 31

// Words that make a mention relative to the publication date; without one it cannot be resolved.
const RELATIVE = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|past|coming|earlier|later)\b/i
// A date needs a calendar anchor: a month name, a weekday, a relative word or a numeric date.
const ANCHOR =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|ago|week|month|year|decade|century)[a-z]*\b|\blast\s+night\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/i
// A bare month name that is a word or a name ("may", "Theresa May", "March on").
const BARE_AMBIGUOUS_MONTH = /^(?:may|march|june|august)$/i
// "now" and "today"-style mentions are not dates a reader can use: in reported speech they mean the day it was said,
// which is not the publication date. Durations ("for five years", "within two years"), vague spans ("in the next
// few weeks"), a bare "the month" and mentions relative to some other event ("a year later") are not dates either.
const NOT_A_DATE =
  /^(?:now|right now|currently)\b|^for\s|\blater\b|\s(?:before|after)$|^after\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|\d+)\s+(?:days?|weeks?|months?|years?|decades?)$|^within\s|\b(?:few|several|coming)\s+(?:days|weeks|months|years)\b|^(?:the|a|an)\s+(?:day|week|month|year)$/i
// "today", "this morning", "Today at 10:30 BST": the day of writing. In the narration of a dated article that is the publication date; inside
// quotation marks it is the day the words were said, which the text does not give, so those are no date.
const TODAY = /^(?:today|tonight|this (?:morning|afternoon|evening))\b/i
// "this morning" has no word of ANCHOR's: sentences and phrases holding it are read for TODAY alone.
const THIS_PART_OF_DAY = /\bthis\s+(?:morning|afternoon|evening)\b/i
// "for the last five years", "over the past three months": a counted span back from now is a duration.
// "the past year", "the last couple of weeks": a span back from now without a count is one too ("last year" is a date).
// "in two months", "two weeks": a count of time without "ago" is a length of time, not a day.
const COUNTED_SPAN =
  /^(?:the\s+)?(?:(?:last|past)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|couple\s+of)\s+(?:days|weeks|months|years|decades)\b|past\s+(?:days?|weeks?|months?|years?|decades?)\b)|^(?:in\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days|weeks|months|years|decades)$/i
// "five hours ago", "minutes ago": a time of the day something was said, not a day the text names.
const HOURS_AGO = /\b(?:hours?|minutes?|seconds?)\s+ago$/i
// "less than two weeks", "for the": what comes right before a span of time.
const SPAN_LEAD = /\b(?:for|less\s+than|more\s+than|fewer\s+than|within|over)\s+(?:the\s+)?$/i
// Before a month, words that put it ahead of the publication date: "due to stand down in August", "will meet in May".
// Modals and forecasts look ahead too ("would be sworn in on January 20", "was forecast to reach the coast on Monday").
const FUTURE_CUE =
  /\b(?:due\s+to|will|shall|would|is\s+to|are\s+to|was\s+to|were\s+to|set\s+to|scheduled|planned|expected\s+to|forecast\s+to|predicted\s+to|plans?\s+to|next)\b[^.;:]{0,50}$/i
// Before a weekday, a forecast in the present tense puts it on or after the publication date: "Meteorologists predict
// landfall Saturday morning", "could become a hurricane as soon as Friday", "will meet on Monday". Past forms ("was
// forecast to … on Monday") are left out: narration in the past names past weekdays after them too.
const WEEKDAY_AHEAD =
  /\b(?:will|shall|predicts?|(?<!\b(?:was|were|been|had)\s+)forecasts?|(?:is|are)\s+(?:expected|forecast|predicted|due|scheduled|set)\s+to|as\s+soon\s+as|tomorrow\b[^.;:]{0,40}\binto)\b[^.;:,"“”]{0,40}$/i
// "may cause 30,000 more deaths by August 4": a projection up to a day is a day ahead (lower-case "may" only: the month
// is no modal).
const PROJECTED_BY = /\b(?:could|might|may|will|would)\s+\p{Ll}+\b[^.;:]{0,60}\bby\s+$/u
// "Wednesday through Friday", "from Monday to Wednesday": two weekdays joined, the second one counted on from the first.
const WEEKDAY_RANGE = /^(\S+)(?:\s+(?:morning|afternoon|evening|night))?\s+(?:through|thru|to|until|till|and)\s+(\p{Lu}\p{Ll}+)/u
const PART_OF_DAY_OF = /^(?:the\s+)?(?:night|morning|afternoon|evening)\s+of\s+/i
// A month and day without a year after a full date in the same paragraph, not long before, are in its year ("the army
// moved on November 15, 2017 … his resignation on November 21").
const YEAR_CONTEXT_REACH = 400
// A day named by its place next to the last dated day: "the previous day", "the following day".
const NEIGHBOUR_DAY = /\b(?:the\s+(?:previous|preceding|following|next)\s+day|the\s+day\s+(?:before|after))\b/gi
// A weekday alone is a capitalised weekday name ("mon" in French text is not Monday).
// "This Sunday, X crossed the Channel": "this" or "this past" before it names the weekday of the week written about.
const WEEKDAY_NAME = /^(?:[Tt]his\s+(?:past\s+)?)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?:\s|$)/
// Before a bare "March" or "May", a word that makes it a month.
const MONTH_CUE = /\b(?:in|from|since|until|by|last|next|this|early|late|mid|of|during)\s+$/i
// A year-only relative mention followed by a month and day: "Last year August 8".
const RELATIVE_YEAR = /^(?:last|this|next)\s+year$/i
// "end of July", "the beginning of May" without a day of its own: a part of a month, which chrono reads as a day.
const PART_OF_MONTH = /^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+[A-Za-z]+\.?$/i
// "last week", "this weekend": a span of days, which chrono reads as one day.
const WEEK_SPAN = /^(?:last|this|next|past|the\s+past)\s+week(?:end)?$/i
// A date fact is one calendar day: YYYY-MM-DD, or --MM-DD when no year is known. A month or a year alone is no day.
const ONE_DAY = /^(?:\d{4}|-)-\d{2}-\d{2}$/
const LEADING_PREPOSITION = /^(?:on|in|at|by|since|from|until|during|of)\s+/i
// chrono's cost grows faster than the text it parses: it gets sentences in chunks of at most this many characters.
const CHUNK = 2_000
// No article has more dates than this; past it a text is not prose, and parsing more would only cost time.
const MAX_DATES = 500

/**
 * The days the text names, resolved against the publication date: a weekday is the most
 * recent such day on or before it (news reports the past), a month and day without
 * a year the most recent one too unless it falls in the month after it. A month or a year
 * without a day ("in June", "last year") and a span ("last week") are no day, so no date. Relative
 * mentions are dropped when there is no publication date to resolve them against, and a month and
 * day without a year keep no year (`--MM-DD`): no year is invented. The span is the
 * date words without a leading preposition ("Tuesday", not "on Tuesday").
 */
export function extractDates(text: string, publicationDate?: string, sentences: Span[] = splitSentences(text)): DateMention[] {
  const reference = publicationDate ? new Date(`${publicationDate}T12:00:00Z`) : undefined
  const dates: DateMention[] = []
  const chunks = [...anchoredChunks(text, sentences)]
  const phrases = chunks.flatMap((chunk, index) => Array.from(datePhrases(text, chunk), (span) => ({ ...span, chunk: index })))
  const results: Placed[][] = []
  let next = 0
  for (let chunk = 0; chunk < chunks.length; chunk++) {
    if (dates.length >= MAX_DATES) break
    const found: Placed[] = []
    for (; next < phrases.length && phrases[next]!.chunk === chunk; next++) {
      if (results[next] === undefined) readPhrases(text, phrases, next, reference, results)
      found.push(...results[next]!)
    }
    // A chunk's results together, as when chrono read the chunk whole: a date may join the next one ("last year August 8").
    resolveResults(text, found, reference, dates)
  }
  return withoutRepeats(neighbourDays(text, dates)).slice(0, MAX_DATES)
}

/**
 * chrono over `phrases` from `first` on, as many as fit in CHUNK characters, each phrase's results kept at its index
 * in `results` with their offsets in the text. A call costs about as much as reading a few hundred characters,
 * whatever it reads, so the phrases (a few dozen characters each, a few an article) are read together, PHRASE_BREAK
 * between them.
 */
function readPhrases(text: string, phrases: Span[], first: number, reference: Date | undefined, results: Placed[][]): void {
  let last = first + 1
  let length = phrases[first]!.end - phrases[first]!.start
  while (last < phrases.length && length + PHRASE_BREAK.length + phrases[last]!.end - phrases[last]!.start <= CHUNK) {
    length += PHRASE_BREAK.length + phrases[last]!.end - phrases[last]!.start
    last++
  }
  const bodies = phrases.slice(first, last).map(({ start, end }) => text.slice(start, end))
  const found = parseDates(bodies.join(PHRASE_BREAK), reference)
  // Where each phrase starts in the joined text, to hand each result back to its phrase.
  const joinedStarts: number[] = []
  let at = 0
  for (const body of bodies) {
    joinedStarts.push(at)
    at += body.length + PHRASE_BREAK.length
  }
  for (let k = first; k < last; k++) results[k] = []
  for (const { result, at: joinedAt } of found) {
    let k = bodies.length - 1
    while (joinedStarts[k]! > joinedAt) k--
    // A result running over a break would join words the text does not put together: then each phrase is read alone.
    if (joinedAt + result.text.length > joinedStarts[k]! + bodies[k]!.length) {
      for (let alone = first; alone < last; alone++)
        results[alone] = parseDates(text.slice(phrases[alone]!.start, phrases[alone]!.end), reference, phrases[alone]!.start)
      return
    }
    results[first + k]!.push({ result, at: joinedAt + phrases[first + k]!.start - joinedStarts[k]! })
  }
}

/** A result of chrono's and where it starts in the text (its `index` is in the body chrono read). */
type Placed = { result: chrono.ParsedResult; at: number }

/** chrono's reading of `body`, which starts at `offset` in the text. */
function parseDates(body: string, reference: Date | undefined, offset = 0): Placed[] {
  return chrono.en
    .parse(body, { instant: reference ?? new Date(0), timezone: 0 }, { forwardDate: false })
    .map((result) => ({ result, at: offset + result.index }))
}

// Between two phrases read in one call: white space on both sides, as around a phrase in the text, and a mark none of
// chrono's patterns reads or crosses (no date, time, range or time zone takes a semicolon).
const PHRASE_BREAK = '\n\n;\n\n'

/**
 * One fact per day named the same way: news repeats "Monday" or "last year" for one day, and a reader (or a
 * list of facts) wants the day once. The first mention is kept; another wording of the same day stays.
 */
function withoutRepeats(dates: DateMention[]): DateMention[] {
  const seen = new Set<string>()
  return dates.filter((date) => {
    const key = `${date.iso} ${date.text.toLowerCase().replace(/\s+/g, ' ')}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The sentences chrono could find a date in, joined up to CHUNK characters while they follow one another; a longer
 * sentence is cut at white space. A date kept needs an ANCHOR word (resolveResults tests its words), so a sentence
 * without one cannot give a date: chrono, the stage's whole cost, never reads the four fifths of a text that have none.
 */
function* anchoredChunks(text: string, sentences: Span[]): Generator<Span> {
  let current: Span | undefined
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end)
    if (!ANCHOR.test(body) && !THIS_PART_OF_DAY.test(body)) {
      if (current) yield current
      current = undefined
      continue
    }
    if (current && sentence.end - current.start <= CHUNK) {
      current.end = sentence.end
      continue
    }
    if (current) yield current
    let start = sentence.start
    while (sentence.end - start > CHUNK) {
      const space = text.lastIndexOf(' ', start + CHUNK)
      const end = space > start ? space : start + CHUNK
      yield { start, end }
      start = end
    }
    current = { start, end: sentence.end }
  }
  if (current) yield current
}

/**
 * The words of chrono's vocabulary (its month, weekday, casual-day and time-unit words) that ANCHOR matches, and its
 * numeric dates: every date kept holds one of them, since resolveResults keeps only results whose words match ANCHOR
 * and chrono's results are made of its vocabulary. The other words ANCHOR matches ("decided", "market", "monitor")
 * are never in a result.
 */
const DATE_SEED =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|sun(?:day)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|week(?:s|end|day)?|months?|years?|yesterday|today|tonight|tomorrow|ago)\b|\blast\s+night\b|\bthis\s+(?:morning|afternoon|evening)\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/gi
// How far around a seed chrono is given the text, snapped out to white space: more than any of its patterns reaches
// beyond the seed word (a time and its zone before or after a date, "two years and three months ago"), so it reads
// each date phrase as it reads it in the whole chunk.
const PHRASE_MARGIN = 48

/**
 * The date phrases of a chunk: the text around each DATE_SEED, overlapping stretches joined, in text order. chrono
 * reads these rather than the whole chunk (its cost grows with what it reads, and most of a dated sentence is no
 * date); the offsets of its results stay those of the text, since each phrase is parsed at its own start.
 */
function* datePhrases(text: string, chunk: Span): Generator<Span> {
  const body = text.slice(chunk.start, chunk.end)
  let current: Span | undefined
  for (const match of matchesOf(body, DATE_SEED)) {
    let start = Math.max(0, match.index - PHRASE_MARGIN)
    while (start > 0 && !isSpace(body.charCodeAt(start - 1))) start--
    let end = Math.min(body.length, match.index + match[0].length + PHRASE_MARGIN)
    while (end < body.length && !isSpace(body.charCodeAt(end))) end++
    if (current && start <= current.end - chunk.start) current.end = chunk.start + end
    else {
      if (current) yield current
      current = { start: chunk.start + start, end: chunk.start + end }
    }
  }
  if (current) yield current
}

// White space as `\s` has it in the Latin range; a rarer space only makes a phrase a little longer.
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160

/** Keeps the results that are dates and resolves them (one chunk's, in text order). */
function resolveResults(text: string, results: Placed[], reference: Date | undefined, dates: DateMention[]): void {
  for (let i = 0; i < results.length; i++) {
    // "on the night of June 21": chrono reads the part of the day alone; the day is what follows "of".
    const partOfDay = PART_OF_DAY_OF.exec(results[i]!.result.text)
    const day = partOfDay ? parseDates(results[i]!.result.text.slice(partOfDay[0].length), reference, results[i]!.at + partOfDay[0].length)[0] : undefined
    const { result, at } = day ?? results[i]!
    const preposition = LEADING_PREPOSITION.exec(result.text)?.[0].length ?? 0
    let words = result.text.slice(preposition)
    // "Last month, 12 people died": chrono takes the count along when the date has no day of its own.
    if (!result.start.isCertain('day')) words = words.replace(/,\s*\d{1,3}$/, '')
    words = words.replace(/[\s,;:]+$/, '')
    const start = at + preposition
    // "for five years" is a span, "scheduled for October 22" a day: a lead word only makes a span of what names no day.
    const namesADay = result.start.isCertain('day') || isWeekdayOnly(result.start)
    if (TODAY.test(words)) {
      const iso = reference?.toISOString().slice(0, 10)
      // "today's judgment" names a thing of the day, not the day; "on Monday — today —" names the day once, and so do
      // "today" and a later "this evening"; "USA Today" is a name.
      const restated = dates.some((date) => date.iso === iso && date.end <= start && (TODAY.test(date.text) || /^[\s,—–-]+$/.test(text.slice(date.end, start))))
      const inName = /^\p{Lu}/u.test(words) && /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, start - 30), start))
      if (iso && !restated && !inName && !insideQuotation(text, start) && !/^['’]s\b/.test(text.slice(start + words.length, start + words.length + 3)))
        dates.push({ text: words, iso, start, end: start + words.length })
      continue
    }
    if (!ANCHOR.test(words) || NOT_A_DATE.test(words) || COUNTED_SPAN.test(words) || HOURS_AGO.test(words)) continue
    if (!namesADay && SPAN_LEAD.test(text.slice(Math.max(0, start - 20), start))) continue
    if (BARE_AMBIGUOUS_MONTH.test(words) && !MONTH_CUE.test(text.slice(Math.max(0, start - 12), start))) continue
    if (BARE_AMBIGUOUS_MONTH.test(words.split(/\s/)[0] ?? '') && /^\p{Ll}/u.test(words)) continue
    if (isWeekdayOnly(result.start) && !WEEKDAY_NAME.test(words)) continue
    const relative = RELATIVE.test(words) || isWeekdayOnly(result.start)
    if (relative && !reference) continue
    const next = results[i + 1]?.result
    const nextAt = results[i + 1]?.at ?? -1
    if (reference && next && RELATIVE_YEAR.test(words) && /^\s+$/.test(text.slice(at + result.text.length, nextAt))) {
      const iso = monthDayInYear(next.start, resolve(result.start, reference))
      if (iso) {
        const end = nextAt + next.text.length
        dates.push({ text: text.slice(start, end), iso, start, end })
        i++
        continue
      }
    }
    if (PART_OF_MONTH.test(words) || WEEK_SPAN.test(words)) continue
    const lead = text.slice(Math.max(0, start - 60), start)
    const ahead = isWeekdayOnly(result.start) && reference !== undefined && WEEKDAY_AHEAD.test(lead)
    const projected = PROJECTED_BY.test(text.slice(Math.max(0, start - 90), start))
    const inYear = reference && !ahead ? yearOfContext(text, dates, result.start, start) : undefined
    const iso = inYear ?? (ahead ? weekdayOnOrAfter(result.start, reference) : resolve(result.start, reference, FUTURE_CUE.test(lead) || projected))
    if (!iso || !ONE_DAY.test(iso)) continue
    const range = isWeekdayOnly(result.start) && result.end && isWeekdayOnly(result.end) ? WEEKDAY_RANGE.exec(words) : null
    if (range) {
      // Each end of the range is a day of its own, the second one the first day of its name after the first.
      const last = words.lastIndexOf(range[2]!)
      const days = ((result.end!.get('weekday') ?? 0) - (result.start.get('weekday') ?? 0) + 7) % 7
      dates.push({ text: range[1]!, iso, start, end: start + range[1]!.length })
      dates.push({ text: range[2]!, iso: addDays(iso, days), start: start + last, end: start + last + range[2]!.length })
      continue
    }
    dates.push({ text: words, iso, start, end: start + words.length })
  }
}

/**
 * Whether `at` is inside quotation marks: an odd number of straight double quotes, or more opening than closing curly
 * ones, between the start of its paragraph and `at` (a quotation does not run over a paragraph's end unclosed in news).
 */
function insideQuotation(text: string, at: number): boolean {
  const paragraph = Math.max(text.lastIndexOf('\n\n', at), 0)
  let straight = 0
  let curly = 0
  for (let i = paragraph; i < at; i++) {
    const code = text.charCodeAt(i)
    if (code === 34) straight++
    else if (code === 0x201c) curly++
    else if (code === 0x201d && curly > 0) curly--
  }
  return straight % 2 === 1 || curly > 0
}

/** "August 8" in the year of a year-only mention ("last year" = 2019): 2019-08-08. */
function monthDayInYear(date: ParsedComponents, year: string | undefined): string | undefined {
  if (!year || date.isCertain('year') || !date.isCertain('month') || !date.isCertain('day')) return undefined
  const month = String(date.get('month')).padStart(2, '0')
  const day = String(date.get('day')).padStart(2, '0')
  return `${year.slice(0, 4)}-${month}-${day}`
}

function isWeekdayOnly(date: ParsedComponents): boolean {
  return date.isCertain('weekday') && !date.isCertain('day') && !date.isCertain('month')
}

/**
 * "the previous day", "the following day": a day before or after the last
 * date with a day that comes before it in the text; none when there is none.
 */
function neighbourDays(text: string, dates: DateMention[]): DateMention[] {
  const found = matchesOf(text, NEIGHBOUR_DAY)
  if (found.length === 0) return dates
  const all = [...dates]
  let d = 0
  let anchor: DateMention | undefined
  for (const match of found) {
    for (; d < dates.length && dates[d]!.start < match.index; d++) if (/^\d{4}-\d{2}-\d{2}$/.test(dates[d]!.iso)) anchor = dates[d]
    if (!anchor) continue
    const step = /previous|preceding|before/i.test(match[0]) ? -1 : 1
    const iso = new Date(Date.parse(`${anchor.iso}T12:00:00Z`) + step * DAY_MS).toISOString().slice(0, 10)
    all.push({ text: match[0], iso, start: match.index, end: match.index + match[0].length })
  }
  return all.sort((a, b) => a.start - b.start)
}

/**
 * A month and day without a year, in the year of the last date written with one, when that date comes shortly before
 * it in the same paragraph and the month and day fall on or after it in that year.
 */
function yearOfContext(text: string, dates: DateMention[], date: ParsedComponents, start: number): string | undefined {
  if (date.isCertain('year') || !date.isCertain('month') || !date.isCertain('day')) return undefined
  const last = dates.at(-1)
  if (!last || !/\b\d{4}\b/.test(last.text) || !ONE_DAY.test(last.iso) || start - last.end > YEAR_CONTEXT_REACH) return undefined
  if (text.slice(last.end, start).includes('\n\n')) return undefined
  const iso = monthDayInYear(date, last.iso)
  return iso && iso >= last.iso ? iso : undefined
}

/** The first day of the weekday's name on or after the publication date. */
function weekdayOnOrAfter(date: ParsedComponents, reference: Date): string {
  const ahead = ((date.get('weekday') ?? 0) - reference.getUTCDay() + 7) % 7
  return new Date(reference.getTime() + ahead * DAY_MS).toISOString().slice(0, 10)
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

function resolve(date: ParsedComponents, reference: Date | undefined, future = false): string | undefined {
  if (isWeekdayOnly(date) && reference) {
    const back = (reference.getUTCDay() - (date.get('weekday') ?? 0) + 7) % 7
    return new Date(reference.getTime() - back * DAY_MS).toISOString().slice(0, 10)
  }
  const resolved = date.date()
  // A month without a year is the most recent one on or before the publication date: news reports the past,
  // unless the words before it look ahead, or the day is in the weeks just after the publication date, which
  // news names without a year when it is coming ("the hearing is on July 16"), not when it is eleven months old.
  const soonAfter = date.isCertain('day') && resolved.getTime() - (reference?.getTime() ?? 0) <= UPCOMING_DAYS * DAY_MS
  if (reference && !future && !soonAfter && date.isCertain('month') && !date.isCertain('year') && resolved.getTime() > reference.getTime() + DAY_MS) {
    resolved.setUTCFullYear(resolved.getUTCFullYear() - 1)
  }
  // Without a publication date a month and day have no year: the text's words only, as ISO 8601 writes a
  // yearless date ("--11-24"); chrono would fill in the year of its epoch instant.
  if (!reference && !date.isCertain('year')) {
    if (!date.isCertain('month')) return undefined
    const month = String(date.get('month')).padStart(2, '0')
    return date.isCertain('day') ? `--${month}-${String(date.get('day')).padStart(2, '0')}` : `--${month}`
  }
  const iso = resolved.toISOString().slice(0, 10)
  if (date.isCertain('day')) return iso
  if (date.isCertain('month')) return iso.slice(0, 7)
  if (date.isCertain('year')) return iso.slice(0, 4)
  return undefined
}
