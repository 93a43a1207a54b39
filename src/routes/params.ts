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

/** `autocorrect=false`: search the words as typed even when a correction would find more ("search instead for"). */
export const AutocorrectParam = v.optional(
  v.pipe(
    v.picklist(['true', 'false'], 'must be "true" or "false"'),
    v.transform((value) => value === 'true'),
  ),
  'true',
)
