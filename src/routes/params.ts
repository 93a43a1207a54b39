import * as v from 'valibot'
import { IsoDate } from '../corpus/article'

/**
 * Holds when a text has at least one character a reader can see: not only white
 * space, control characters (NUL) or invisible format characters (zero-width
 * space, joiners, direction marks), which `\S` alone lets through.
 */
export const VISIBLE_CHARACTER = /[^\s\p{Cc}\p{Cf}]/u

/** A whole number given as a query-string value, within bounds, with a default when absent. */
export function integerParam(min: number, max: number, fallback: number) {
  return v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, `must be a whole number from ${min} to ${max}`),
      v.transform(Number),
      v.minValue(min, `must be at least ${min}`),
      v.maxValue(max, `must be at most ${max}`),
    ),
    String(fallback),
  )
}

export const DateParam = v.optional(IsoDate)

/** `autocorrect=false`: search the words as typed even when a correction would find more ("search instead for"). */
export const AutocorrectParam = v.optional(
  v.pipe(
    v.picklist(['true', 'false'], 'must be "true" or "false"'),
    v.transform((value) => value === 'true'),
  ),
  'true',
)

/** The message a range whose end comes before its start gets, on the field `to`. */
export const DATE_ORDER_MESSAGE = 'must not be before "from"'

type DateRange = { from?: string | undefined; to?: string | undefined }

/** `to` not before `from`; runs whenever both dates are valid, even when another field is not, so every error is listed at once. */
const datesInOrder = v.forward(
  v.partialCheck<DateRange, [['from'], ['to']], DateRange, string>(
    [['from'], ['to']],
    (query) => !query.from || !query.to || query.from <= query.to,
    DATE_ORDER_MESSAGE,
  ),
  ['to'],
)

/**
 * A query with the `from`/`to` date range besides `entries`: each date valid on
 * its own, and `to` not before `from`, an error named `to` so that the answer
 * says which parameter to change.
 */
export function withDateRange<Entries extends v.ObjectEntries>(entries: Entries) {
  const query = v.object({ ...entries, from: DateParam, to: DateParam })
  type Query = v.InferOutput<typeof query>
  // The check reads only `from` and `to`, which every Query has; valibot cannot see that through the generic entries.
  return v.pipe(query, datesInOrder as unknown as v.BaseValidation<Query, Query, v.PartialCheckIssue<DateRange>>)
}
