import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput } from '../../src/corpus/article'
import { spacedWords } from '../../src/analysis/summary/boilerplate'
import { needsPredecessor } from '../../src/analysis/summary/coherence'
import { summarize } from '../../src/analysis/summary/summarize'
import { contentTerms, countTerms, documentWords, normalizeTerm, unitTermCounts } from '../../src/analysis/summary/terms'
import { PROSE_WORD } from '../../src/text/tokens'
import { sentenceUnits } from '../../src/analysis/summary/units'
import { readDocument } from '../../src/text/document'
import { cosine } from '../../src/analysis/summary/similarity'
import { splitSentences } from '../../src/text/sentences'
import { readCorpus } from '../../scripts/lib/read-corpus'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'
let corpus: ArticleInput[]
let seed: ArticleInput

beforeAll(() => {
  corpus = readCorpus('corpus').articles
  seed = corpus.find((article) => article.id === SEED_ID)!
})

describe('summarize on the corpus', () => {
  it.each([1, 3, 5])('gives %i whole sentences in article order, offsets slicing the text, no near-duplicates', (count) => {
    for (const article of corpus) {
      const { sentences, text } = summarize(article.text, count, article.title ? { title: article.title } : {})
      const spans = splitSentences(article.text)
      expect(sentences.length).toBeLessThanOrEqual(count)
      expect(sentences.length).toBeGreaterThanOrEqual(Math.min(count, 1))
      for (const [i, sentence] of sentences.entries()) {
        expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
        // Whole sentences of the splitter (several when one quotation spans them), quotes closed; only a dateline or an
        // interview speaker mark ("((Anthony Boccaletti))") may be left off the front.
        expect(spans.some((span) => span.end === sentence.end)).toBe(true)
        const opening = spans.find((span) => span.start <= sentence.start && sentence.start < span.end)!
        expect(article.text.slice(opening.start, sentence.start)).toMatch(/^(?:\(\([^()]*\)\)\s*:?\s*|[\p{Lu} .,'’-]+(?::|—|–|\s-)\s*)?$/u)
        expect((sentence.text.match(/“/g) ?? []).length).toBe((sentence.text.match(/”/g) ?? []).length)
        expect((sentence.text.match(/"/g) ?? []).length % 2).toBe(0)
        if (i > 0) expect(sentence.start).toBeGreaterThan(sentences[i - 1]!.end - 1)
        for (const other of sentences.slice(0, i)) {
          expect(cosine(countTerms(contentTerms(sentence.text)), countTerms(contentTerms(other.text)))).toBeLessThan(0.9)
        }
      }
      expect(text).toBe(sentences.map((sentence) => sentence.text).join(' '))
    }
  })

  it('never takes a sentence that points back ("He added…") without the sentence before it', () => {
    let dependentKept = 0
    for (const article of corpus) {
      const spans = splitSentences(article.text)
      const { sentences } = summarize(article.text, 4, article.title ? { title: article.title } : {})
      for (const sentence of sentences) {
        const index = spans.findIndex((span) => span.end > sentence.start)
        if (index <= 0 || !needsPredecessor(sentence.text)) continue
        dependentKept++
        expect(sentences.some((other) => other.end === spans[index - 1]!.end)).toBe(true)
      }
    }
    // The rule is exercised: some dependent sentences do make it in, with their predecessors.
    expect(dependentKept).toBeGreaterThan(0)
  })

  it('is not the lead: on some articles it picks a sentence from beyond the first three', () => {
    const beyondLead = corpus.filter((article) => {
      const lead = splitSentences(article.text).slice(0, 3)
      return summarize(article.text, 3, article.title ? { title: article.title } : {}).sentences.some((s) => !lead.some((span) => span.end === s.end))
    })
    expect(beyondLead.length).toBeGreaterThan(corpus.length / 10)
  })

  it('summarises the seed around Balochistan and the condemnation, without the dateline', () => {
    const { sentences, text } = summarize(seed.text, 3)
    expect(sentences).toHaveLength(3)
    expect(text).toMatch(/Balochistan/)
    expect(text).toMatch(/condemn/)
    expect(sentences[0]!.text.startsWith('China strongly condemned')).toBe(true)
  })

  it.each([
    ['ISLAMABAD: ', 'Floods hit the north of the country on Monday.'],
    ['LONDON, May 3 — ', 'Floods hit the north of the country on Monday.'],
    ['KABUL (Reuters) - ', 'Floods hit the north of the country on Monday.'],
    ['', 'US officials said floods hit the north of the country on Monday.'],
  ])('starts the first sentence after a dateline %j', (dateline, sentence) => {
    const text = `${dateline}${sentence} Rescue teams reached the villages in the north.`
    expect(summarize(text, 1).sentences[0]).toEqual({ text: sentence, start: dateline.length, end: dateline.length + sentence.length })
  })

  it('leaves out boilerplate and headings', () => {
    const text =
      'Rebels seized the northern town of Kador on Monday after two days of fighting, officials said.\n\nSources\n\nHave an opinion on this story? Share it.\n\nSources said the army would retake the town of Kador within days.'
    const { sentences } = summarize(text, 3)
    expect(sentences.map((s) => s.text)).toEqual([
      'Rebels seized the northern town of Kador on Monday after two days of fighting, officials said.',
      'Sources said the army would retake the town of Kador within days.',
    ])
  })

  it('keeps a quotation of several sentences whole, as one summary sentence', () => {
    const text =
      'Police seized a bag of fentanyl in the park, stating "This is a public health emergency. Parents must be careful in parks." The bag was found by a child on Sunday morning.\n\nThe city will close the playground for cleaning this week.'
    const texts = summarize(text, 3).sentences.map((s) => s.text)
    expect(texts).toContain('Police seized a bag of fentanyl in the park, stating "This is a public health emergency. Parents must be careful in parks."')
    expect(texts).toHaveLength(3)
  })

  it('gives every sentence when asked for more than there are, and nothing for an empty text', () => {
    expect(summarize('One sentence here about the dam.', 5).sentences).toHaveLength(1)
    expect(summarize('', 3)).toEqual({ sentences: [], text: '' })
  })
})

describe('summarize on arbitrary text', () => {
  it('always answers whole, ordered, in-bounds passages of the text', () => {
    const word = fc.constantFrom(
      'The',
      'he',
      'said',
      'Balochistan',
      '“quoted',
      'words.”',
      '"',
      'ISLAMABAD:',
      'Mr.',
      'U.S.',
      '?',
      '!',
      '\n\n',
      '\n',
      'attack',
      '92',
      'However,',
      'it.',
    )
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.array(word, { maxLength: 120 }).map((words) => words.join(' ')),
    )
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 10 }), (input, count) => {
        const { sentences } = summarize(input, count)
        expect(sentences.length).toBeLessThanOrEqual(count)
        sentences.forEach((sentence, i) => {
          expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text)
          expect(sentence.text.trim()).toBe(sentence.text)
          if (i > 0) expect(sentence.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end)
        })
      }),
      { numRuns: 300 },
    )
  })
})

