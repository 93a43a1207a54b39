import { splitSentences } from '../../src/text/sentences'
import type { Entity, EntityType } from '../../src/analysis/facts/types'
import type { Span } from '../../src/text/span'

/** Entities for a test text: each name with every place the text spells it (and its short forms), as the entity extractor reports them. */
export function entitiesIn(text: string, specs: Array<[name: string, type: EntityType, ...forms: string[]]>): Entity[] {
  return specs.map(([name, type, ...forms]) => {
    const mentions: Span[] = []
    for (const form of [name, ...forms]) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
        const overlaps = mentions.some((mention) => at < mention.end && at + form.length > mention.start)
        if (!overlaps) mentions.push({ start: at, end: at + form.length })
      }
    }
    return { name, type, mentions: mentions.sort((a, b) => a.start - b.start) }
  })
}

export function sentencesOf(text: string): Span[] {
  return splitSentences(text)
}
