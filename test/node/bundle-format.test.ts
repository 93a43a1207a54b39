import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBundle, serializeBundle } from '../../src/bundle/format'
import { openBundle } from '../../src/bundle/open'
import type { Bundle } from '../../src/bundle/types'
import { serializeCompactIndex } from '../../src/search/compact-index'
import { buildIndex } from '../../src/search/search'

// The bundle `npm run build` wrote for the shipped corpus (npm test builds it first).
const text = readFileSync('generated/search.bundle', 'utf8')
const bytes = readFileSync('generated/search.bin')
const whole = JSON.parse(text) as Bundle

describe('the bundle format', () => {
  it('is one JSON document whose article list the header locates article by article', () => {
    const parsed = parseBundle(text)
    expect(parsed.header.version).toBe(whole.version)
    expect(parsed.header.articleOffsets).toHaveLength(whole.articles.length + 1)
    whole.articles.forEach((article, i) => expect(JSON.stringify(parsed.article(i))).toBe(JSON.stringify(article)))
    expect(JSON.stringify(parsed.allArticles())).toBe(JSON.stringify(whole.articles))
  })

  it('round-trips articles with quotes, line breaks, non-Latin text and ids that look like JSON', () => {
    const articles = whole.articles.slice(0, 3).map((article, i) => ({
      ...article,
      id: [`"quoted" ,"articles":[ id`, 'ünïcode/日本語', 'line\nbreak'][i]!,
      text: `${article.text}\n«${'—'.repeat(i)}» "end"`,
    }))
    const index = serializeCompactIndex(buildIndex(articles))
    const serialized = serializeBundle({ version: 'v', builtAt: 'now', index: index.header }, articles)
    const reopened = openBundle(serialized, index.binary)
    for (const article of articles) expect(reopened.articles.get(article.id)).toEqual(article)
    expect(JSON.parse(serialized).articles).toEqual(articles)
    expect(reopened.index.search('end').map((hit) => hit.id).sort()).toEqual(articles.map((article) => article.id).sort())
  })

  it('refuses to serialise articles in another order than the index holds them', () => {
    const articles = whole.articles.slice(0, 2)
    const index = serializeCompactIndex(buildIndex(articles))
    expect(() => serializeBundle({ version: 'v', builtAt: 'now', index: index.header }, [...articles].reverse())).toThrow(/index has/)
  })
})

describe('an opened bundle', () => {
  it('parses an article only when asked, and keeps handing out the same object', () => {
    const bundle = openBundle(text, bytes)
    const first = whole.articles[0]!
    expect(bundle.articles.size).toBe(whole.articles.length)
    expect(bundle.articles.has(first.id)).toBe(true)
    expect(bundle.articles.get('no such id')).toBeUndefined()
    const article = bundle.articles.get(first.id)
    expect(article).toEqual(first)
    expect(bundle.articles.get(first.id)).toBe(article)
    const all = [...bundle.articles.values()]
    expect(all.map((each) => each.id)).toEqual(whole.articles.map((each) => each.id))
    expect(all[0]).toBe(article)
    expect([...bundle.articles.keys()]).toEqual(whole.articles.map((each) => each.id))
    expect(new Map(bundle.articles).get(first.id)).toBe(article)
  })

  it('finds the seed article through the compact index', () => {
    const bundle = openBundle(text, bytes)
    expect(bundle.index.search('Balochistan Quetta', { combineWith: 'AND' })[0]?.id).toBe('seed/000_7b2b9cd25cf26eb6')
  })

  it('refuses index bytes from another build instead of misreading them', () => {
    expect(() => openBundle(text, bytes.subarray(0, bytes.length - 4)).index).toThrow(/different builds/)
  })
})
