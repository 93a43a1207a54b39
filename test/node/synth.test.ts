import { describe, expect, it } from 'vitest'
import { buildModel, fitHeaps, inventedWord, mandelbrotOffset, synthesise, vocabularyCurve, zipfSampler } from '../../scripts/lib/synth'
import { createProgress, formatDuration } from '../../scripts/lib/progress'
import { random } from '../../scripts/lib/random'

const TEMPLATES = [
  { id: 'a', text: 'Maria Lopez said the storm destroyed forty homes in Tulsa. Lopez added that rescue teams arrived on Monday.' },
  { id: 'b', text: 'The council approved the budget after a long debate. Critics said the budget ignores schools and roads.' },
]
const ENTITIES: Record<string, { name: string; type: 'person' | 'place' }[]> = {
  a: [
    { name: 'Maria Lopez', type: 'person' },
    { name: 'Tulsa', type: 'place' },
  ],
  b: [],
}
const NAMES = { firstNames: ['Ada', 'Bo'], surnames: ['Quill', 'Rook'], places: ['Oslo', 'Lima'] }

describe('corpus:synth model', () => {
  it('fits Heaps law exactly on a curve that follows it', () => {
    const curve = [1e3, 1e4, 1e5].map((tokens) => ({ tokens, vocabulary: 5 * tokens ** 0.6 }))
    const { K, beta } = fitHeaps(curve)
    expect(beta).toBeCloseTo(0.6, 6)
    expect(K).toBeCloseTo(5, 4)
  })

  it('draws rank 1 with the share the Mandelbrot offset was chosen for', () => {
    const s = 1.6
    const q = mandelbrotOffset(s, 0.02)
    const draw = zipfSampler(s, q, random(7))
    const draws = Array.from({ length: 200_000 }, draw)
    expect(draws.filter((rank) => rank === 1).length / draws.length).toBeGreaterThan(0.015)
    expect(draws.filter((rank) => rank === 1).length / draws.length).toBeLessThan(0.025)
    expect(draws.every((rank) => Number.isInteger(rank) && rank >= 1)).toBe(true)
  })

  it('invents a different word for every rank past the real vocabulary', () => {
    const words = new Set(Array.from({ length: 50_000 }, (_, rank) => inventedWord(rank + 1)))
    expect(words.size).toBe(50_000)
  })

  it('keeps function words, replaces a person consistently (full name and surname alone) and is deterministic', () => {
    const fitted = buildModel(TEMPLATES, (article) => ENTITIES[article.id]!, NAMES)
    const model = { ...fitted, fit: { ...fitted.fit, zipf: 1.6, headShare: 0.02 } }
    const first = [...synthesise(model, 20, 3)]
    expect([...synthesise(model, 20, 3)]).toEqual(first)
    const fromA = first.filter((article) => / in \S+\. \S+ \S+ that /.test(article.text))
    expect(fromA.length).toBeGreaterThan(0)
    for (const article of fromA) {
      const [, firstName, surname] = /^(\S+) (\S+) \S+ the /.exec(article.text)!
      expect(NAMES.firstNames).toContain(firstName)
      expect(NAMES.surnames).toContain(surname)
      expect(article.text).toMatch(new RegExp(`\\. ${surname} \\S+ that `))
      expect(NAMES.places.some((place) => article.text.includes(` in ${place}.`))).toBe(true)
    }
    expect(first.every((article) => !article.text.includes('Lopez') && !article.text.includes('Tulsa'))).toBe(true)
    expect(first.map((article) => article.id)).toEqual(Array.from({ length: 20 }, (_, n) => `synthetic/3/${n}`))
  })

  it('keeps growing its vocabulary where shuffled real text would stop', () => {
    // Two sentences are too few to fit a law on: the exponent and head share of a real corpus's size are given.
    const fitted = buildModel(TEMPLATES, (article) => ENTITIES[article.id]!, NAMES)
    const model = { ...fitted, fit: { ...fitted.fit, zipf: 1.6, headShare: 0.02 } }
    const curve = vocabularyCurve([...synthesise(model, 3000, 1)].map((article) => article.text))
    const real = vocabularyCurve(TEMPLATES.map((article) => article.text)).at(-1)!
    expect(curve.at(-1)!.vocabulary).toBeGreaterThan(10 * real.vocabulary)
  })
})

describe('progress', () => {
  it('prints the rate and the time left, at most once per interval, and the total at the end', () => {
    const lines: string[] = []
    let clock = 0
    const progress = createProgress('analysed', 1000, { everyMs: 1000, now: () => clock, log: (line) => lines.push(line) })
    clock = 500
    progress(100)
    clock = 2000
    progress(400)
    clock = 5000
    progress(1000)
    expect(lines).toEqual(['  analysed 400/1000 (40%), 200/s, 3.0 s left', '  analysed 1000/1000 (100%), 200/s, done in 5.0 s'])
  })

  it('says a duration in whole units, never 60 of the smaller one', () => {
    expect([9.94, 9.96, 59.6, 419.6, 3599.7, 3725].map(formatDuration)).toEqual(['9.9 s', '10 s', '1 min 0 s', '7 min 0 s', '1 h 0 min', '1 h 2 min'])
  })
})
