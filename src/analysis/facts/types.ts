/**
 * The facts of one text, as in the public contract (`Facts` in docs/api.md): the valibot schemas that document them
 * in `/openapi.json` (an article's facts, `POST /api/extract`'s, and each kind's fields in `GET /api/facts`) and the
 * types the extractors produce, inferred from them. Offsets index the text they came from.
 * Plain objects, not loose ones: both give the same JSON Schema (no `additionalProperties`, so the API may still add
 * fields), while a loose object's type has an index signature of `unknown` that Workers RPC cannot carry (facts travel
 * in stored articles between the live segment's Durable Object and the Worker) and that lets a misspelt field through.
 */
import * as v from 'valibot'
import { IsoDateString } from '../../text/calendar'
import { SpanEntries } from '../../text/span'

export const ENTITY_TYPES = ['person', 'organization', 'place', 'country'] as const

export type EntityType = (typeof ENTITY_TYPES)[number]

/**
 * `kind` marks a figure that is not a count of the article's own event: a
 * conditional ("if…", "could have…"), another year's toll ("in 2013"), or a
 * running total ("since 2013", "in total"). Casualty totals leave these out.
 */
export const QUANTITY_KINDS = ['hypothetical', 'historical', 'cumulative'] as const

export type QuantityKind = (typeof QUANTITY_KINDS)[number]

/** The fields of each kind of fact, shared by an article's `Facts` and the items of `GET /api/facts`. */
export const EntityEntries = {
  name: v.pipe(v.string(), v.description('The name alone, e.g. "Mohsin Naqvi".')),
  role: v.optional(v.pipe(v.string(), v.description('Title or office, e.g. "Interior Minister".'))),
  country: v.optional(v.string()),
  lat: v.optional(v.number()),
  lon: v.optional(v.number()),
  mentions: v.array(v.object(SpanEntries)),
}
export const QuoteEntries = { text: v.string(), speaker: v.optional(v.string()), ...SpanEntries }
export const QuantityEntries = {
  value: v.number(),
  who: v.string(),
  event: v.optional(v.string()),
  place: v.optional(v.string()),
  kind: v.optional(
    v.pipe(
      v.picklist(QUANTITY_KINDS),
      v.description('Set when the figure is not a count of the article’s own event: a conditional, another year’s toll, a running total.'),
    ),
  ),
  ...SpanEntries,
}
export const DateEntries = {
  text: v.string(),
  iso: v.pipe(
    v.string(),
    v.regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?)$/),
    v.description(
      'One day the text names, in ISO 8601: YYYY-MM-DD, or --MM-DD when no year is known (docs/facts-dates.md). Bundles built before months and years stopped being dates may still hold YYYY-MM, YYYY or --MM.',
    ),
  ),
  ...SpanEntries,
}
export const StatementEntries = { actor: v.string(), verb: v.string(), target: v.optional(v.string()), ...SpanEntries }

const EntitySchema = v.object({ ...EntityEntries, type: v.picklist(ENTITY_TYPES) })
const QuoteSchema = v.object(QuoteEntries)
const QuantitySchema = v.object(QuantityEntries)
const DateSchema = v.object(DateEntries)
const StatementSchema = v.object(StatementEntries)

export const FactsSchema = v.object({
  date: v.optional(IsoDateString),
  dateline: v.optional(v.object({ place: v.string(), country: v.optional(v.string()) })),
  entities: v.array(EntitySchema),
  quotes: v.array(QuoteSchema),
  quantities: v.array(QuantitySchema),
  dates: v.array(DateSchema),
  statements: v.array(StatementSchema),
})

export type Entity = v.InferOutput<typeof EntitySchema>
export type Quote = v.InferOutput<typeof QuoteSchema>
export type Quantity = v.InferOutput<typeof QuantitySchema>
export type DateMention = v.InferOutput<typeof DateSchema>
export type Statement = v.InferOutput<typeof StatementSchema>
export type Facts = v.InferOutput<typeof FactsSchema>
