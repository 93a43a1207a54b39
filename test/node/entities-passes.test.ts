import { describe, expect, it } from 'vitest'
import { readDatelinePlace } from '../../src/analysis/facts/ner/passes/dateline'
import { readStrongEvidence } from '../../src/analysis/facts/ner/passes/strong-evidence'
import { readVocabulary } from '../../src/analysis/facts/ner/passes/vocabulary'
import { readWeakEvidence } from '../../src/analysis/facts/ner/passes/weak-evidence'
import { startReading, type Reading } from '../../src/analysis/facts/ner/reading'
import { tokenize } from '../../src/analysis/facts/ner/tokens'
import { findDateline } from '../../src/analysis/facts/dateline'
import { splitSentences } from '../../src/text/sentences'

// The entity reader's passes one at a time, on invented sentences: what each adds to the shared reading.

function reading(text: string): Reading {
  return startReading(text, tokenize(text, splitSentences(text)), findDateline(text))
}

const mentionsOf = (state: Reading, type: 'person' | 'place' | 'organization' | 'country', name: string) =>
  [...(state.book.find(type, name)?.mentions ?? [])].sort((a, b) => a.start - b.start).map((mention) => state.text.slice(mention.start, mention.end))

describe('entity reader passes', () => {
  it('the vocabulary pass gathers candidates, lower-case words and sentences in capitals, and decides nothing', () => {
    const state = reading('TALKS END IN DEADLOCK\n\nThe union and Harbour Board met. Talks with the board ended.')
    readVocabulary(state)
    expect(state.candidates.map(({ candidate }) => state.text.slice(candidate.tokens[0]!.start, candidate.tokens.at(-1)!.end))).toEqual(['Harbour Board'])
    expect(state.lowerWords.has('board')).toBe(true)
    expect(state.shouting.size).toBe(1)
    expect(state.book.all()).toEqual([])
  })

  it('the strong pass reads a full name; a surname said before it waits for the weak pass', () => {
    const state = reading('Farrant told reporters the plan would stand. Union leader Sana Farrant had proposed it in May.')
    readVocabulary(state)
    readDatelinePlace(state)
    readStrongEvidence(state)
    expect(mentionsOf(state, 'person', 'Sana Farrant')).toEqual(['Sana Farrant'])
    readWeakEvidence(state)
    expect(mentionsOf(state, 'person', 'Sana Farrant')).toEqual(['Farrant', 'Sana Farrant'])
  })
})
