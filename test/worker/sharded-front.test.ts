import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { shardRanges } from '../../scripts/lib/shard-split'
import { app } from '../../src/app'
import type { StoredArticle } from '../../src/article'
import { serializeBundle } from '../../src/bundle/format'
import { getBundle } from '../../src/bundle/load'
import { openBundle } from '../../src/bundle/open'
import { serializeCompactShards } from '../../src/search/index/compact-index'
import { buildIndex } from '../../src/search/search'
import { storeSuggestions } from '../../src/search/suggest'
import { frontWorker, type FrontManifest } from '../../src/shards/front-worker'
import { Shard } from '../../src/shards/shard'
import { storeRegistry } from '../../src/corpus-services/registry-build'
import { partitionRegistry, registryPartJson } from '../../src/shards/entity-parts'
import type { ShardRpc } from '../../src/shards/shard-worker'

/**
 * The front Worker in workerd over the shipped corpus cut into 3 shards as a
 * sharded build cuts it (in memory; each shard behind a binding that calls it
 * as its entrypoint does), beside the one Worker over the same corpus: the
 * pages must be the same.
 */
const BUILD = 'test-build'
const bundle = getBundle()
const articles: StoredArticle[] = await (async () => {
  const byId = await bundle.articlesById(bundle.ids)
  return bundle.ids.map((id) => byId.get(id)!)
})()

const ranges = shardRanges(articles.length, 3)
const indexes = serializeCompactShards(
  buildIndex(articles),
  ranges.map(({ first, size }) => Array.from({ length: size }, (_, i) => first + i)),
)
// The registry built once for the corpus, then cut by entity and by document (as scripts/lib/sharded-build.ts does).
const registryParts = partitionRegistry(storeRegistry(articles), articles, ranges)
const corpusSuggestions = storeSuggestions(articles)
const shards = ranges.map(({ first, size }, s) => {
  const files = serializeBundle({ version: `shard-${s}`, builtAt: bundle.builtAt, index: indexes[s]!.header }, articles.slice(first, first + size), {
    corpusSuggestions,
    entities: registryPartJson(registryParts[s]!),
  })
  const readAsset = async (name: string) => files.assets.get(name)!
  return new Shard(openBundle(files.text, indexes[s]!.binary, readAsset, { figures: indexes[s]!.figures }), { firstPosition: first })
})

/** A shard as its service binding reaches it: the entrypoint's methods (each naming the front's build first), which refuse another build. */
function binding(shard: Shard, ownBuild = BUILD): ShardRpc {
  return new Proxy({} as ShardRpc, {
    get:
      (_, method: string) =>
      async (build: string, ...args: unknown[]) => {
        if (build !== ownBuild) throw new Error(`another build: ${build}`)
        return (shard[method as keyof Shard] as (...args: unknown[]) => unknown)(...args)
      },
  })
}

const manifest: FrontManifest = { build: BUILD, builtAt: bundle.builtAt, documents: articles.length, shards: ranges.map(({ size }) => ({ documents: size })) }
const front = frontWorker(manifest)
const bindings = Object.fromEntries(shards.map((shard, s) => [`SHARD_${s}`, binding(shard)]))
/** The one Worker without a live segment or rate limits: only the corpus is compared. */
const NO_BINDINGS = {}

const fromFront = (path: string, init?: RequestInit, env: object = bindings) => front.request(`http://news.test${path}`, init, env)
const fromOne = (path: string) => app.request(`http://news.test${path}`, undefined, NO_BINDINGS)

