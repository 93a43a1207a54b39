import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { fallbackSpeaker, SPEAKER_MARGIN, type SpeakerCandidate } from '../../src/analysis/facts/quote-speakers'
import type { Entity } from '../../src/analysis/facts/types'
import { trainOverOrders, trainRankingPerceptron, type RankingExample } from '../../scripts/lib/ranking-perceptron'
import { TRAINING_SETS, trainedWeights, weightsModule } from '../../scripts/train-quotes'

// The learned speaker ranker behind the rules (issue 17): it speaks only where the rules give no speaker.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker ?? null])

describe('quotes the rules leave without a speaker', () => {
  it('gives a quote after a colon to the person a relative clause before it introduces with a title', () => {
    const text =
      'Two men held the attacker down. One was a retired teacher. Another was tour manager Tomas Berger, 24, who cited only his years of rugby: "I did what anyone would do and tried to stop it."'
    expect(speakers(text)).toEqual([['I did what', 'Tomas Berger']])
  })

  it('gives a quote to the one named after "by" who then speaks in a relative clause', () => {
    const text = 'The bill was drafted by Ana Ruiz who said on the parliament floor, "It follows decades of work from campaigners and activists."'
    expect(speakers(text)).toEqual([['It follows decades', 'Ana Ruiz']])
  })

  it('leaves a title nobody speaks without a speaker', () => {
    expect(speakers('The museum opened an exhibition called "The Long Road Home to the Valley" on Friday.')).toEqual([['The Long Road', null]])
  })

  it('leaves a quote two sentences from the only name without a speaker', () => {
    const text = 'Mayor Ana Ruiz described the damage on Monday. The river rose overnight. "We have never seen water this high in the old town."'
    expect(speakers(text)).toEqual([['We have never', null]])
  })
})

describe('the threshold', () => {
  const person = (name: string): Entity => ({ name, type: 'person', mentions: [] })
  const candidates: SpeakerCandidate[] = [
    { entity: person('Ana Ruiz'), features: ['near'] },
    { entity: person('Tomas Berger'), features: ['far'] },
    { entity: undefined, features: ['none'] },
  ]

  it('takes the best name only when it passes "no speaker" by the margin', () => {
    expect(fallbackSpeaker(candidates, { near: 1 + SPEAKER_MARGIN, far: 1, none: 1 })?.name).toBe('Ana Ruiz')
    expect(fallbackSpeaker(candidates, { near: 0.5 + SPEAKER_MARGIN, far: 1, none: 1 })).toBeUndefined()
  })
})

describe('the trainer', () => {
  // Invented examples: the right candidate always has "verb", a wrong one often "close".
  const examples: RankingExample[] = Array.from({ length: 30 }, (_, i) => ({
    candidates: [['bias', i % 3 ? 'close' : 'far'], ['bias', 'verb', i % 2 ? 'close' : 'far'], ['none']],
    gold: 1,
  }))

  it('learns to rank the right candidate first', () => {
    const weights = Object.fromEntries(trainRankingPerceptron(examples, 5))
    const score = (features: readonly string[]) => features.reduce((sum, feature) => sum + (weights[feature] ?? 0), 0)
    for (const { candidates, gold } of examples) {
      const scores = candidates.map(score)
      expect(scores.indexOf(Math.max(...scores))).toBe(gold)
    }
  })

  it('averages the perceptrons of several example orders', () => {
    expect(trainOverOrders(examples, 5, 1)).toEqual(trainRankingPerceptron(examples, 5, 1))
    const mean = trainOverOrders(examples, 5, 3)
    const each = [1, 2, 3].map((seed) => trainRankingPerceptron(examples, 5, seed))
    for (const [feature, weight] of mean) expect(weight).toBeCloseTo(each.reduce((sum, weights) => sum + (weights.get(feature) ?? 0), 0) / 3, 9)
    expect(mean.get('verb')).toBeGreaterThan(0)
  })

  it('writes the same bytes from the same data', async () => {
    const path = 'src/analysis/facts/quote-speaker-weights.ts'
    const first = await weightsModule(trainRankingPerceptron(examples, 5), path)
    const second = await weightsModule(trainRankingPerceptron([...examples], 5), path)
    expect(second).toBe(first)
    expect(first).toContain('export const QUOTE_SPEAKER_WEIGHTS')
  })

  it('is what the committed weights were written by: the training sets and corpus give the same bytes', async () => {
    const path = 'src/analysis/facts/quote-speaker-weights.ts'
    const { source } = await trainedWeights(
      TRAINING_SETS.map((name) => `test/fixtures/${name}`),
      'corpus',
      path,
    )
    // The model learns from the rules' candidates: after a change to the rules, `npm run train:quotes` writes it anew.
    expect(source).toBe(readFileSync(path, 'utf8'))
  }, 120_000)
})
