import { describe, expect, it } from 'vitest'
import { SPEECH_VERBS, speechVerbWord } from '../../src/analysis/facts/speech-verbs'

// The lookahead form of the speech verbs must match exactly what the plain alternation followed by \b matches, in the
// places the quote rules put it: after optional repetitions, alone, and before more of the pattern.
const verbs = [...new Set(SPEECH_VERBS.split('|').map((verb) => verb.replace(/\\s\+/g, ' ')))]
const shapes = [
  (verb: string) => `^\\s*(?:,[^,;]{1,80},)?\\s*(?:,?\\s*who\\s+)?(?:\\p{Ll}+ly\\s+|also\\s+|has\\s+|had\\s+)?${verb}`,
  (verb: string) => `^[\\s,.;:!?—–-]*(?:(?:\\p{Ll}+ly\\s+)?${verb})?[\\s,.;:!?—–-]*$`,
  (verb: string) => `^[\\s,.!?—–-]*(?:(?:an?|one|another)\\s+(?:[\\p{L}’'-]+\\s+){0,3}${verb}|x)`,
  (verb: string) => `\\b${verb}`,
]
// Each verb as a word, as the start of a longer word, after a prefix, with an adverb or a relative pronoun before it.
const sentences = verbs.flatMap((verb) => [
  verb,
  `${verb}s`,
  `${verb}ing that`,
  `un${verb}`,
  ` ${verb}.`,
  `, ${verb}, `,
  `, who ${verb} on Monday`,
  `, the minister of roads, also ${verb} that`,
  ` quietly ${verb}`,
  `a council official ${verb}`,
  `one of the old witnesses ${verb} it`,
  `${verb.slice(0, -1)}`,
])

describe('the speech verbs as one whole word', () => {
  it.each(shapes.map((shape, i) => [i, shape] as const))('matches as the plain alternation does, shape %i', (_, shape) => {
    const plain = new RegExp(shape(`(?:${SPEECH_VERBS})\\b`), 'u')
    const lookahead = new RegExp(shape(speechVerbWord('verb')), 'u')
    const differing = sentences.filter((sentence) => plain.exec(sentence)?.[0] !== lookahead.exec(sentence)?.[0])
    expect(differing).toEqual([])
    expect(sentences.filter((sentence) => plain.test(sentence)).length).toBeGreaterThanOrEqual(verbs.length)
  })

  it('takes the whole word, not a shorter verb it starts with', () => {
    const pattern = new RegExp(`^${speechVerbWord('verb')}`, 'u')
    expect(pattern.exec('says so')?.[0]).toBe('says')
    expect(pattern.exec('saying so')?.[0]).toBe('saying')
    expect(pattern.exec('sayonara')).toBeNull()
    expect(pattern.exec('pointed out')?.[0]).toBe('pointed out')
  })
})
