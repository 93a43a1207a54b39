import { CASUALTY_EVENTS } from './brief'
import type { EntityRegistry, StoredEntity } from './entity-registry'

/** A place on a map: the articles naming it and its casualty figures by event, within a date range. */
export type PlaceFigures<Place extends MapEntity = StoredEntity> = {
  entity: Place
  articles: number
  casualties: Partial<Record<string, number>>
  total: number
}
/** What a map shows of a place. */
export type MapEntity = Pick<StoredEntity, 'id' | 'name' | 'country' | 'lat' | 'lon'>
export type DateRange = { from?: string; to?: string }

/** How far around a place its map looks for neighbours, in degrees. */
const NEAR = { lon: 12, lat: 8 }

const inRange = (date: string | undefined, { from, to }: DateRange) =>
  (!from || (date !== undefined && date >= from)) && (!to || (date !== undefined && date <= to))

/** The figures of one place, counting only articles dated within the range (undated ones only when no range is given). */
export function figuresOf<Place extends MapEntity & Pick<StoredEntity, 'articles' | 'casualties'>>(
  entity: Place,
  dates: readonly (string | undefined)[],
  range: DateRange = {},
): PlaceFigures<Place> {
  const casualties: Partial<Record<string, number>> = {}
  let total = 0
  const stored = entity.casualties ?? []
  for (let i = 0; i < stored.length; i += 3) {
    if (!inRange(dates[stored[i]!], range)) continue
    const event = CASUALTY_EVENTS[stored[i + 2]!]!
    casualties[event] = (casualties[event] ?? 0) + stored[i + 1]!
    total += stored[i + 1]!
  }
  return { entity, articles: entity.articles.filter((article) => inRange(dates[article], range)).length, casualties, total }
}

/** Every located place named in the range, most casualties first, then most articles. */
export function placesInRange(registry: EntityRegistry, dates: readonly (string | undefined)[], range: DateRange): PlaceFigures[] {
  return registry
    .located()
    .map((entity) => figuresOf(entity, dates, range))
    .filter((place) => place.articles > 0)
    .sort((a, b) => b.total - a.total || b.articles - a.articles)
}

/** The places a map of one entity shows: a place and its neighbours (and the places inside it), or a country's places. */
export function placesAround(registry: EntityRegistry, entity: StoredEntity, dates: readonly (string | undefined)[]): PlaceFigures[] {
  const inside = new Set(registry.within(entity))
  return registry
    .located()
    .filter((other) => inside.has(other) || isNear(entity, other))
    .map((other) => figuresOf(other, dates))
}

/** Whether a located place is near enough to `focus` (when it has coordinates) to show on its map. */
export function isNear(focus: Pick<StoredEntity, 'lat' | 'lon'>, other: Pick<StoredEntity, 'lat' | 'lon'>): boolean {
  const { lat, lon } = focus
  return lat !== undefined && lon !== undefined && Math.abs(other.lat! - lat) <= NEAR.lat && Math.abs(other.lon! - lon) <= NEAR.lon
}
