import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const SEED = 'seed/000_7b2b9cd25cf26eb6'

type Summary = { sentences: Array<{ text: string; start: number; end: number }>; text: string }
type Article = { id: string; title: string; titleGenerated: boolean; text: string; summary: Summary; keywords: Array<{ text: string; score: number }> }

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await exports.default.fetch(`http://x${path}`, init)
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

describe('summaries, headlines and keywords through the API', () => {
  it('serves the seed with a generated headline, its summary and keywords', async () => {
    const article = await json<Article>(`/api/articles/${SEED}`)
    expect(article.titleGenerated).toBe(true)
    expect(article.title).toMatch(/China/)
    expect(article.title).toMatch(/Balochistan/)
    expect(article.summary.sentences).toHaveLength(3)
    expect(article.summary.text).toMatch(/condemn/)
    for (const sentence of article.summary.sentences) expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    expect(article.keywords.map((keyword) => keyword.text)).toContain('Balochistan')
  })

  it.each([1, 5, 8])('gives %i sentences in order on /summary?sentences=N, offsets into the article text', async (count) => {
    const { text } = await json<Article>(`/api/articles/${SEED}`)
    const summary = await json<Summary & { id: string }>(`/api/articles/${encodeURIComponent(SEED)}/summary?sentences=${count}`)
    expect(summary.id).toBe(SEED)
    expect(summary.sentences).toHaveLength(count)
    summary.sentences.forEach((sentence, i) => {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
      if (i > 0) expect(sentence.start).toBeGreaterThanOrEqual(summary.sentences[i - 1]!.end)
    })
  })

  it('summarises posted text at the edge, with a headline when no title is given', async () => {
    const text =
      'KABUL: Floods destroyed hundreds of homes in northern Afghanistan on Friday, officials said.\n\nRescue teams reached the flooded villages of Baghlan on Saturday. The floods killed at least 50 people in Baghlan, the provincial governor said.\n\nAid agencies said more rain was expected in the north next week.'
    const body = await json<{ title: string; summary: Summary; keywords: Article['keywords'] }>('/api/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, summary: { sentences: 2 } }),
    })
    expect(body.title).toMatch(/^Floods destroy hundreds of homes in northern Afghanistan/)
    expect(body.summary.sentences).toHaveLength(2)
    for (const sentence of body.summary.sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    expect(body.summary.sentences[0]!.text.startsWith('Floods destroyed')).toBe(true)
    expect(body.keywords.map((keyword) => keyword.text)).toContain('Baghlan')
  })
})
