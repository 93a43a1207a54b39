import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/corpus/parse-markdown'
import { extractEntities } from '../../src/analysis/facts/entities'
import type { Entity } from '../../src/analysis/facts/types'
import { splitSentences } from '../../src/text/sentences'

function entitiesOf(file: string): { text: string; entities: Entity[] } {
  const parsed = parseMarkdown(readFileSync(`corpus/wikinews/${file}`, 'utf8'))
  if (!parsed.ok) throw new Error(`cannot parse ${file}`)
  const text = parsed.text
  return { text, entities: extractEntities(text, splitSentences(text)) }
}

const find = (entities: Entity[], type: Entity['type'], name: string) => entities.find((entity) => entity.type === type && entity.name === name)

describe('entities of corpus articles', () => {
  it('resolves surnames to the people a Pakistani court story names', () => {
    const { text, entities } = entitiesOf('Brother_of_murdered_Pakistani_social_media_star_sentenced_to_life.md')
    const baloch = find(entities, 'person', 'Qandeel Baloch')!
    expect(baloch.mentions.map((mention) => text.slice(mention.start, mention.end))).toContain('Baloch')
    expect(find(entities, 'person', 'Baloch')).toBeUndefined()
    expect(find(entities, 'place', 'Multan')).toMatchObject({ country: 'Pakistan' })
    expect(find(entities, 'person', 'Mohammed Waseem')).toBeDefined()
  })

  it('ties an acronym to the organisation it abbreviates and places Indian towns', () => {
    const { text, entities } = entitiesOf('200_in_New_Delhi-_India_drink_cow_urine_to_fight_off_COVID-19.md')
    const who = find(entities, 'organization', 'World Health Organization')!
    expect(who.mentions.map((mention) => text.slice(mention.start, mention.end))).toContain('WHO')
    expect(find(entities, 'place', 'New Delhi')).toMatchObject({ country: 'India' })
    expect(find(entities, 'place', 'New Delhi')?.lat).toBeCloseTo(28.6, 0)
    expect(find(entities, 'place', 'Assam')).toMatchObject({ country: 'India' })
  })

  it('gives people the titles before their names, accents kept', () => {
    const { entities } = entitiesOf('Serbian_protesters_try_to_storm_Parliament-_fourth_day_of_protests.md')
    expect(find(entities, 'person', 'Aleksandar Vučić')).toMatchObject({ role: 'President' })
    expect(find(entities, 'place', 'Belgrade')).toMatchObject({ country: 'Serbia' })
  })

  it('names no entity with punctuation inside, and never the same words as two kinds at once', () => {
    const files = [
      'Brother_of_murdered_Pakistani_social_media_star_sentenced_to_life.md',
      'Car_bomb_ramming_attack_kills_dozens_at_military_base_in_Maidan_Wardak-_Afghanistan.md',
    ]
    for (const file of files) {
      const { entities } = entitiesOf(file)
      for (const entity of entities.filter((entity) => entity.type === 'person')) expect(entity.name, entity.name).toMatch(/^[\p{L}\p{M}][\p{L}\p{M}'’ .-]*$/u)
      const spans = entities.flatMap((entity) => entity.mentions.map((mention) => `${mention.start}:${mention.end}`))
      expect(new Set(spans).size).toBe(spans.length)
    }
  })

  it('stays linear on adversarial input', () => {
    const inputs = [
      'Aa '.repeat(70_000),
      `${'Mr. '.repeat(40_000)}Smith`,
      `${'A, '.repeat(60_000)}and B.`,
      'in Foo of Bar al Baz de '.repeat(8_000),
      `${'X'.repeat(200_000)}`,
    ]
    for (const text of inputs) expect(Array.isArray(extractEntities(text, splitSentences(text)))).toBe(true)
  })
})
