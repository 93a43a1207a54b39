/**
 * The real instantsearch.js (npm, its production build) on a host page of
 * another origin, with News Edge's `/instantsearch-client.js` as its search
 * client: searchBox, hits with highlight, refinementList, pagination, stats.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowser, startHost, startWorker, type Browser, type Host, type Worker } from './servers'
import type { SearchResponse } from '../../src/search/response-schema'

const INSTANTSEARCH = readFileSync('node_modules/instantsearch.js/dist/instantsearch.production.min.js', 'utf8')

let worker: Worker
let host: Host
let browser: Browser
let page: Page

type SearchAnswer = SearchResponse

async function api(path: string): Promise<SearchAnswer> {
  const response = await fetch(`${worker.origin}${path}`)
  expect(response.status, path).toBe(200)
  return (await response.json()) as SearchAnswer
}

beforeAll(async () => {
  ;[worker, browser] = await Promise.all([startWorker(), startBrowser()])
  host = await startHost({
    '/': `<!DOCTYPE html><html lang="en"><head><title>InstantSearch host</title></head><body>
      <div id="searchbox"></div><div id="stats"></div><div id="places"></div><div id="hits"></div><div id="pagination"></div>
      <script>${INSTANTSEARCH}</script>
      <script type="module">
        import newsEdgeSearchClient from '${worker.origin}/instantsearch-client.js'
        const { searchBox, hits, refinementList, pagination, stats } = instantsearch.widgets
        const search = instantsearch({ indexName: 'articles', searchClient: newsEdgeSearchClient('${worker.origin}') })
        search.addWidgets([
          searchBox({ container: '#searchbox' }),
          stats({ container: '#stats' }),
          refinementList({ container: '#places', attribute: 'place' }),
          hits({ container: '#hits', templates: { item: (hit, { components }) => components.Highlight({ hit, attribute: 'title' }) } }),
          pagination({ container: '#pagination' }),
        ])
        search.start()
      </script></body></html>`,
  })
  page = await browser.context.newPage()
}, 150_000)

afterAll(async () => {
  await Promise.allSettled([browser?.stop(), host?.stop(), worker?.stop()])
})

describe('instantsearch.js with newsEdgeSearchClient', () => {
  it('searches, highlights, refines by place and pages through News Edge', async () => {
    const module = await fetch(`${worker.origin}/instantsearch-client.js`)
    expect(module.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    const answer = await api('/api/search?q=police&limit=20')
    await page.goto(host.origin)
    await page.locator('.ais-SearchBox-input').pressSequentially('police', { delay: 40 })
    const titles = page.locator('.ais-Hits-item')
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(answer.hits.map((hit) => hit.title))
    expect((await page.locator('.ais-Hits-item mark').first().textContent())?.toLowerCase()).toBe('police')
    await expect.poll(() => page.locator('.ais-Stats-text').textContent()).toContain(`${answer.total} results`)
    await page.screenshot({ path: 'test-artifacts/e2e/12-instantsearch.png', fullPage: true })

    const place = answer.facets.place![0]!
    const item = page.locator('.ais-RefinementList-item', { hasText: place.value }).first()
    expect(await item.locator('.ais-RefinementList-count').textContent()).toBe(String(place.count))
    await item.locator('input').check()
    const refined = await api(`/api/search?q=police&limit=20&place=${encodeURIComponent(place.value)}`)
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(refined.hits.map((hit) => hit.title))

    await item.locator('input').uncheck()
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(answer.hits.map((hit) => hit.title))
    const second = await api('/api/search?q=police&limit=20&offset=20')
    await page.locator('.ais-Pagination-item--nextPage a').click()
    await expect.poll(() => titles.allTextContents(), { timeout: 30_000 }).toEqual(second.hits.map((hit) => hit.title))
  })
})
