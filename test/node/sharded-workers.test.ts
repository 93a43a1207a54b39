import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBundledArticles } from '../../scripts/lib/bundle-files'
import { storedArticle } from '../../src/article'
import { shardedConfigs } from '../../scripts/lib/sharded-build'
import { serializeBundle } from '../../src/bundle/format'
import { openBundle } from '../../src/bundle/open'
import { liveReader } from '../../src/live/reader'
import { articlePath } from '../../src/pages/paths'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import { buildIndex, searchArticles } from '../../src/search/search'
import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev'
import { appOver } from './reader-app'

// A small sharded build of part of the shipped corpus, into a scratch folder: what `npm run build` writes with SHARDS=2.
const work = mkdtempSync(join(tmpdir(), 'news-edge-shards-'))
const corpus = join(work, 'corpus')
const out = join(work, 'generated')
mkdirSync(corpus)
for (const name of readdirSync('corpus/wikinews')
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, 24))
  cpSync(join('corpus/wikinews', name), join(corpus, name))

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('npx', [command, ...args], {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('a sharded build served by its Workers', { timeout: 240_000 }, () => {
  let worker: WranglerDev | undefined
  let configs: string[] = []

  beforeAll(() => {
    const built = run('tsx', ['scripts/build-index.ts'], { CORPUS: corpus, SHARDS: '2', BUNDLE_PATH: join(out, 'search.bundle') })
    expect(built.output).toMatch(/in 2 shards/)
    expect(built.status).toBe(0)
    configs = shardedConfigs(out)
  }, 180_000)

  afterAll(async () => {
    await worker?.stop()
    rmSync(work, { recursive: true, force: true })
  }, 30_000)

  it('writes a front and a shard Worker per shard, each of which wrangler deploy --dry-run bundles; the front carries no corpus (its modules: the code, the widget, the InstantSearch client)', () => {
    expect(configs.map((config) => config.split('/').at(-2))).toEqual(['front', 'shard-0', 'shard-1'])
    // The front holds the live segment: its Durable Object binding and migration, as wrangler.toml declares them.
    const front = JSON.parse(readFileSync(configs[0]!, 'utf8').replace(/^\/\/.*\n/, '')) as { durable_objects: object; migrations: object[] }
    expect(front.durable_objects).toEqual({ bindings: [{ name: 'LIVE_SEGMENT', class_name: 'LiveSegment' }] })
    expect(front.migrations).toEqual([{ tag: 'v1-live-segment', new_sqlite_classes: ['LiveSegment'] }])
    for (const config of configs) {
      const outdir = join(work, 'dry', config.split('/').at(-2)!)
      const dry = run('wrangler', ['deploy', '--dry-run', '-c', config, '--outdir', outdir])
      expect(dry.output).toMatch(/Total Upload/)
      expect(dry.status, dry.output).toBe(0)
      const modules = readdirSync(outdir)
      if (config.includes('front')) expect(modules.filter((name) => /^search.*\.(bundle|bin)$|\.bin$/.test(name))).toEqual([])
      // A shard's modules: its bundle and its index (its articles' own), its corpus figures and suggestions (the build's).
      else expect(modules.filter((name) => /\.(bundle|bin)$/.test(name)).length).toBe(4)
    }
  })

  it('answers health with every shard, and every API route, page and the widget across shards as one index of the same articles would', async () => {
    worker = await startWranglerDev({ configs, persistTo: join(work, 'state'), vars: { INGEST_TOKEN: TOKEN } })
    const health = (await (await fetch(`${worker.origin}/api/health`)).json()) as { documents: number; shards: { documents: number }[]; version: string }
    expect(health.shards).toEqual([{ documents: 12 }, { documents: 12 }])
    expect(health.documents).toBe(24)
    expect(health.version).toBe(JSON.parse(readFileSync(join(out, 'sharded', 'front', 'manifest.json'), 'utf8')).build)

    const articles = [0, 1].flatMap((shard) => readBundledArticles(join(out, 'sharded', `shard-${shard}`, 'search.bundle')))
    const index = serializeCompactIndex(buildIndex(articles))
    const files = serializeBundle({ version: 'one', builtAt: '', index: index.header }, articles)
    const single = openBundle(files.text, index.binary, (name) => Promise.resolve(files.assets.get(name)!))
    for (const q of ['police', 'the', 'killed people', 'elction', 'gov', '"prime minister"']) {
      const response = await fetch(`${worker.origin}/api/search?q=${encodeURIComponent(q)}&limit=5&offset=1`)
      expect(response.status).toBe(200)
      expect(await response.json(), q).toEqual(await searchArticles(single, { q, limit: 5, offset: 1, sort: 'relevance', filters: {}, facetLimit: 10 }))
    }
    const last = articles.at(-1)!
    const facts = await fetch(`${worker.origin}/api/articles/${encodeURIComponent(last.id)}/facts`)
    expect(await facts.json()).toEqual({ id: last.id, ...last.facts })

    // Every route the front mounts from the one Worker, through the real RPC path, as the one Worker's routes answer over one index.
    const oneIndex = appOver(liveReader({}, single))
    const first = encodeURIComponent(articles[0]!.id)
    const paths = [
      '/api/articles?limit=5&offset=3',
      '/api/articles?sort=title&limit=30',
      '/api/articles?sort=oldest&from=2015-01-01',
      `/api/articles/${first}`,
      `/api/articles/${encodeURIComponent(last.id)}/summary?sentences=2`,
      `/api/articles/${first}/related?limit=10`,
      '/api/suggest?q=pr',
      '/api/suggest?q=the%20po&limit=3',
      '/api/facts?type=quote&limit=7&offset=2',
      '/api/facts?q=police',
      '/api/brief?q=police&articles=4',
      '/api/articles/no-such-article/summary',
      // The entity registry, built once for the 24 articles and cut across the two shards.
      '/api/entities?limit=30',
      '/api/entities?q=un&type=organization',
      '/api/facts?place=United%20States',
      '/api/facts?speaker=Trump&limit=5',
      '/api/entities/person-no-such-person',
    ]
    const listed = (await (await oneIndex.request('/api/entities?limit=6')).json()) as { entities: { id: string }[] }
    expect(listed.entities.length).toBe(6)
    for (const { id } of listed.entities) paths.push(`/api/entities/${id}`, `/api/facts?entity=${id}`)
    for (const path of paths) {
      const [sharded, expected] = await Promise.all([fetch(`${worker.origin}${path}`), oneIndex.request(path)])
      expect(sharded.status, path).toBe(expected.status)
      expect(await sharded.json(), path).toEqual(await expected.json())
    }

    // The pages and the widget: the one Worker's, over what the shards answer.
    const home = await fetch(`${worker.origin}/`)
    expect(home.status).toBe(200)
    const latest = (await (await oneIndex.request('/api/articles?limit=1')).json()) as { articles: { title: string }[] }
    expect(await home.text()).toContain(escapeHtml(latest.articles[0]!.title))
    const page = await fetch(`${worker.origin}/articles/${first}`)
    expect(page.status).toBe(200)
    const related = (await (await oneIndex.request(`/api/articles/${first}/related`)).json()) as { related: { title: string }[] }
    const html = await page.text()
    expect(html).toContain(escapeHtml(articles[0]!.title))
    for (const { title } of related.related) expect(html).toContain(escapeHtml(title))
    const results = await fetch(`${worker.origin}/search?q=police`)
    expect(results.status).toBe(200)
    const found = (await (await oneIndex.request('/api/search?q=police&limit=10')).json()) as { total: number; hits: { id: string }[] }
    const resultsHtml = await results.text()
    expect(found.hits.length).toBeGreaterThan(0)
    expect(resultsHtml).toContain(`${found.total} news articles`)
    for (const { id } of found.hits) expect(resultsHtml).toContain(`href="${escapeHtml(articlePath(id))}`)
    for (const [path, type] of [
      ['/embed.js', /javascript/],
      ['/instantsearch-client.js', /javascript/],
      ['/docs', /html/],
      ['/openapi.json', /json/],
    ] as const) {
      const response = await fetch(`${worker.origin}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type'), path).toMatch(type)
    }
    expect(((await (await fetch(`${worker.origin}/openapi.json`)).json()) as { paths: object }).paths).toHaveProperty(['/api/brief'])

    const bad = await fetch(`${worker.origin}/api/search?q=`)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const missing = await fetch(`${worker.origin}/api/articles/no-such-article/facts`)
    expect(missing.status).toBe(404)
    // The entity pages and the map read the registry's parts; the article page links names to them.
    for (const path of [`/entities/${listed.entities[0]!.id}`, '/map']) expect((await fetch(`${worker.origin}${path}`)).status, path).toBe(200)
    expect(html).toContain('href="/entities/')
    expect((await fetch(`${worker.origin}/no-such-page`)).status).toBe(404)

    // The live segment, through the real RPC path: a put through the front is searchable at once, scored with the
    // statistics every shard is told, a deleted base article is gone from its shard's answers, and health counts both.
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }
    const published = {
      title: 'Quillan harbour ferry plan approved',
      date: '2026-12-01',
      text: 'The Quillan harbour council approved the ferry plan. Police said the plan was safe.',
    }
    const put = await fetch(`${worker.origin}/api/articles/live%2Fquillan`, { method: 'PUT', headers, body: JSON.stringify(published) })
    expect(put.status).toBe(200)
    expect((await fetch(`${worker.origin}/api/articles/${first}`, { method: 'DELETE', headers })).status).toBe(200)
    // The rebuild that would fold these writes in: the same articles less the deleted one, plus the published one.
    const liveArticles = [...articles.slice(1), storedArticle({ id: 'live/quillan', ...published })]
    const liveIndex = serializeCompactIndex(buildIndex(liveArticles))
    const liveFiles = serializeBundle({ version: 'one-live', builtAt: '', index: liveIndex.header }, liveArticles)
    const rebuilt = openBundle(liveFiles.text, liveIndex.binary, (name) => Promise.resolve(liveFiles.assets.get(name)!))
    for (const q of ['quillan', 'police', 'harbour ferry']) {
      const response = await fetch(`${worker.origin}/api/search?q=${encodeURIComponent(q)}&limit=5`)
      expect(response.status).toBe(200)
      const answer = (await response.json()) as { total: number; hits: { id: string; score: number }[] }
      const expected = await searchArticles(rebuilt, { q, limit: 5, offset: 0, sort: 'relevance', filters: {}, facetLimit: 10 })
      expect(answer.total, q).toBe(expected.total)
      expect(
        answer.hits.map((hit) => [hit.id, hit.score]),
        q,
      ).toEqual(expected.hits.map((hit) => [hit.id, hit.score]))
    }
    expect((await fetch(`${worker.origin}/api/articles/${first}`)).status).toBe(404)
    const afterWrites = (await (await fetch(`${worker.origin}/api/health`)).json()) as { documents: number; live: { documents: number; tombstones: number } }
    expect(afterWrites.documents).toBe(24)
    expect(afterWrites.live).toMatchObject({ documents: 1, tombstones: 1 })
  })
})

const TOKEN = 'sharded-test-token'

/** How the pages write text into HTML (Hono's JSX escapes these). */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}
