import { runInDurableObject } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { getBundle } from '../../src/bundle/load'
import { invalidateLiveView, liveRefreshes, liveSegment, liveView, type LiveBindings } from '../../src/live/front'
import { searchOneCorpus } from '../../src/live/merge'
import { oneCorpus } from '../../src/live/one-corpus'
import { MAX_ANSWER_BYTES, type LiveSnapshot, type LiveUpdate } from '../../src/live/segment'
import type { SearchParams } from '../../src/search/search'

/**
 * The reader's copy of the live segment is updated by the changes since its
 * version (the Durable Object's change log), not rebuilt: after puts,
 * replaces and deletes it must answer exactly as a copy made from the whole
 * segment; a reader the log no longer reaches gets a full copy.
 */
const TOKEN = 'test-ingest-token'
const AUTH = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }
const segment = () => liveSegment(env as LiveBindings)!

async function write(method: 'PUT' | 'DELETE', id: string, body?: unknown): Promise<void> {
  const response = await exports.default.fetch(`http://news.test/api/articles/${encodeURIComponent(id)}`, {
    method,
    headers: AUTH,
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  expect(response.status).toBe(200)
}

const story = (word: string, extra = '') => ({
  title: `Ferry council debates the ${word} plan`,
  date: '2026-12-03',
  text: `The ferry council of Port Quillan debated the ${word} plan on Wednesday. ${extra}The mayor said the ${word} crossing would open in spring.`,
  source: 'Test Desk',
})

const params = (q: string, extra: Partial<SearchParams> = {}): SearchParams => ({ q, limit: 10, offset: 0, sort: 'relevance', ...extra })
const QUERIES = [
  params('ferry council'),
  params('plonquart'),
  params('ferry', { sort: 'date' }),
  params('mayor spring', { recency: 30 }),
  params('ferry', { filters: { year: ['2026'] } }),
  params('ferri councel'),
]

/** The isolate's copy, brought up to date now (as after a write through this isolate). */
async function currentView() {
  invalidateLiveView()
  return liveView(env as LiveBindings, getBundle())
}

async function expectSameAsFullCopy(): Promise<void> {
  const incremental = await currentView()
  const full = await oneCorpus(getBundle(), (await segment().snapshot()) as LiveSnapshot)
  expect(incremental.version).toBe(full.version)
  for (const query of QUERIES) expect(await searchOneCorpus(incremental, query)).toEqual(await searchOneCorpus(full, query))
}

describe('live segment: the reader applies the changes since its version', () => {
  it('logs each write and answers a reader with the changed ids in their last state', async () => {
    const since = await segment().version()
    await write('PUT', 'live/refresh-a', story('plonquart'))
    await write('PUT', 'live/refresh-b', story('wexley'))
    await write('PUT', 'live/refresh-a', story('trebbin'))
    await write('DELETE', 'live/refresh-b')
    const changes = (await segment().changesSince(since)) as LiveUpdate
    expect(changes.kind).toBe('changes')
    if (changes.kind !== 'changes') return
    expect(changes.since).toBe(since)
    expect(changes.version).toBe(since + 4)
    expect(changes.articles.map((article) => [article.id, article.title])).toEqual([['live/refresh-a', 'Ferry council debates the trebbin plan']])
    expect(changes.removed).toEqual(['live/refresh-b'])
    expect(changes.tombstoned).toEqual([])
    const none = (await segment().changesSince(changes.version)) as LiveUpdate
    expect(none).toMatchObject({ kind: 'changes', version: changes.version, articles: [], removed: [] })
  })

  it('after puts, replaces and deletes, searches exactly as a copy of the whole segment', async () => {
    await currentView()
    const full = liveRefreshes.full
    const changes = liveRefreshes.changes
    // Put, then search sees it.
    await write('PUT', 'live/refresh-c', story('plonquart'))
    expect((await searchOneCorpus(await currentView(), params('plonquart'))).hits.map((hit) => hit.id)).toEqual(['live/refresh-c'])
    await expectSameAsFullCopy()
    // Replace: the old words gone, the new ones found.
    await write('PUT', 'live/refresh-c', story('quorvane', 'Ferries were late again. '))
    const replaced = await currentView()
    expect((await searchOneCorpus(replaced, params('plonquart'))).total).toBe(0)
    expect((await searchOneCorpus(replaced, params('quorvane'))).hits.map((hit) => hit.id)).toEqual(['live/refresh-c'])
    await expectSameAsFullCopy()
    // A base article replaced, another deleted (hidden from the base part), a live one deleted.
    const [first, second] = getBundle().ids.filter((id) => !id.startsWith('live/'))
    await write('PUT', first!, story('brindlemoor'))
    await write('DELETE', second!)
    await write('DELETE', 'live/refresh-c')
    const last = await currentView()
    expect((await searchOneCorpus(last, params('quorvane'))).total).toBe(0)
    expect(last.tombstones.has(second!)).toBe(true)
    expect(last.byId.get(first!)?.title).toBe('Ferry council debates the brindlemoor plan')
    await expectSameAsFullCopy()
    // Every one of those was applied as changes to the copy, none by rebuilding it.
    expect(liveRefreshes.full).toBe(full)
    expect(liveRefreshes.changes).toBeGreaterThanOrEqual(changes + 3)
  })

  it('gives a reader the log no longer reaches (or a version it never had) a full copy, and the reader adopts it', async () => {
    await write('PUT', 'live/refresh-d', story('vandermoss'))
    const behind = (await currentView()).version
    await write('PUT', 'live/refresh-e', story('vandermoss'))
    // As if the log had been cut past the reader's version (CHANGE_LOG_VERSIONS writes later).
    await runInDurableObject(segment(), (_instance, state) => {
      state.storage.sql.exec(`DELETE FROM changes`)
      state.storage.sql.exec(`UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'version') WHERE key = 'log_from'`)
    })
    const update = (await segment().changesSince(behind)) as LiveUpdate
    expect(update.kind).toBe('full')
    expect(((await segment().changesSince(update.version + 5)) as LiveUpdate).kind).toBe('full')

    const full = liveRefreshes.full
    const view = await currentView()
    expect(liveRefreshes.full).toBe(full + 1)
    expect((await searchOneCorpus(view, params('vandermoss'))).total).toBe(2)
    await expectSameAsFullCopy()
    // The log starts again from there: the next write reaches the reader as a change.
    const changes = liveRefreshes.changes
    await write('DELETE', 'live/refresh-d')
    expect((await searchOneCorpus(await currentView(), params('vandermoss'))).hits.map((hit) => hit.id)).toEqual(['live/refresh-e'])
    expect(liveRefreshes.changes).toBe(changes + 1)
  })

  it('pages a full copy: no answer carries much more than MAX_ANSWER_BYTES of articles, and the pages hold every article once', async () => {
    // Three rows of 5 MB each (as if three long articles): more than one page, and more than one RPC answer may carry.
    const big = (id: string) => JSON.stringify({ id, title: id, text: 'x'.repeat(5_000_000) })
    await runInDurableObject(segment(), (_instance, state) => {
      for (const id of ['live/page-1', 'live/page-2', 'live/page-3'])
        state.storage.sql.exec(`INSERT INTO articles (id, json, hash) VALUES (?, ?, '')`, id, big(id))
    })
    try {
      const seen: string[] = []
      let pages = 0
      for (let after: string | undefined = ''; after !== undefined; pages++) {
        const page = (await segment().articlesPage(after)) as { articles: { id: string }[]; next?: string }
        expect(JSON.stringify(page.articles).length).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 100_000)
        seen.push(...page.articles.map((article) => article.id))
        after = page.next
      }
      expect(pages).toBeGreaterThan(1)
      expect(seen.filter((id) => id.startsWith('live/page-'))).toEqual(['live/page-1', 'live/page-2', 'live/page-3'])
      expect(new Set(seen).size).toBe(seen.length)
      expect(seen).toEqual(((await segment().snapshot()) as LiveSnapshot).articles.map((article) => article.id))
    } finally {
      await runInDurableObject(segment(), (_instance, state) => void state.storage.sql.exec(`DELETE FROM articles WHERE id LIKE 'live/page-%'`))
    }
  })
})
