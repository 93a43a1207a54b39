import type { Entity, EntityType } from '../types'
import type { Span } from '../../../text/span'

/** Collects entities as they are found: one entity per type and name, each with all its mentions in text order. */
export class EntityBook {
  private readonly byKey = new Map<string, Entity>()
  private readonly taken = new Set<string>()

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
    const spanKey = `${mention.start}:${mention.end}`
    if (!this.taken.has(spanKey)) {
      this.taken.add(spanKey)
      entity.mentions.push({ start: mention.start, end: mention.end })
    }
    return entity
  }

  /** Whether some entity already claims these offsets. */
  has(mention: Span): boolean {
    return this.taken.has(`${mention.start}:${mention.end}`)
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
