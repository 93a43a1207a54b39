import { describe, expect, it } from 'vitest'
import { allHits, get, loadCorpus, SEED_ID, type Hit } from './search-corpus'

const slices = (text: string, ranges: { start: number; end: number }[]) => ranges.map((range) => text.slice(range.start, range.end))

describe('ranking and highlighting', () => {
  it('finds the seed first for "Balochistan", with the word highlighted in title and snippet', async () => {
    const { status, body } = await get('/api/search?q=Balochistan')
    expect(status).toBe(200)
    const hit: Hit = body.hits[0]
    expect(hit.id).toBe(SEED_ID)
    expect(slices(hit.title, hit.highlights.title)).toEqual(['Balochistan'])
    expect(slices(hit.snippet, hit.highlights.snippet).length).toBeGreaterThan(0)
    for (const word of slices(hit.snippet, hit.highlights.snippet)) expect(word).toBe('Balochistan')
    expect(hit.terms).toEqual(['balochistan'])
    expect(body.fallback).toBeUndefined()
  })

  it('highlights exactly the matched words, stemmed forms included, and snippets come from the article text', async () => {
    const corpus = await loadCorpus()
    const { body } = await get('/api/search?q=Quetta%20Mastung%20districts')
    expect(body.hits.length).toBeGreaterThan(0)
    for (const hit of body.hits as Hit[]) {
      for (const word of [...slices(hit.snippet, hit.highlights.snippet), ...slices(hit.title, hit.highlights.title)]) {
        expect(word.toLowerCase()).toMatch(/^(quetta|mastung|district|districts)$/)
      }
      const passage = hit.snippet.replace(/^…|…$/g, '')
      expect(corpus.get(hit.id)!.text.replace(/\s+/g, ' ')).toContain(passage)
    }
  })

  it('centres the snippet on the densest passage, not the first mention', async () => {
    const { body } = await get('/api/search?q=Quetta%20Mastung%20Nushki%20Dalbandin')
    const hit: Hit = body.hits.find((candidate: Hit) => candidate.id === SEED_ID)
    const words = new Set(slices(hit.snippet, hit.highlights.snippet).map((word) => word.toLowerCase()))
    expect(words).toEqual(new Set(['quetta', 'mastung', 'nushki', 'dalbandin']))
  })

  it('requires every word by default', async () => {
    const corpus = await loadCorpus()
    const { hits, first } = await allHits('q=court%20sentenced')
    expect(first.fallback).toBeUndefined()
    expect(hits.length).toBeGreaterThanOrEqual(3)
    for (const hit of hits) {
      const text = `${hit.title} ${corpus.get(hit.id)!.text}`
      expect(text).toMatch(/court/i)
      expect(text).toMatch(/sentenc/i)
    }
  })

  it('when too few articles have every word, those come first and articles with some words follow, saying so', async () => {
    const corpus = await loadCorpus()
    const { hits, first } = await allHits('q=Quetta%20attack')
    expect(first.fallback).toBe('any-term')
    expect(hits[0]!.id).toBe(SEED_ID)
    expect(hits[0]!.terms).toEqual(['quetta', 'attack'])
    for (const hit of hits.slice(1)) {
      expect(hit.terms).toEqual(['attack'])
      expect(corpus.get(hit.id)!.text).not.toMatch(/quetta/i)
    }
    const nonsense = await get('/api/search?q=Balochistan%20qxzvw')
    expect(nonsense.body).toMatchObject({ fallback: 'any-term', total: 1 })
  })

  it('matches quoted phrases as phrases', async () => {
    const corpus = await loadCorpus()
    const phrase = /foreign\W+ministry/i
    const loose = await allHits('q=foreign%20ministry')
    const exact = await allHits(`q=${encodeURIComponent('"foreign ministry"')}`)
    expect(exact.total).toBeGreaterThan(0)
    const exactIds = new Set(exact.hits.map((hit) => hit.id))
    for (const hit of loose.hits) {
      const article = corpus.get(hit.id)!
      expect(exactIds.has(hit.id)).toBe(phrase.test(`${article.title}\n${article.text}`))
    }
    expect(exact.total).toBeLessThan(loose.total)
    for (const hit of exact.hits) expect(slices(hit.snippet, hit.highlights.snippet).join(' ')).toMatch(phrase)
  })

  it('excludes -words', async () => {
    const corpus = await loadCorpus()
    const all = await allHits('q=killed')
    const without = await allHits('q=killed%20-Pakistan')
    const mentions = (id: string) => /\bpakistan\b/i.test(`${corpus.get(id)!.title} ${corpus.get(id)!.text}`)
    expect(all.hits.some((hit) => mentions(hit.id))).toBe(true)
    expect(without.hits.map((hit) => hit.id).sort()).toEqual(all.hits.filter((hit) => !mentions(hit.id)).map((hit) => hit.id).sort())
  })

  it('matches the last word as a prefix while it is being typed', async () => {
    const { body } = await get('/api/search?q=Mastu')
    expect(body.hits[0].id).toBe(SEED_ID)
    expect(slices(body.hits[0].snippet, body.hits[0].highlights.snippet)).toContain('Mastung')
    // A space after the word says it is complete: no prefix matching then.
    const finished = await get('/api/search?q=Mastu%20')
    for (const hit of finished.body.hits as Hit[]) expect(slices(hit.snippet, hit.highlights.snippet)).not.toContain('Mastung')
  })

  it('matches a word being typed by what was typed, not by its stem ("res" stems to "re")', async () => {
    const { body } = await get('/api/search?q=res&limit=100')
    expect(body.total).toBeGreaterThan(0)
    for (const hit of body.hits as Hit[]) expect(hit.terms.filter((term) => !term.startsWith('res'))).toEqual([])
    // A whole word being typed still matches its stem: "running" is indexed as "run".
    const whole = await get('/api/search?q=killings')
    expect(whole.body.total).toBeGreaterThan(0)
    expect(whole.body.total).toBe((await get('/api/search?q=killings%20')).body.total)
  })

  it('forgives a typo and suggests the correct spelling', async () => {
    const { body } = await get('/api/search?q=Balochistn')
    expect(body.suggestion).toBe('Balochistan')
    expect(body.typoTolerance).toBe(true)
    expect(body.hits[0].id).toBe(SEED_ID)
    const correct = await get('/api/search?q=Balochistan')
    expect(correct.body.suggestion).toBeUndefined()
    expect(correct.body.typoTolerance).toBeUndefined()
  })

  it('finds synonyms: "assault" also finds articles that say "attack"', async () => {
    const corpus = await loadCorpus()
    const { hits } = await allHits('q=assault')
    expect(hits.some((hit) => !/assault/i.test(`${hit.title} ${corpus.get(hit.id)!.text}`))).toBe(true)
  })

  it('sorts by date, newest first, and a short recency half-life puts the newest match first', async () => {
    const byDate = await allHits('q=killed&sort=date')
    const dates = byDate.hits.map((hit) => hit.date ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
    const { body } = await get('/api/search?q=killed&recency=1')
    expect(body.hits[0].date).toBe(dates[0])
    expect(body.total).toBe(byDate.total)
  })
})

describe('bad parameters', () => {
  it.each([
    ['q=news&recency=0', 'recency'],
    ['q=news&recency=soon', 'recency'],
    ['q=news&year=20x4', 'year'],
    ['q=news&place=', 'place'],
    ['q=news&facetLimit=0', 'facetLimit'],
    [`q=news&${Array.from({ length: 21 }, () => 'person=A').join('&')}`, 'person'],
  ])('%s is a 400 problem naming %s', async (query, name) => {
    const { status, isProblem, body } = await get(`/api/search?${query}`)
    expect(status).toBe(400)
    expect(isProblem).toBe(true)
    expect(body.errors.map((error: { name: string }) => error.name)).toContain(name)
  })

  it('a query of only stop words or only exclusions answers, never fails', async () => {
    for (const q of ['the', '-zebra', '"of the"', '"', '-', '- "']) {
      const { status, body } = await get(`/api/search?q=${encodeURIComponent(q)}`)
      expect(status).toBe(200)
      expect(body.total).toBeGreaterThanOrEqual(0)
    }
  })
})
