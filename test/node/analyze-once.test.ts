import { beforeEach, describe, expect, it, vi } from 'vitest'
import { analyzeArticle } from '../../src/analysis/analyze'
import * as sentences from '../../src/text/sentences'

// The real splitter, observed: every module that imports it gets this wrapper, so
// an engine that split the text again on its own would show up in the count.
vi.mock('../../src/text/sentences', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/text/sentences')>()
  return { ...original, splitSentences: vi.fn(original.splitSentences) }
})

const ARTICLE = `KABUL (Reuters) - Two bridges collapsed over the Kabul river on Tuesday, officials said.
Five people were killed and twelve injured, according to the Interior Ministry.
"We are searching the water," said the spokesman, Ahmad Karimi. Engineers arrived from Herat on Wednesday.`

describe('analyzeArticle', () => {
  beforeEach(() => {
    vi.mocked(sentences.splitSentences).mockClear()
  })

  it('splits the article into sentences once for keywords, headline, summary and facts', () => {
    const analysis = analyzeArticle({ text: ARTICLE, date: '2026-03-03' })
    expect(vi.mocked(sentences.splitSentences)).toHaveBeenCalledTimes(1)
    // …and every engine did read it: a title without the dateline, a summary, keywords, facts.
    expect(analysis.title).not.toMatch(/KABUL|Reuters/)
    expect(analysis.summary.sentences.length).toBeGreaterThan(0)
    expect(analysis.keywords.length).toBeGreaterThan(0)
    expect(analysis.facts.dateline).toMatchObject({ place: 'Kabul' })
    expect(analysis.facts.quantities.map((quantity) => quantity.value)).toEqual(expect.arrayContaining([5, 12]))
  })

  it('splits once with a title given, too', () => {
    analyzeArticle({ text: ARTICLE, title: 'Kabul bridges collapse' })
    expect(vi.mocked(sentences.splitSentences)).toHaveBeenCalledTimes(1)
  })
})
