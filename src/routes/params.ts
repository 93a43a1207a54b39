import * as v from 'valibot'
import { IsoDate } from '../corpus/article'

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

/** The message a range whose end comes before its start gets, on the field `to`. */
export const DATE_ORDER_MESSAGE = 'must not be before "from"'

/**
 * A query with the `from`/`to` date range besides `entries`: each date valid on
 * its own, and `to` not before `from`. The order check runs whenever both dates
 * are valid (even when another field is not, so every error is listed at once)
 * and names the field `to`, so the answer says which parameter to change.
 */
export function withDateRange<Entries extends v.ObjectEntries>(entries: Entries) {
  return v.pipe(
    v.object({ ...entries, from: DateParam, to: DateParam }),
    v.forward(
      v.partialCheck(
        [['from'], ['to']],
        (query: { from?: string | undefined; to?: string | undefined }) => !query.from || !query.to || query.from <= query.to,
        DATE_ORDER_MESSAGE,
      ),
      ['to'],
    ),
  )
}