describe('the front Worker of a sharded build, in workerd, over the shipped corpus in 3 shards', () => {
  it('writes each registry part as JSON.stringify does, byte for byte', () => {
    expect(registryParts.map(registryPartJson)).toEqual(registryParts.map((part) => JSON.stringify(part)))
    expect(registryParts.every((part) => part.entities.length > 0 && Object.keys(part.facts).length > 0)).toBe(true)
  })

  it('serves the demo page and results pages exactly as the one Worker', async () => {
    const paths = [
      '/',
      '/search?q=police',
      '/search?q=killed+people&page=2',
      '/search?q=elction',
      '/search?q=the&sort=date&page=3',
      '/search?q=president&country=United+States',
      '/search?q=',
      '/search?q=police&page=0',
    ]
    for (const path of paths) {
      const [sharded, one] = await Promise.all([fromFront(path), fromOne(path)])
      expect(sharded.status, path).toBe(one.status)
      expect(await sharded.text(), path).toBe(await one.text())
    }
  })

  it('serves every article page as the one Worker, related articles and entity links included', async () => {
    let linked = 0
    for (const article of articles.filter((_, i) => i % 4 === 0)) {
      const path = `/articles/${article.id.split('/').map(encodeURIComponent).join('/')}`
      const [sharded, one] = await Promise.all([fromFront(path), fromOne(path)])
      expect(sharded.status, path).toBe(200)
      const html = await sharded.text()
      expect(html, path).toBe(await one.text())
      if (html.includes('href="/entities/')) linked++
    }
    // Names link to entity pages, resolved by the registry's parts in the shards.
    expect(linked).toBeGreaterThan(articles.length / 8)
    expect((await fromFront('/articles/no-such-article')).status).toBe(404)
  })

  it('serves the entity pages and the map exactly as the one Worker', async () => {
    const listed = (await (await fromOne('/api/entities?limit=100')).json()) as { entities: { id: string }[] }
    const places = (await (await fromOne('/api/entities?type=place&limit=40')).json()) as { entities: { id: string }[] }
    const countries = (await (await fromOne('/api/entities?type=country&limit=10')).json()) as { entities: { id: string }[] }
    const ids = [...listed.entities.filter((_, i) => i % 4 === 0), ...places.entities.filter((_, i) => i % 3 === 0), ...countries.entities].map(({ id }) => id)
    const paths = [
      ...ids.map((id) => `/entities/${id}`),
      '/entities/person-no-such-person',
      '/api/facts?entity=person-no-such-person',
      '/map',
      '/map?from=2015-01-01',
      '/map?from=2010-01-01&to=2014-12-31',
      '/map?from=2030-01-01',
      '/map?from=yesterday',
    ]
    for (const path of paths) {
      const [sharded, one] = await Promise.all([fromFront(path), fromOne(path)])
      expect(sharded.status, path).toBe(one.status)
      expect(await sharded.text(), path).toBe(await one.text())
    }
    // The pages compared hold what they are about: a map with figures, an entity page with its quotes.
    expect(await (await fromFront('/map')).text()).toMatch(/killed/)
    for (const path of ['/api/entities?q=obama', `/api/entities/${ids[0]}`, '/api/facts?place=Pakistan', `/api/facts?entity=${ids[1]}&limit=50`]) {
      const [sharded, one] = await Promise.all([fromFront(path), fromOne(path)])
      expect(sharded.status, path).toBe(200)
      expect(await sharded.json(), path).toEqual(await one.json())
    }
  })

  it('serves the widget, the InstantSearch client and the docs of its own routes', async () => {
    for (const path of ['/embed.js', '/instantsearch-client.js']) {
      const [sharded, one] = await Promise.all([fromFront(path), fromOne(path)])
      expect(sharded.status, path).toBe(200)
      expect(await sharded.text(), path).toBe(await one.text())
    }
    const document = (await (await fromFront('/openapi.json')).json()) as { paths: Record<string, unknown> }
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/search', '/api/suggest', '/api/articles', '/api/articles/{id}', '/api/facts', '/api/brief', '/api/health']),
    )
    expect((await fromFront('/docs')).status).toBe(200)
  })

  it('answers as the one Worker does to a wrong method, a preflight and bad input', async () => {
    const wrong = await fromFront('/api/search?q=x', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toContain('GET')
    const preflight = await fromFront('/api/search', { method: 'OPTIONS', headers: { Origin: 'https://host.example', 'Access-Control-Request-Method': 'GET' } })
    expect(preflight.status).toBe(204)
    expect((await fromFront('/api/articles?limit=1000')).status).toBe(400)
    // HTTP caching as the one Worker's, tagged by the build: a repeat with the tag is a bodiless 304; errors are not cached.
    const tagged = await fromFront('/api/suggest?q=pol')
    const tag = tagged.headers.get('etag')!
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/)
    expect(tagged.headers.get('cache-control')).toContain('max-age=60')
    const repeat = await fromFront('/api/suggest?q=pol', { headers: { 'If-None-Match': tag } })
    expect(repeat.status).toBe(304)
    expect(await repeat.text()).toBe('')
    const nextBuild = Object.fromEntries(shards.map((shard, s) => [`SHARD_${s}`, binding(shard, 'next-build')]))
    const retagged = await frontWorker({ ...manifest, build: 'next-build' }).request('http://news.test/api/suggest?q=pol', undefined, nextBuild)
    expect(retagged.status).toBe(200)
    expect(retagged.headers.get('etag')).not.toBe(tag)
    expect((await fromFront('/api/suggest?q=')).headers.get('cache-control')).toBe('no-store')
  })

  it('answers 503 problem+json with Retry-After, pages included, when a shard is missing or of another build', async () => {
    // Writes are served (src/routes/ingest.ts): without a token configured, a 403 problem says how to turn them on.
    const write = await fromFront('/api/articles/x', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(write.status).toBe(403)
    expect(write.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const { SHARD_2: _gone, ...missing } = bindings
    // A front of another build (a deploy halfway through): every shard refuses it.
    const stale = frontWorker({ ...manifest, build: 'older-build' })
    for (const path of [
      '/',
      '/search?q=police',
      '/api/articles',
      '/api/suggest?q=po',
      `/articles/${encodeURIComponent(articles[0]!.id)}`,
      '/api/entities?q=obama',
      '/entities/country-united-states',
      '/map',
    ]) {
      for (const response of [await fromFront(path, undefined, missing), await stale.request(`http://news.test${path}`, undefined, bindings)]) {
        expect(response.status, path).toBe(503)
        expect(response.headers.get('retry-after')).toBe('5')
        expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/)
      }
    }
  })
})

