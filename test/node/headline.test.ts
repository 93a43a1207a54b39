import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCorpusFile } from '../../src/corpus/parse'
import { generateHeadline } from '../../src/analysis/summary/headline'

const seed = parseCorpusFile('seed/000_7b2b9cd25cf26eb6.txt', readFileSync('corpus/seed/000_7b2b9cd25cf26eb6.txt', 'utf8')).articles[0]!

describe('generateHeadline', () => {
  it('compresses the seed’s lead: short, present tense, China and the Balochistan attacks, no dateline or attribution', () => {
    const headline = generateHeadline(seed.text)
    expect(headline.split(' ').length).toBeLessThanOrEqual(12)
    expect(headline).toMatch(/^China condemns/)
    expect(headline).toMatch(/Balochistan/)
    expect(headline).toMatch(/attacks/)
    expect(headline).not.toMatch(/ISLAMABAD|said|Tuesday|strongly/)
  })

  it('drops a leading time phrase and a trailing attribution', () => {
    expect(generateHeadline('On Tuesday, the army arrested four men near the border, police said.')).toBe('Army arrests four men near border')
  })

  it('makes the verb agree with a plural subject', () => {
    expect(generateHeadline('Rebels launched a new offensive on Monday.')).toBe('Rebels launch new offensive')
    expect(generateHeadline('The senator denied the report on Friday.')).toBe('Senator denies report')
  })

  it('keeps perfect and passive forms as they are', () => {
    expect(generateHeadline('Bangladesh has confirmed five new deaths.')).toBe('Bangladesh has confirmed five new deaths')
  })

  it('stays within twelve words on every corpus lead, and is never empty', () => {
    for (const file of ['corpus/wikinews/Actor_Doris_Day_dies_at_97.md', 'corpus/wikinews/Arrest_made_as_mayor_of_Gdansk-_Poland_stabbed_on_stage.md']) {
      const article = parseCorpusFile(file.replace('corpus/', ''), readFileSync(file, 'utf8')).articles[0]!
      const headline = generateHeadline(article.text)
      expect(headline.length).toBeGreaterThan(0)
      expect(headline.split(' ').length).toBeLessThanOrEqual(12)
    }
  })

  it('on any text gives at most twelve words', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(generateHeadline(text).split(/\s+/).length).toBeLessThanOrEqual(12)
      }),
      { numRuns: 300 },
    )
  })
})
