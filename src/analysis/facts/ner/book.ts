import type { Entity, EntityType } from '../types'
import type { Span } from '../../../text/span'

/** Collects entities as they are found: one entity per type and name, each with all its mentions in text order. */
export class EntityBook {
  private readonly byKey = new Map<string, Entity>()
  /** The offsets claimed, each pair as one number (`spanKey`): no string is built for each mention asked about. */
  private readonly taken = new Set<number>()

  add(type: EntityType, name: string, mention: Span, details: Partial<Pick<Entity, 'role' | 'country' | 'lat' | 'lon'>> = {}): Entity {
    const key = `${type}\t${name.toLowerCase()}`
    let entity = this.byKey.get(key)
    if (!entity) {
      entity = { name, type, mentions: [] }
      this.byKey.set(key, entity)
    }
    for (const [field, value] of Object.entries(details)) {
      if (value !== undefined && (entity as Record<string, unknown>)[field] === undefined) (entity as Record<string, unknown>)[field] = value
    }
    const offsets = spanKey(mention)
    if (!this.taken.has(offsets)) {
      this.taken.add(offsets)
      entity.mentions.push({ start: mention.start, end: mention.end })
    }
    return entity
  }

  /** Whether some entity already claims these offsets. */
  has(mention: Span): boolean {
    return this.taken.has(spanKey(mention))
  }

  /** Gives every mention of `from` to `into` (which keeps its own details, and takes those it lacks), and drops `from`. */
  merge(from: Entity, into: Entity): void {
    for (const mention of from.mentions) into.mentions.push(mention)
    for (const field of ['role', 'country', 'lat', 'lon'] as const) {
      if (into[field] === undefined && from[field] !== undefined) (into as Record<string, unknown>)[field] = from[field]
    }
    from.mentions = []
    this.byKey.delete(`${from.type}\t${from.name.toLowerCase()}`)
  }

  find(type: EntityType, name: string): Entity | undefined {
    return this.byKey.get(`${type}\t${name.toLowerCase()}`)
  }

  all(): Entity[] {
    return [...this.byKey.values()]
      .filter((entity) => entity.mentions.length > 0)
      .map((entity) => ({ ...entity, mentions: entity.mentions.sort((a, b) => a.start - b.start) }))
      .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
  }
}

/** A span as one number, exact while its end is below 2^26 and its start below 2^27 (texts are far shorter). */
const spanKey = ({ start, end }: Span) => start * 2 ** 26 + end
