import type { Entity, EntityType } from './types'

export type EntityMention = { start: number; end: number; entity: Entity }

/** Every mention of every entity, sorted by position, to ask which entities a stretch of text names. */
export class MentionIndex {
  private readonly mentions: EntityMention[]

  constructor(entities: readonly Entity[]) {
    this.mentions = entities
      .flatMap((entity) => entity.mentions.map(({ start, end }) => ({ start, end, entity })))
      .sort((a, b) => a.start - b.start || b.end - a.end)
  }

  /** Mentions lying wholly inside [from, to), in text order, optionally of some types only. */
  within(from: number, to: number, types?: readonly EntityType[]): EntityMention[] {
    const found: EntityMention[] = []
    for (let i = this.firstAtOrAfter(from); i < this.mentions.length; i++) {
      const mention = this.mentions[i]!
      if (mention.start >= to) break
      if (mention.end <= to && (!types || types.includes(mention.entity.type))) found.push(mention)
    }
    return found
  }

  private firstAtOrAfter(offset: number): number {
    let low = 0
    let high = this.mentions.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.mentions[middle]!.start < offset) low = middle + 1
      else high = middle
    }
    return low
  }
}
