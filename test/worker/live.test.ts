import { runInDurableObject } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { getBundle } from '../../src/bundle/load'
import { liveSegment, settleWithBundle, type LiveBindings } from '../../src/live/front'
import type { LiveSnapshot } from '../../src/live/segment'
import { readLiveExport } from '../../scripts/lib/live-export'

const TOKEN = 'test-ingest-token'
const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'
const AUTH = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
  const response = await exports.default.fetch(`http://news.test${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as any }
}

const invented = (word: string) => ({
  title: `Harbour council approves ${word} ferry plan`,
  date: '2026-12-01',
  text: `The harbour council of Port Quillan voted on Tuesday to approve the ${word} ferry plan. The mayor said the ${word} ferries would start next spring.`,
  source: 'Test Desk',
})

describe('live segment: publish, search, replace, delete', () => {
  it('makes a put article searchable at once, replaces it, and deletes it everywhere', async () => {
    const put = await call('PUT', '/api/articles/live%2Fferry', invented('zorblat'))
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ id: 'live/ferry' })

    const found = await call('GET', '/api/search?q=zorblat')
    expect(found.body.hits.map((hit: any) => hit.id)).toEqual(['live/ferry'])
    expect(found.body.total).toBe(1)
    const article = await call('GET', '/api/articles/live%2Fferry')
    expect(article.body.title).toBe('Harbour council approves zorblat ferry plan')
    expect(article.body.summary.sentences.length).toBeGreaterThan(0)

    await call('PUT', '/api/articles/live%2Fferry', invented('quimbly'))
    expect((await call('GET', '/api/search?q=zorblat')).body.total).toBe(0)
    expect((await call('GET', '/api/search?q=quimbly')).body.hits[0].id).toBe('live/ferry')

    expect((await call('DELETE', '/api/articles/live%2Fferry')).status).toBe(200)
    expect((await call('GET', '/api/search?q=quimbly')).body.total).toBe(0)
    expect((await call('GET', '/api/articles/live%2Fferry')).status).toBe(404)
    expect((await call('DELETE', '/api/articles/live%2Fferry')).status).toBe(404)
  })

  it('hides a deleted base article from search, the article route and the health count, and a put brings it back', async () => {
    const before = await call('GET', '/api/search?q=Balochistan')
    expect(before.body.hits[0].id).toBe(SEED_ID)
    expect((await call('DELETE', `/api/articles/${encodeURIComponent(SEED_ID)}`)).status).toBe(200)
    const after = await call('GET', '/api/search?q=Balochistan')
    expect(after.body.hits.map((hit: any) => hit.id)).not.toContain(SEED_ID)
    expect(after.body.total).toBe(before.body.total - 1)
    expect((await call('GET', `/api/articles/${encodeURIComponent(SEED_ID)}`)).status).toBe(404)
    const health = await call('GET', '/api/health')
    expect(health.body).toMatchObject({ base: 292, documents: 291, live: { tombstones: 1 } })

    await call('PUT', `/api/articles/${encodeURIComponent(SEED_ID)}`, invented('Balochistan'))
    const back = await call('GET', '/api/search?q=Balochistan')
    expect(back.body.hits.filter((hit: any) => hit.id === SEED_ID)).toHaveLength(1)
    expect((await call('GET', '/api/health')).body).toMatchObject({ documents: 292, live: { documents: 1, tombstones: 0 } })
  })

  it('lists a live article first by date, and no longer lists a deleted base article', async () => {
    await call('PUT', '/api/articles/live%2Fnewest', { ...invented('glimmerton'), date: '2099-01-01' })
    const before = await call('GET', '/api/articles?limit=3')
    expect(before.body.articles[0].id).toBe('live/newest')
    const third = before.body.articles[2].id
    await call('DELETE', `/api/articles/${encodeURIComponent(third)}`)
    const after = await call('GET', '/api/articles?limit=3')
    expect(after.body.articles.map((article: any) => article.id)).not.toContain(third)
    expect(after.body.total).toBe(before.body.total - 1)
    await call('DELETE', '/api/articles/live%2Fnewest')
    expect((await call('GET', '/api/articles?limit=1')).body.articles[0].id).not.toBe('live/newest')
  })

  it('stores a bulk load all or nothing', async () => {
    const good = { id: 'live/bulk-1', ...invented('plonkwise') }
    const bad = { id: 'live/bulk-2', ...invented('plonkwise'), date: '2026-02-30' }
    const rejected = await call('POST', '/api/articles', { articles: [good, bad] })
    expect(rejected.status).toBe(422)
    expect(rejected.body.errors).toEqual([expect.objectContaining({ name: 'articles.1.date', message: 'must be a real calendar date' })])
    expect((await call('GET', '/api/search?q=plonkwise')).body.total).toBe(0)

    const accepted = await call('POST', '/api/articles', { articles: [good, { ...bad, date: '2026-02-28' }] })
    expect(accepted.status).toBe(200)
    expect((await call('GET', '/api/search?q=plonkwise')).body.total).toBe(2)
  })

  it('persists in the Durable Object: a fresh read of the segment has the write', async () => {
    await call('PUT', '/api/articles/live%2Fdurable', invented('vexmoor'))
    const segment = liveSegment(env as LiveBindings)!
    const snapshot = await segment.snapshot()
    expect(snapshot.articles.map((article: any) => article.id)).toContain('live/durable')
  })
})

describe('live segment: the write API refuses bad requests with a 4xx problem', () => {
  it('answers 401 with WWW-Authenticate to a missing or wrong token', async () => {
    const missing = await call('PUT', '/api/articles/live%2Fx', invented('a'), { 'Content-Type': 'application/json' })
    expect(missing.status).toBe(401)
    expect(missing.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    const wrong = await call('PUT', '/api/articles/live%2Fx', invented('a'), { ...AUTH, Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  })

  it('answers 403 saying how to turn writes on when no INGEST_TOKEN is configured', async () => {
    const response = await app.request(
      '/api/articles/live%2Fx',
      { method: 'PUT', headers: AUTH, body: JSON.stringify(invented('a')) },
      { ...env, INGEST_TOKEN: undefined },
    )
    expect(response.status).toBe(403)
    expect(((await response.json()) as any).detail).toMatch(/wrangler secret put INGEST_TOKEN.*\.dev\.vars/)
  })

  it('changes the ETag of a search when the live segment changes', async () => {
    const before = await exports.default.fetch('http://news.test/api/search?q=harbour')
    await call('PUT', '/api/articles/live%2Fetag', invented('harbourish'))
    const after = await exports.default.fetch('http://news.test/api/search?q=harbour', { headers: { 'If-None-Match': before.headers.get('ETag')! } })
    expect(after.status).toBe(200)
  })

  it('answers 400 to an id with a ".." segment or a control character, and stores nothing', async () => {
    const dots = await call('PUT', '/api/articles/..%2Fescape', invented('a'))
    expect(dots.status).toBe(400)
    expect(dots.body.errors[0].name).toBe('id')
    expect((await call('PUT', '/api/articles/live%2Fa%07b', invented('a'))).status).toBe(400)
    expect((await call('GET', '/api/articles/..%2Fescape')).status).toBe(404)
  })

  it('answers 400 to a token in the query string', async () => {
    expect((await call('PUT', `/api/articles/live%2Fx?token=${TOKEN}`, invented('a'))).status).toBe(400)
  })

  it('answers 422 naming the field and the reason for a bad article, 415 for a non-JSON body, 413 for an oversized one', async () => {
    const bad = await call('PUT', '/api/articles/live%2Fx', { ...invented('a'), url: 'not a url' })
    expect(bad.status).toBe(422)
    expect(bad.body.errors).toEqual([expect.objectContaining({ name: 'url', message: 'must be an absolute URL' })])
    expect(bad.body.detail).toMatch(/url/)
    expect((await call('PUT', '/api/articles/live%2Fx', 'text', { ...AUTH, 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await call('PUT', '/api/articles/live%2Fx', { ...invented('a'), text: 'word '.repeat(200_000) })).status).toBe(413)
    // Under the body limit but over the build's article limit (256 KiB of text): refused as the build refuses it.
    const long = await call('PUT', '/api/articles/live%2Fx', { ...invented('a'), text: 'Long words here. '.repeat(18_000) })
    expect(long.status).toBe(422)
    expect(long.body.errors).toEqual([expect.objectContaining({ name: 'text', message: expect.stringContaining('over the limit of 262144 bytes') })])
    expect((await call('GET', '/api/articles/live%2Fx')).status).toBe(404)
  })
})

describe('live segment: every reader sees one corpus', () => {
  const flood = {
    title: 'Flood hits the Wexcombe valley',
    date: '2026-12-02',
    text: 'Heavy rain flooded the Wexcombe valley on Tuesday. Two people were killed, police said. Mayor Odile Franchetti said the Wexcombe bridge would stay closed.',
  }

  it('counts live articles in facets, suggests their names, relates them, lists their facts, and cites them in a brief', async () => {
    expect((await call('PUT', '/api/articles/live%2Fwexcombe', flood)).status).toBe(200)
    const search = await call('GET', '/api/search?q=wexcombe')
    expect(search.body.hits.map((hit: any) => hit.id)).toEqual(['live/wexcombe'])
    expect(search.body.facets.year).toEqual([{ value: '2026', count: 1 }])
    expect(search.body.facets.person.map((facet: any) => facet.value)).toContain('Odile Franchetti')

    const suggest = await call('GET', '/api/suggest?q=wexco')
    expect(suggest.body.suggestions.map((suggestion: any) => suggestion.id ?? suggestion.text)).toContain('live/wexcombe')
    const facts = await call('GET', '/api/facts?q=franchetti')
    expect(facts.body.total).toBeGreaterThan(0)
    expect(facts.body.facts.every((fact: any) => fact.article.id === 'live/wexcombe')).toBe(true)
    const brief = await call('GET', '/api/brief?q=wexcombe')
    expect(brief.body.total).toBe(1)
    expect(JSON.stringify(brief.body)).toContain('live/wexcombe')
    const related = await call('GET', '/api/articles/live%2Fwexcombe/related')
    expect(related.status).toBe(200)
    expect(related.body.related.length).toBeGreaterThan(0)

    const page = await exports.default.fetch('http://news.test/articles/live/wexcombe')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Flood hits the Wexcombe valley')
    const results = await exports.default.fetch('http://news.test/search?q=wexcombe')
    expect(await results.text()).toContain('live/wexcombe')
    await call('DELETE', '/api/articles/live%2Fwexcombe')
  })

  it('hides a deleted base article from facts, related lists and the article page', async () => {
    const victim = env.TEST_CORPUS_ARTICLES[100]!.id
    // Its closest article lists it among its own related articles (checked below, before the delete).
    const neighbour = (await call('GET', `/api/articles/${encodeURIComponent(victim)}/related`)).body.related[0].id as string
    const before = (await call('GET', `/api/articles/${encodeURIComponent(neighbour)}/related?limit=20`)).body.related.map((related: any) => related.id)
    expect(before).toContain(victim)
    const victimFacts = await call('GET', `/api/articles/${encodeURIComponent(victim)}/facts`)
    const name = victimFacts.body.entities[0]?.name as string
    const factsBefore = await call('GET', `/api/facts?q=${encodeURIComponent(name)}&limit=100`)
    expect((await call('DELETE', `/api/articles/${encodeURIComponent(victim)}`)).status).toBe(200)
    const factsAfter = await call('GET', `/api/facts?q=${encodeURIComponent(name)}&limit=100`)
    expect(factsAfter.body.facts.map((fact: any) => fact.article.id)).not.toContain(victim)
    expect(factsAfter.body.total).toBeLessThan(factsBefore.body.total)
    const after = (await call('GET', `/api/articles/${encodeURIComponent(neighbour)}/related?limit=20`)).body.related.map((related: any) => related.id)
    expect(after).not.toContain(victim)
    expect((await exports.default.fetch(`http://news.test/articles/${victim}`)).status).toBe(404)
  })
})

