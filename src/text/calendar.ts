/** The words of the calendar, in lower case, each list with one home. */
const words = (list: string): readonly string[] => list.split(' ')

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday')

export const MONTHS = words('january february march april may june july august september october november december')

/** Abbreviated months; "may" is the full name already, "sept" is a common variant of "sep". */
export const MONTH_ABBREVIATIONS = words('jan feb mar apr jun jul aug sep sept oct nov dec')
