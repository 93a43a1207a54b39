import { describe, expect, it } from 'vitest'
import { hasPersonEvidence } from '../../src/analysis/facts/ner/person-evidence'
import { tokenize } from '../../src/analysis/facts/ner/tokens'
import { splitSentences } from '../../src/text/sentences'

// The surname used for a person elsewhere in the text ("Mr Varga", "Varga said"), looked for only where the
// surname occurs: every occurrence counts, not only the first, and only whole words do. Invented sentences.

/** Whether the harbour-worker run at the start of `text` has evidence of being a person. */
function evidence(text: string): boolean {
  const name = 'Harbour Varga'
  const sentence = tokenize(text, splitSentences(text))[0]!
  const to = sentence.findIndex((token) => token.end === name.length) + 1
  return hasPersonEvidence(text, sentence, sentence.slice(0, to), to)
}

describe('a surname used for a person elsewhere in the text', () => {
  it('counts a courtesy title or a speech verb at any occurrence of the surname', () => {
    expect(evidence('Harbour Varga opened the gates. The Vargas quay was busy. Later Mr. Varga came back.')).toBe(true)
    expect(evidence('Harbour Varga opened the gates. Varga Street was closed. Varga told the crowd to wait.')).toBe(true)
    expect(evidence('Harbour Varga opened the gates.\n\nDr\nVarga left.')).toBe(true)
  })

  it('does not count the surname inside a longer word, nor a verb that is not next to it', () => {
    expect(evidence('Harbour Varga opened the gates. Mr Vargason came back. The Vargas said nothing.')).toBe(false)
    expect(evidence('Harbour Varga opened the gates. Varga Street said nothing. AVarga said it.')).toBe(false)
    expect(evidence('Harbour Varga opened the gates. The harbour was busy.')).toBe(false)
  })
})
