import type { Span } from '../../text/span'
/** The facts of one text, as in the public contract (`Facts` in docs/api.md). Offsets index the text they came from. */

export const ENTITY_TYPES = ['person', 'organization', 'place', 'country'] as const

export type EntityType = (typeof ENTITY_TYPES)[number]

export type Entity = {
  name: string
  type: EntityType
  role?: string
  country?: string
  lat?: number
  lon?: number
  mentions: Span[]
}

export type Quote = Span & { text: string; speaker?: string }
/**
 * `kind` marks a figure that is not a count of the article's own event: a
 * conditional ("if…", "could have…"), another year's toll ("in 2013"), or a
 * running total ("since 2013", "in total"). Casualty totals leave these out.
 */
export type QuantityKind = 'hypothetical' | 'historical' | 'cumulative'
export type Quantity = Span & { value: number; who: string; event?: string; place?: string; kind?: QuantityKind }
export type DateMention = Span & { text: string; iso: string }
export type Statement = Span & { actor: string; verb: string; target?: string }

export type Facts = {
  date?: string
  dateline?: { place: string; country?: string }
  entities: Entity[]
  quotes: Quote[]
  quantities: Quantity[]
  dates: DateMention[]
  statements: Statement[]
}
