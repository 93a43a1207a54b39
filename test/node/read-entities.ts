import { extractEntities } from '../../src/analysis/facts/entities'
import type { Entity } from '../../src/analysis/facts/types'
import { splitSentences } from '../../src/text/sentences'

/** The entities of `text`, with lookups by name, by the words of a mention, and the words of an entity's mentions. */
export function readEntities(text: string) {
  const entities = extractEntities(text, splitSentences(text))
  const find = (type: Entity['type'], name: string) => entities.find((entity) => entity.type === type && entity.name === name)
  const said = (entity: Entity | undefined) => entity?.mentions.map((mention) => text.slice(mention.start, mention.end))
  const typeOf = (words: string) => entities.find((entity) => entity.mentions.some((mention) => text.slice(mention.start, mention.end) === words))?.type
  return { entities, find, said, typeOf }
}
