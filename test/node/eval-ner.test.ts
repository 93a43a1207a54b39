import { describe, expect, it } from 'vitest'
import { errorClasses, predictEntities, evaluateConll, formatScores } from '../../scripts/eval-ner'
import { detokenize, DOCUMENT_START, parseConll, score, taggedEntities } from '../../scripts/lib/conll'

// Two hand-written documents in CoNLL-2003's format (invented sentences, nothing of the evaluation data).
const content = `${DOCUMENT_START} -X- -X- O

BERLIN NNP B-NP B-LOC
2024-05-02 CD I-NP O

German JJ B-NP B-MISC
Chancellor NNP I-NP O
Angela NNP I-NP B-PER
Merkel NNP I-NP I-PER
met VBD B-VP O
officials NNS B-NP O
of IN B-PP O
the DT B-NP O
European NNP I-NP B-ORG
Union NNP I-NP I-ORG
in IN B-PP O
Paris NNP B-NP B-LOC
on IN B-PP O
Tuesday NNP B-NP O
. . O O

Merkel NNP B-NP B-PER
said VBD B-VP O
France NNP B-NP B-LOC
and CC O O
Germany NNP B-NP B-LOC
agreed VBD B-VP O
. . O O

${DOCUMENT_START} -X- -X- O

Shares NNS B-NP O
of IN B-PP O
Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
rose VBD B-VP O
3.5 CD B-NP O
percent NN I-NP O
, , O O
the DT B-NP O
company NN I-NP O
's POS B-NP O
chief NN I-NP O
John NNP I-NP B-PER
Smith NNP I-NP I-PER
told VBD B-VP O
" " O O
Reuters NNP B-NP B-ORG
" " O O
in IN B-PP O
London NNP B-NP B-LOC
. . O O
`
const documents = parseConll(content)

describe('CoNLL reading', () => {
  it('reads documents, sentences, tokens and tags', () => {
    expect(documents).toHaveLength(2)
    expect(documents[0]!.sentences.map((sentence) => sentence.tokens.length)).toEqual([2, 15, 7])
    expect(documents[1]!.sentences[0]!.tags.filter((tag) => tag !== 'O')).toEqual(['B-ORG', 'I-ORG', 'B-PER', 'I-PER', 'B-ORG', 'B-LOC'])
  })

  it('detokenizes into running text with each token at its offsets', () => {
    const { text, tokens } = detokenize(documents[1]!)
    expect(text).toBe('Shares of Acme Corp rose 3.5 percent, the company\'s chief John Smith told "Reuters" in London.')
    const words = documents[1]!.sentences.flatMap((sentence) => sentence.tokens)
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(words)
  })

  it('turns IOB tags into entity spans', () => {
    expect(taggedEntities(documents[0]!)).toEqual([
      { sentence: 0, from: 0, to: 1, label: 'LOC' },
      { sentence: 1, from: 0, to: 1, label: 'MISC' },
      { sentence: 1, from: 2, to: 4, label: 'PER' },
      { sentence: 1, from: 8, to: 10, label: 'ORG' },
      { sentence: 1, from: 11, to: 12, label: 'LOC' },
      { sentence: 2, from: 0, to: 1, label: 'PER' },
      { sentence: 2, from: 2, to: 3, label: 'LOC' },
      { sentence: 2, from: 4, to: 5, label: 'LOC' },
    ])
  })
})

describe('NER scoring', () => {
  it('scores exact matches per label and micro, ignoring MISC', () => {
    const gold = [
      { sentence: 0, from: 0, to: 2, label: 'PER' as const },
      { sentence: 0, from: 3, to: 4, label: 'LOC' as const },
      { sentence: 0, from: 5, to: 6, label: 'MISC' as const },
    ]
    const predicted = [
      { sentence: 0, from: 0, to: 2, label: 'PER' as const },
      { sentence: 0, from: 3, to: 4, label: 'ORG' as const },
      { sentence: 0, from: 5, to: 6, label: 'MISC' as const },
    ]
    const scores = score([{ gold, predicted }])
    expect(scores.PER).toMatchObject({ precision: 1, recall: 1, f1: 1 })
    expect(scores.ORG).toMatchObject({ truePositives: 0, predicted: 1, gold: 0 })
    expect(scores.LOC).toMatchObject({ truePositives: 0, predicted: 0, gold: 1 })
    expect(scores.micro).toMatchObject({ truePositives: 1, predicted: 2, gold: 2, precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it("maps the extractor's entities onto tokens: people, organisations, places and countries, not demonyms", () => {
    const found = predictEntities(documents[0]!)
    const words = (entity: { sentence: number; from: number; to: number; label: string }) =>
      `${entity.label} ${documents[0]!.sentences[entity.sentence]!.tokens.slice(entity.from, entity.to).join(' ')}`
    const labelled = found.map(words)
    expect(labelled).toEqual(
      expect.arrayContaining(['LOC BERLIN', 'PER Angela Merkel', 'ORG European Union', 'LOC Paris', 'PER Merkel', 'LOC France', 'LOC Germany']),
    )
    expect(labelled).not.toContain('LOC German')
  })

  it('gives no entity for a name inside a token ("Lyon-based"): CoNLL cannot tag part of a token', () => {
    const document = {
      sentences: [{ tokens: ['The', 'Lyon-based', 'firm', 'hired', 'staff', 'in', 'Lyon', '.'], tags: ['O', 'B-MISC', 'O', 'O', 'O', 'O', 'B-LOC', 'O'] }],
    }
    expect(predictEntities(document)).toEqual([{ sentence: 0, from: 6, to: 7, label: 'LOC' }])
  })

  it('leaves out the full stop CoNLL splits off an abbreviation that ends the sentence ("Co .")', () => {
    const document = {
      sentences: [{ tokens: ['Shares', 'rose', 'at', 'Acme', 'Widgets', '&', 'Co', '.'], tags: ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O'] }],
    }
    expect(predictEntities(document)).toEqual([{ sentence: 0, from: 3, to: 7, label: 'ORG' }])
  })

  it('prints precision, recall and F1 for the tiny file', () => {
    const table = formatScores(evaluateConll(content))
    expect(table.split('\n')).toHaveLength(5)
    expect(table).toMatch(/^micro\s+[01]\.\d{3}\s+[01]\.\d{3}\s+[01]\.\d{3}\s+11\s+\d+$/m)
  })

  it('files every error under one class: what it was read as, the kind of document and the shape of the name', () => {
    // "Oslo" tagged as a club, "Lindqvist" a surname with no cue: one miss read as a place, one read as nothing.
    const document = {
      sentences: [
        {
          tokens: ['Kestrel', 'Widgets', 'AG', 'rose', ',', 'said', 'Lindqvist', 'in', 'Oslo', '.'],
          tags: ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'B-PER', 'O', 'B-ORG', 'O'],
        },
      ],
    }
    expect(Object.fromEntries(errorClasses([document]))).toEqual({
      'missed PER, read nothing there, other news, one word': ['Lindqvist'],
      'missed ORG, read as LOC, other news, one word': ['Oslo'],
      'added LOC, gold has ORG, other news, one word': ['Oslo'],
    })
  })
})