describe('needsPredecessor', () => {
  it.each([
    ['He added that the talks would resume.', true],
    ['However, the vote was delayed.', true],
    ['“We will not stop,” the minister said.', false],
    ['“We will not stop until it is done.”', true],
    ['This week the council voted again.', false],
    ['The council voted again.', false],
  ])('%s -> %s', (sentence, expected) => {
    expect(needsPredecessor(sentence)).toBe(expected)
  })
})

describe("a document's words, cut once for the keywords and the summary", () => {
  it('cuts each sentence into prose words with their terms and offsets, once per document read', () => {
    const document = readDocument("Balochistan's police arrested two men. The Balochistan-based group denied it.")
    const words = documentWords(document)
    expect(documentWords(document)).toBe(words)
    expect(words.words).toEqual(["Balochistan's", 'police', 'arrested', 'two', 'men', 'The', 'Balochistan-based', 'group', 'denied', 'it'])
    expect(words.terms.slice(0, 3)).toEqual(['balochistan', 'police', 'arrested'])
    expect(words.sentenceWords).toEqual([0, 5, 10])
    words.words.forEach((word, k) => expect(document.text.slice(words.starts[k], words.ends[k])).toBe(word))
  })

  it("takes the prose words out of the quantity reader's cut as PROSE_WORD cuts the sentence itself", () => {
    // Words of that cut that hold several prose words, a shorter one or none: numbers with separators, joiners at the
    // end or doubled, letters outside ASCII and combining marks, a lone mark.
    const text = "Officers' pay rose 1,200 or 3.5% in Zürich-based firms -- rock--solid, said O’Neill's co-worker. Cafe\u0301 ' - x-.\nNext."
    const document = readDocument(text)
    const words = documentWords(document)
    const own = document.sentences.flatMap((sentence) => [...text.slice(sentence.start, sentence.end).matchAll(PROSE_WORD)].map(([word]) => word))
    expect(words.words).toEqual(own)
    expect(words.words).toContain('Officers')
    expect(words.words).toContain('1')
    expect(words.words).toContain('200')
    expect(words.terms).toEqual(own.map(normalizeTerm))
    words.words.forEach((word, k) => expect(text.slice(words.starts[k], words.ends[k])).toBe(word))
  })

  // The counts a unit gets from the shared words must be the ones its own text gives; where they could not be, none.
  const unitCountsAgree = (text: string) => {
    const document = readDocument(text)
    let shared = 0
    for (const unit of sentenceUnits(document)) {
      const counts = unitTermCounts(document, unit)
      if (counts === undefined) continue
      shared++
      expect([...counts]).toEqual([...countTerms(contentTerms(text.slice(unit.start, unit.end)))])
    }
    return shared
  }

  it('gives every unit of every corpus article the term counts of its own text', () => {
    for (const article of corpus) expect(unitCountsAgree(article.text)).toBe(sentenceUnits(readDocument(article.text)).length)
  })

  it('gives a unit of arbitrary text its own term counts, or none (where sentences abut or a unit opens inside a word)', () => {
    const piece = fc.constantFrom(
      'The',
      'men',
      "team's",
      'x',
      '-',
      "'",
      '’',
      'Quetta-based',
      '.',
      '?',
      '"',
      '“',
      '”',
      ' ',
      ' ',
      '\n\n',
      'ISLAMABAD:',
      '((WN))',
      'Mr.',
      '92',
      'é',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        unitCountsAgree(pieces.join(''))
      }),
      { numRuns: 500 },
    )
  })
})

describe('spacedWords', () => {
  it('counts the pieces split(/\\s+/) gives, every kind of white space included, without splitting', () => {
    const character = fc.constantFrom('a', 'é', '.', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085')
    fc.assert(fc.property(fc.string({ unit: character, maxLength: 30 }), (sentence) => spacedWords(sentence) === sentence.split(/\s+/).length))
  })
})