describe('live segment: back into the bundle', () => {
  it('exports a segment of many articles page by page, which corpus:pull follows to every article once, at one version', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `live/paged-${String(i).padStart(3, '0')}`)
    for (let first = 0; first < ids.length; first += 100) {
      const articles = ids.slice(first, first + 100).map((id, i) => ({ id, ...invented(`paged${first + i}`) }))
      expect((await call('POST', '/api/articles', { articles })).status).toBe(200)
    }
    const viaWorker = (url: string, init: RequestInit) => exports.default.fetch(url, init)
    const { exported, pages } = await readLiveExport('http://news.test', TOKEN, { limit: 40, fetch: viaWorker })
    const snapshot = (await liveSegment(env as LiveBindings)!.snapshot()) as LiveSnapshot
    expect(pages).toBe(Math.ceil(snapshot.articles.length / 40))
    expect(pages).toBeGreaterThanOrEqual(6)
    expect(exported.version).toBe(snapshot.version)
    expect(exported.articles.map((article) => article.id)).toEqual(snapshot.articles.map((article) => article.id))
    expect(exported.articles.map((article) => article.id)).toEqual(expect.arrayContaining(ids))
    expect(exported.tombstones).toEqual(snapshot.tombstones)
    // A page names where the next starts; only the first has the tombstones; a bad limit is a 400 problem.
    const first = await call('GET', '/api/live/export?limit=40', undefined, { Authorization: `Bearer ${TOKEN}` })
    expect(first.body.articles).toHaveLength(40)
    expect(first.body.next).toBe(first.body.articles[39].id)
    expect(first.body.tombstones).toEqual(snapshot.tombstones)
    const second = await call('GET', `/api/live/export?limit=40&after=${encodeURIComponent(first.body.next)}`, undefined, { Authorization: `Bearer ${TOKEN}` })
    expect(second.body.articles[0].id > first.body.next).toBe(true)
    expect(second.body.tombstones).toBeUndefined()
    expect((await call('GET', '/api/live/export?limit=0', undefined, { Authorization: `Bearer ${TOKEN}` })).status).toBe(400)

    // A write between two pages: the reading starts again, and what it returns is the segment after that write.
    let written = false
    const writingMeanwhile = async (url: string, init: RequestInit) => {
      if (url.includes('after=') && !written) {
        written = true
        expect((await call('DELETE', `/api/articles/${encodeURIComponent(ids[0]!)}`)).status).toBe(200)
      }
      return viaWorker(url, init)
    }
    const again = await readLiveExport('http://news.test', TOKEN, { limit: 40, fetch: writingMeanwhile })
    expect(written).toBe(true)
    expect(again.exported.version).toBe(snapshot.version + 1)
    expect(again.exported.articles.map((article) => article.id)).not.toContain(ids[0])
    expect(again.exported.articles).toHaveLength(snapshot.articles.length - 1)
  })

  it('exports the live articles in the corpus format, only with the token, never cached', async () => {
    await call('PUT', '/api/articles/live%2Fexported', invented('exportia'))
    const exported = await call('GET', '/api/live/export', undefined, { Authorization: `Bearer ${TOKEN}` })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('Cache-Control')).toBe('no-store')
    const article = exported.body.articles.find((each: any) => each.id === 'live/exported')
    expect(article).toEqual({ id: 'live/exported', ...invented('exportia') })
    expect((await call('GET', '/api/live/export', undefined, {})).status).toBe(401)
  })

  it('drops live articles a new bundle holds with the same content, keeps changed ones, and lapses tombstones of ids it lacks', async () => {
    const [same, changed] = env.TEST_CORPUS_ARTICLES.slice(200).map((article) => article.id)
    const body = async (id: string) => {
      const {
        facts: _facts,
        related: _related,
        summary: _summary,
        keywords: _keywords,
        titleGenerated,
        title,
        id: _id,
        ...rest
      } = (await call('GET', `/api/articles/${encodeURIComponent(id)}`)).body
      return { ...rest, ...(titleGenerated ? {} : { title }) }
    }
    expect((await call('PUT', `/api/articles/${encodeURIComponent(same!)}`, await body(same!))).status).toBe(200)
    expect(
      (await call('PUT', `/api/articles/${encodeURIComponent(changed!)}`, { ...(await body(changed!)), text: 'A corrected text, published live.' })).status,
    ).toBe(200)
    const stub = liveSegment(env as LiveBindings)!
    await stub.remove('gone/from-the-bundle', true)
    // As if this bundle were new to the segment: forget the bundle it settled against.
    await runInDurableObject(stub, (_instance, state) => void state.storage.sql.exec('DELETE FROM settled_bundle'))

    const dropped = await settleWithBundle(stub, getBundle(), (await stub.snapshot()) as LiveSnapshot)
    expect(dropped).toBe(2)
    const snapshot = await stub.snapshot()
    const liveIds = snapshot.articles.map((article: any) => article.id)
    expect(liveIds).not.toContain(same)
    expect(liveIds).toContain(changed)
    expect(snapshot.tombstones).not.toContain('gone/from-the-bundle')
    expect(snapshot.bundle?.version).toBe(getBundle().version)
    // Settling again against the same bundle changes nothing.
    expect(await settleWithBundle(stub, getBundle(), (await stub.snapshot()) as LiveSnapshot)).toBe(0)
    expect((await call('GET', `/api/articles/${encodeURIComponent(same!)}`)).status).toBe(200)
  })
})

describe('live segment: a burst of writes', () => {
  it('answers a burst of writes past the write limit with 429 problem+json and Retry-After, never a 5xx', async () => {
    const headers = { 'CF-Connecting-IP': '203.0.113.77', 'Content-Type': 'application/json' }
    let limited: Response | undefined
    let sent = 0
    for (; sent < 10_000 && !limited; sent++) {
      const response = await exports.default.fetch('http://news.test/api/articles/live%2Fburst', { method: 'PUT', headers, body: '{}' })
      expect(response.status).toBeLessThan(500)
      if (response.status === 429) limited = response
      else await response.body?.cancel()
    }
    // The seconds left in the limiter's 60 s window (src/http/rate-limit.ts).
    expect(Number(limited?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(Number(limited?.headers.get('Retry-After'))).toBeLessThanOrEqual(60)
    expect(limited?.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(sent).toBeLessThan(10_000)
  })
})
