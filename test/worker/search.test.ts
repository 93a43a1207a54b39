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
    expect(body.correctedQuery).toBeUndefined()
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

  it('ranks articles with every word first, and still finds those with some of them (no all-words tier hides them)', async () => {
    const corpus = await loadCorpus()
    const { hits } = await allHits('q=court%20sentenced')
    const hasBoth = (hit: Hit) => /court/i.test(`${hit.title} ${corpus.get(hit.id)!.text}`) && /sentenc/i.test(`${hit.title} ${corpus.get(hit.id)!.text}`)
    expect(hits.slice(0, 3).every(hasBoth)).toBe(true)
    expect(hits.some((hit) => !hasBoth(hit))).toBe(true)
    const { hits: quetta } = await allHits('q=Quetta%20attack')
    expect(quetta[0]!.id).toBe(SEED_ID)
    expect(quetta[0]!.terms).toEqual(['quetta', 'attack'])
    expect(quetta.some((hit) => hit.terms.length === 1 && !/quetta/i.test(corpus.get(hit.id)!.text))).toBe(true)
    const nonsense = await get('/api/search?q=Balochistan%20qxzvw')
    expect(nonsense.body.hits[0].id).toBe(SEED_ID)
  })

  it('ranks the articles with every word first for a query of more than four words, then those with some of them', async () => {
    const corpus = await loadCorpus()
    const words = ['Quetta', 'Mastung', 'Nushki', 'Balochistan', 'Pakistan']
    const { hits } = await allHits(`q=${encodeURIComponent(words.join(' '))}%20`)
    const hasAll = (hit: Hit) => words.every((word) => new RegExp(word, 'i').test(`${hit.title} ${corpus.get(hit.id)!.text}`))
    const firstPartial = hits.findIndex((hit) => !hasAll(hit))
    expect(firstPartial).toBeGreaterThan(0)
    expect(hits.slice(firstPartial).some(hasAll)).toBe(false)
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
    expect(without.hits.map((hit) => hit.id).sort()).toEqual(
      all.hits
        .filter((hit) => !mentions(hit.id))
        .map((hit) => hit.id)
        .sort(),
    )
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

  it('corrects a query that finds too little, says so, and searches as typed on request (offering the correction)', async () => {
    const { body } = await get('/api/search?q=Balochistn')
    expect(body.correctedQuery).toBe('Balochistan')
    expect(body.hits[0].id).toBe(SEED_ID)
    expect(slices(body.hits[0].title, body.hits[0].highlights.title)).toEqual(['Balochistan'])
    const asTyped = await get('/api/search?q=Balochistn&autocorrect=false')
    expect(asTyped.body.correctedQuery).toBeUndefined()
    expect(asTyped.body.suggestion).toBe('Balochistan')
    // Close spellings of every word still match, at a lower weight, and the answer says so.
    expect(asTyped.body.hits[0].id).toBe(SEED_ID)
    expect(asTyped.body.typoTolerance).toBe(true)
    const correct = await get('/api/search?q=Balochistan')
    expect(correct.body.correctedQuery).toBeUndefined()
    expect(correct.body.suggestion).toBeUndefined()
  })

  it('counts two swapped letters as one slip: "impeachmnet" finds the impeachment articles', async () => {
    const corpus = await loadCorpus()
    const { body } = await get('/api/search?q=impeachmnet')
    expect(body.correctedQuery).toBe('impeachment')
    expect(body.hits.length).toBeGreaterThanOrEqual(5)
    for (const hit of body.hits as Hit[]) expect(`${hit.title} ${corpus.get(hit.id)!.text}`).toMatch(/impeach/i)
  })

  it('corrects to the word that goes with the rest of the query, not merely the most frequent close one', async () => {
    const { body } = await get('/api/search?q=hurricane%20dorain')
    expect(body.correctedQuery).toBe('hurricane dorian')
    expect(body.hits[0].title).toMatch(/Dorian/)
  })

  it('takes "vacine" for the vaccine, never for a word that only stems alike ("vicinity")', async () => {
    const corpus = await loadCorpus()
    const { body } = await get('/api/search?q=vacine')
    expect(body.correctedQuery).toBe('vaccine')
    for (const hit of body.hits.slice(0, 3) as Hit[]) expect(corpus.get(hit.id)!.text).toMatch(/vaccin/i)
    // The hits are those of the corrected query: its words are what they matched.
    for (const hit of body.hits as Hit[]) expect(hit.terms).toEqual(['vaccine'])
  })

  it('ranks exact matches of a known word above matches of its close spellings', async () => {
    const corpus = await loadCorpus()
    const { hits } = await allHits('q=impeachment')
    const exact = hits.map((hit) => /impeach/i.test(`${hit.title} ${corpus.get(hit.id)!.text}`))
    expect(exact[0]).toBe(true)
    expect(exact).toEqual([...exact].sort((a, b) => Number(b) - Number(a)))
  })

  it('folds accents and case: Gdansk and Gdańsk find and highlight Gdańsk, Vucic highlights Vučić', async () => {
    for (const q of ['Gdansk', 'Gdańsk', 'gdansk']) {
      const { body } = await get(`/api/search?q=${encodeURIComponent(q)}`)
      expect(body.hits[0].title).toContain('Gdańsk')
      expect(slices(body.hits[0].title, body.hits[0].highlights.title)).toEqual(['Gdańsk'])
      expect(slices(body.hits[0].snippet, body.hits[0].highlights.snippet)).toContain('Gdańsk')
    }
    for (const [q, word] of [
      ['Vucic', 'Vučić'],
      ['Juarez', 'Juárez'],
      ['Kilauea', 'Kīlauea'],
    ] as const) {
      const { body } = await get(`/api/search?q=${q}`)
      expect(
        body.hits.some((hit: Hit) => slices(hit.snippet, hit.highlights.snippet).includes(word)),
        q,
      ).toBe(true)
    }
  })

  it('finds plane crashes told with other words: jet, aircraft', async () => {
    const { hits } = await allHits('q=plane%20crash')
    const top = hits.slice(0, 20).map((hit) => hit.title)
    expect(top.some((title) => /jet/i.test(title) && !/plane/i.test(title))).toBe(true)
  })

  it('answers a query of only stop words with a hint, not a silent nothing', async () => {
    const { body } = await get('/api/search?q=the')
    expect(body.total).toBe(0)
    expect(body.hint).toMatch(/common words/)
    expect((await get('/api/search?q=the%20Quetta')).body.hint).toBeUndefined()
  })

  it('finds synonyms: "assault" also finds articles that say "attack"', async () => {
    const corpus = await loadCorpus()
    const { hits } = await allHits('q=assault')
    expect(hits.some((hit) => !/assault/i.test(`${hit.title} ${corpus.get(hit.id)!.text}`))).toBe(true)
  })

  it('sorts by date, newest first', async () => {
    const byDate = await allHits('q=killed&sort=date')
    const dates = byDate.hits.map((hit) => hit.date ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
    expect(byDate.total).toBe((await get('/api/search?q=killed')).body.total)
  })

  it('raises recent articles relative to the query time (now=), keeping relevance for old ones', async () => {
    const plain = await allHits('q=hurricane')
    // A relevant article a little down the list, and one on another day: on its day, it rises above that one.
    const target = plain.hits.slice(1, 10).find((hit) => hit.date && plain.hits.slice(0, plain.hits.indexOf(hit)).some((other) => other.date !== hit.date))!
    const recent = await allHits(`q=hurricane&recency=1&now=${target.date}`)
    const position = (hits: Hit[]) => hits.findIndex((hit) => hit.id === target.id)
    expect(position(recent.hits)).toBeLessThan(position(plain.hits))
    // Long after every article, the boost is the same for all: relevance order, scores kept.
    const later = await allHits('q=hurricane&recency=3&now=2100-01-01')
    expect(later.hits.map((hit) => hit.id)).toEqual(plain.hits.map((hit) => hit.id))
    expect(later.hits[0]!.score).toBeGreaterThan(0)
  })
})

describe('bad parameters', () => {
  it.each([
    ['q=news&recency=0', 'recency'],
    ['q=news&recency=soon', 'recency'],
    ['q=news&year=20x4', 'year'],
    ['q=news&place=', 'place'],
    ['q=news&facetLimit=0', 'facetLimit'],
    ['q=news&now=2019-02-30', 'now'],
    ['q=news&autocorrect=no', 'autocorrect'],
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