describe('a sharded build with a live segment, in workerd: the same answers as the one Worker with the same live writes', () => {
  // Both read the one LiveSegment Durable Object: the writes go through the front, the one Worker reads what they wrote.
  const TOKEN = 'test-ingest-token'
  const live = { LIVE_SEGMENT: (env as { LIVE_SEGMENT: unknown }).LIVE_SEGMENT, INGEST_TOKEN: TOKEN }
  const write = (method: string, path: string, body?: unknown) =>
    front.request(
      `http://news.test${path}`,
      { method, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) },
      { ...bindings, ...live },
    )
  const fromLiveFront = (path: string) => front.request(`http://news.test${path}`, undefined, { ...bindings, ...live })
  const fromLiveOne = (path: string) => app.request(`http://news.test${path}`, undefined, live)
  const invented = (word: string, date = '2026-12-01') => ({
    title: `Harbour council approves ${word} ferry plan`,
    date,
    text: `The harbour council of Port Quillan voted on Tuesday to approve the ${word} ferry plan for Pakistan. Police said two people were killed when a ${word} ferry sank. The mayor said the ${word} ferries would start next spring.`,
    source: 'Test Desk',
  })
  const [replaced, deleted, copied] = [articles[5]!, articles[150]!, articles[250]!]

  it('takes writes through the front (put, bulk, replace and delete of base articles), then answers every reader as the one Worker', async () => {
    expect((await write('PUT', '/api/articles/live%2Fquillan', invented('zorblat'))).status).toBe(200)
    const bulk = await write('POST', '/api/articles', {
      articles: [
        { id: 'live/second', ...invented('quimbly', '2026-11-30') },
        // A copy of a base article under another id: it must score as its original does.
        { id: 'live/copy', title: copied.title, date: copied.date, text: copied.text, source: copied.source },
      ],
    })
    expect(bulk.status).toBe(200)
    expect((await write('PUT', `/api/articles/${encodeURIComponent(replaced.id)}`, invented('Elction'))).status).toBe(200)
    expect((await write('DELETE', `/api/articles/${encodeURIComponent(deleted.id)}`)).status).toBe(200)
    expect((await write('DELETE', '/api/articles/no-such-article')).status).toBe(404)
    const bad = await write('PUT', '/api/articles/live%2Fbad', { title: 'x', date: 'yesterday', text: 'Some text.' })
    expect(bad.status).toBe(422)

    const firstWord = (text: string) => text.split(/\s+/).find((word) => word.length > 6)!
    const paths = [
      ...[
        'zorblat',
        'quimbly ferry',
        'zorblt',
        'police killed',
        'ferry',
        'pakistan',
        'the',
        'elction',
        firstWord(copied.text),
        firstWord(deleted.text),
        '"harbour council"',
      ].map((q) => `/api/search?q=${encodeURIComponent(q)}`),
      '/api/search?q=police&sort=date&offset=3&limit=7',
      '/api/search?q=killed&facetLimit=3',
      '/api/search?q=the&limit=20&offset=40',
      '/api/articles',
      '/api/articles?sort=title&limit=30',
      '/api/articles?sort=date&offset=5&limit=10',
      ...['zorb', 'harbour c', 'pol', 'Pakis'].map((q) => `/api/suggest?q=${encodeURIComponent(q)}`),
      '/api/articles/live%2Fquillan',
      `/api/articles/${encodeURIComponent(replaced.id)}`,
      `/api/articles/${encodeURIComponent(deleted.id)}`,
      '/api/articles/live%2Fcopy/related',
      `/api/articles/${encodeURIComponent(copied.id)}/related`,
      `/api/articles/${encodeURIComponent(articles[40]!.id)}/related`,
      '/api/facts',
      '/api/facts?type=casualties',
      '/api/facts?q=harbour&limit=5',
      '/api/brief?q=ferry',
      '/search?q=zorblat',
      '/search?q=police&sort=date&page=2',
      '/articles/live/quillan',
    ]
    for (const path of paths) {
      const [sharded, one] = await Promise.all([fromLiveFront(path), fromLiveOne(path)])
      expect(sharded.status, path).toBe(one.status)
      if (path.startsWith('/api/')) expect(await sharded.json(), path).toEqual(await one.json())
      else expect(await sharded.text(), path).toBe(await one.text())
    }
    // What the writes did is there: the live articles found, the replaced version shown, the deleted one gone.
    const zorblat = (await (await fromLiveFront('/api/search?q=zorblat')).json()) as { hits: { id: string }[] }
    expect(zorblat.hits.map((hit) => hit.id)).toEqual(['live/quillan'])
    expect(((await (await fromLiveFront(`/api/articles/${encodeURIComponent(replaced.id)}`)).json()) as { title: string }).title).toContain('Elction')
    expect((await fromLiveFront(`/api/articles/${encodeURIComponent(deleted.id)}`)).status).toBe(404)
    // The copy scores exactly as its original (the corpus statistics include the live articles).
    const same = (await (await fromLiveFront(`/api/search?q=${encodeURIComponent(copied.title)}&limit=50`)).json()) as { hits: { id: string; score: number }[] }
    const score = (id: string) => same.hits.find((hit) => hit.id === id)?.score
    expect(score('live/copy')).toBeDefined()
    expect(score('live/copy')).toBe(score(copied.id))

    const [shardedHealth, oneHealth] = (await Promise.all([fromLiveFront('/api/health'), fromLiveOne('/api/health')].map(async (r) => (await r).json()))) as {
      documents: number
      live: unknown
    }[]
    expect(shardedHealth!.documents).toBe(oneHealth!.documents)
    expect(shardedHealth!.documents).toBe(articles.length + 3 - 1)
    expect(shardedHealth!.live).toEqual(oneHealth!.live)
  })
})
