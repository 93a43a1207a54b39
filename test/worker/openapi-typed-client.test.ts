import { exports } from 'cloudflare:workers'
import { hc } from 'hono/client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { AppType } from '../../src/app'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

/** What a `hono/client` user writes, with the Worker itself in place of the network. */
const client = hc<AppType>('http://x', { fetch: ((input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(input, init)) as typeof fetch })

describe('the typed client (hc<AppType>)', () => {
  it('searches with typed parameters and gets a typed answer', async () => {
    const response = await client.api.search.$get({ query: { q: 'Balochistan', limit: '3' } })
    expect(response.status).toBe(200)
    const body = await response.json()
    expectTypeOf(body.hits[0]!.title).toEqualTypeOf<string>()
    expectTypeOf(body.total).toEqualTypeOf<number>()
    expect(body.hits[0]!.id).toBe(SEED_ID)
    expect(body.limit).toBe(3)
  })

  it('reads an article and its facts by an id containing "/"', async () => {
    const article = await (await client.api.articles[':id{.+}'].$get({ param: { id: SEED_ID } })).json()
    expectTypeOf(article.text).toEqualTypeOf<string>()
    expect(article.id).toBe(SEED_ID)
    const facts = await (await client.api.articles[':id{.+}'].facts.$get({ param: { id: SEED_ID } })).json()
    expectTypeOf(facts.quotes[0]!.text).toEqualTypeOf<string>()
    expect(facts.quotes.some((quote) => quote.speaker === 'Lin Jian')).toBe(true)
  })

  it('posts a text to extract with a typed body', async () => {
    const response = await client.api.extract.$post({ json: { text: 'China condemned the attacks in Balochistan on Tuesday.', date: '2026-02-05' } })
    expect(response.status).toBe(200)
    const analysis = await response.json()
    expectTypeOf(analysis.summary.text).toEqualTypeOf<string>()
    expect(analysis.facts.dates.map((date) => date.iso)).toContain('2026-02-03')
  })

  it('refuses at compile time what the server refuses at run time', async () => {
    // @ts-expect-error `q` is required by the search schema
    const response = await client.api.search.$get({ query: {} })
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  })
})
