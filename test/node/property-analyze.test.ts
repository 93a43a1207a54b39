import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeArticle, type Analysis } from '../../src/analysis/analyze'
import { ADVERSARIAL_TEXTS, HOSTILE_UNITS } from '../../scripts/lib/adversarial-text'

/**
 * Hostile text must never make analysis throw or hang (the test timeout is the
 * hang guard; how time grows with size is measured by `npm run bench:linear`,
 * never asserted here). Every span it returns must point inside the text.
 */
function expectSound(text: string, analysis: Analysis) {
  const spans: Array<{ start: number; end: number }> = [
    ...analysis.summary.sentences,
    ...analysis.facts.quotes,
    ...analysis.facts.quantities,
    ...analysis.facts.dates,
    ...analysis.facts.statements,
    ...analysis.facts.entities.flatMap((entity) => entity.mentions),
  ]
  for (const { start, end } of spans) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true)
    expect(0 <= start && start <= end && end <= text.length).toBe(true)
  }
  for (const quote of analysis.facts.quotes) expect(quote.text).toBe(text.slice(quote.start, quote.end))
  expect(typeof analysis.title).toBe('string')
  expect(() => JSON.stringify(analysis)).not.toThrow()
}

const SIZE = 200_000

describe('analyzeArticle on hostile text', () => {
  it.each(Object.keys(ADVERSARIAL_TEXTS))('terminates without throwing on 200 KB of %s', (kind) => {
    const text = ADVERSARIAL_TEXTS[kind]!(SIZE)
    expectSound(text, analyzeArticle({ text, date: '2024-01-02' }))
  })

  it('terminates without throwing on random mixes of hostile pieces', () => {
    const hostileText = fc.array(fc.constantFrom(...HOSTILE_UNITS), { minLength: 1, maxLength: 3000 }).map((units) => units.join(''))
    fc.assert(
      fc.property(hostileText, fc.option(fc.constantFrom('2024-01-02', '1999-12-31')), (text, date) => {
        expectSound(text, analyzeArticle({ text, ...(date ? { date } : {}), summarySentences: 3 }))
      }),
      { numRuns: 40 },
    )
  })

  it('terminates without throwing on long runs of random hostile pieces up to 200 KB', () => {
    const run = fc.tuple(fc.constantFrom(...HOSTILE_UNITS), fc.integer({ min: 1, max: 20_000 })).map(([unit, times]) => unit.repeat(times))
    const text = fc.array(run, { minLength: 1, maxLength: 12 }).map((runs) => runs.join('').slice(0, SIZE))
    fc.assert(
      fc.property(text, (body) => {
        expectSound(body, analyzeArticle({ text: body, date: '2024-01-02' }))
      }),
      { numRuns: 4 },
    )
  })

  it('terminates without throwing on arbitrary strings, invalid UTF-16 included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 500 }), (binary, graphemes) => {
        const text = `${binary} ${graphemes}`
        expectSound(text, analyzeArticle({ text }))
      }),
      { numRuns: 60 },
    )
  })
})
