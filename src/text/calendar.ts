import * as v from 'valibot'

/** The words of the calendar, in lower case, each list with one home. */
const words = (list: string): readonly string[] => list.split(' ')

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday')

export const MONTHS = words('january february march april may june july august september october november december')

/** Abbreviated months; "may" is the full name already, "sept" is a common variant of "sep". */
export const MONTH_ABBREVIATIONS = words('jan feb mar apr jun jul aug sep sept oct nov dec')

/** A calendar date as every answer gives it (an article's date, a fact's, an entity's first and last): YYYY-MM-DD. */
export const IsoDateString = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/), v.description('A calendar date, YYYY-MM-DD.'))
