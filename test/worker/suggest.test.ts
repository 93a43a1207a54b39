import { describe, expect, it } from 'vitest'
import { get, SEED_ID } from './search-corpus'

type Suggestion = { text: string; kind: string; count: number; id?: string }

const normalize = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []

describe('GET /api/suggest', () => {
  it('completes a prefix with entity names, words and titles that start with it', async () => {
    const { status, body } = await get('/api/suggest?q=Balo&limit=20')
    expect(status).toBe(200)
    expect(body.query).toBe('Balo')
    const suggestions: Suggestion[] = body.suggestions
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.length).toBeLessThanOrEqual(20)
    for (const suggestion of suggestions) expect(words(suggestion.text).some((word) => word.startsWith('balo'))).toBe(true)
    expect(suggestions.map((suggestion) => suggestion.text.toLowerCase())).toContain('balochistan')
    expect(suggestions).toContainEqual(expect.objectContaining({ kind: 'title', id: SEED_ID }))
  })

  it('respects limit and ranks words by how many articles have them', async () => {
    const { body } = await get('/api/suggest?q=pa&limit=5')
    expect(body.suggestions.length).toBe(5)
    const terms = (body.suggestions as Suggestion[]).filter((suggestion) => suggestion.kind === 'term').map((suggestion) => suggestion.count)
    expect(terms).toEqual([...terms].sort((a, b) => b - a))
  })

  it('completes the last word of several, only with words that occur with the others', async () => {
    const { body } = await get('/api/suggest?q=pakistan%20quet')
    expect(body.suggestions.map((suggestion: Suggestion) => suggestion.text)).toContain('pakistan quetta')
    const search = await get('/api/search?q=pakistan%20quetta%20')
    expect(search.body.hits[0].id).toBe(SEED_ID)
    expect(search.body.hits[0].terms).toEqual(['pakistan', 'quetta'])
  })

  it.each([
    ['Trump im', 'Trump impeachment'],
    ['hong k', 'Hong Kong'],
    ['New Z', 'New Zealand'],
    ['Carrie L', 'Carrie Lam'],
  ])('completes "%s" with the corpus phrase "%s" first, never with a merely frequent word', async (q, phrase) => {
    const { body } = await get(`/api/suggest?q=${encodeURIComponent(q)}`)
    const suggestions: Suggestion[] = body.suggestions
    expect(suggestions[0]!.text.toLowerCase()).toContain(phrase.toLowerCase())
    // Every completion but a title continues the typed words as the corpus does: the typed words in order, then the completed word.
    for (const { text } of suggestions.filter((suggestion) => suggestion.kind !== 'title'))
      expect(normalize(text)).toMatch(new RegExp(`(^|\\s)${normalize(q)}`))
  })

  it('after a word as common as "world", completes no other word merely found in the same articles ("world called", "world current")', async () => {
    const { body } = await get('/api/suggest?q=world%20c&limit=20')
    const suggestions: Suggestion[] = body.suggestions
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.filter((suggestion) => suggestion.kind === 'term')).toEqual([])
  })

  it('never offers a name glued to the word before it ("Kong Carrie Lam")', async () => {
    const { body } = await get('/api/suggest?q=Carrie%20L&limit=20')
    for (const suggestion of body.suggestions as Suggestion[]) if (suggestion.kind === 'person') expect(suggestion.text).not.toMatch(/^Kong /)
  })

  it('answers nothing for a prefix nothing starts with', async () => {
    const { status, body } = await get('/api/suggest?q=qxzv')
    expect(status).toBe(200)
    expect(body.suggestions).toEqual([])
  })

  it.each(['', 'limit=3', `q=${'a'.repeat(101)}`, 'q=a&limit=0', 'q=a&limit=21'])('rejects %s with a 400 problem', async (query) => {
    const { status, isProblem } = await get(`/api/suggest?${query}`)
    expect(status).toBe(400)
    expect(isProblem).toBe(true)
  })
})
