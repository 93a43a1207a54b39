/**
 * The product as a site owner and a reader meet it, in a real browser: a host
 * page on another origin embeds the widget with one script tag; the reader
 * searches, moves with the keyboard, opens the article page, picks a fact;
 * a developer reads the docs. Screenshots go to test-artifacts/e2e/.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../scripts/lib/wrangler-dev'
import { startBrowser, startHost, startWorker, type Browser, type Host, type Worker } from './servers'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'
const ARTIFACTS = 'test-artifacts/e2e'

let worker: Worker
let host: Host
let browser: Browser
let page: Page

type SearchAnswer = {
  total: number
  hits: Array<{ id: string; title: string }>
  suggestion?: string
  correctedQuery?: string
  facets?: Record<string, Array<{ value: string; count: number }>>
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${worker.origin}${path}`)
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

/** Runs in the page: the test's own types have no DOM, so the page's globals are described here. */
const backgroundOf = (element: unknown) =>
  (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor

const screenshot = (name: string, fullPage = true) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage })

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  const deadApi = `http://127.0.0.1:${await freePort()}`
  ;[worker, browser] = await Promise.all([startWorker(), startBrowser()])
  host = await startHost({
    '/': `<!DOCTYPE html><html lang="en"><head><title>A host site</title></head><body>
      <h1>A local newspaper</h1>
      <script src="${worker.origin}/embed.js" data-mount data-placeholder="Search our news" data-limit="5"></script>
      <p>Host content below the widget.</p></body></html>`,
    '/own-links': `<!DOCTYPE html><html lang="en"><head><title>Own links</title></head><body>
      <script src="${worker.origin}/embed.js"></script>
      <news-search api="${worker.origin}" link-template="${'/story?id={id}'}"></news-search></body></html>`,
    '/down': `<!DOCTYPE html><html lang="en"><head><title>API down</title></head><body>
      <script src="${worker.origin}/embed.js"></script>
      <news-search api="${deadApi}"></news-search></body></html>`,
  })
  page = await browser.context.newPage()
}, 150_000)

afterAll(async () => {
  await Promise.allSettled([browser?.stop(), host?.stop(), worker?.stop()])
})

describe('the widget embedded on another origin', () => {
  it('mounts from one script tag on a page of another origin', async () => {
    expect(new URL(host.origin).port).not.toBe(new URL(worker.origin).port)
    await page.goto(host.origin)
    const box = page.getByRole('combobox', { name: 'Search the news' })
    await expect.poll(() => box.getAttribute('placeholder')).toBe('Search our news')
    expect(await box.getAttribute('aria-expanded')).toBe('false')
    // Mounted right after the script tag, before the host's next paragraph.
    expect(await page.evaluate('document.querySelector("script + news-search + p") !== null')).toBe(true)
  })

  it('searches as you type: "Balochistan" shows the seed article first, highlighted, with facet chips', async () => {
    const seed = await api<{ title: string }>(`/api/articles/${encodeURIComponent(SEED_ID)}`)
    const answer = await api<SearchAnswer>('/api/search?q=Balochistan&limit=5')
    expect(answer.hits[0]?.id).toBe(SEED_ID)

    const box = page.getByRole('combobox')
    await box.pressSequentially('Balochistan', { delay: 40 })
    const options = page.getByRole('option')
    await expect.poll(() => options.count(), { timeout: 30_000 }).toBe(answer.hits.length)
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    const listbox = page.getByRole('listbox')
    expect(await box.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'))

    const first = options.first()
    expect(await first.locator('.title').textContent()).toBe(seed.title)
    expect(await first.locator('mark').first().textContent()).toMatch(/^Balochistan$/i)
    expect(await first.getAttribute('data-href')).toBe(`${worker.origin}/articles/seed/000_7b2b9cd25cf26eb6`)

    const facetValues = Object.values(answer.facets ?? {}).flat()
    const chips = page.locator('news-search .chip')
    if (facetValues.length > 0) {
      await expect.poll(() => chips.count()).toBeGreaterThan(0)
      const firstChip = (await chips.first().textContent()) ?? ''
      expect(facetValues.some(({ value, count }) => firstChip === `${value} (${count})`)).toBe(true)
    } else {
      expect(await chips.count()).toBe(0)
    }
    await screenshot('1-host-page-results')
  })

  it('narrows the results with a facet chip, keeping the focus in the search box', async () => {
    const answer = await api<SearchAnswer>('/api/search?q=Balochistan&limit=5')
    const person = answer.facets?.person?.[0]
    expect(person, 'the seed names people').toBeDefined()
    const chip = page.locator('news-search .chip', { hasText: `${person!.value} (${person!.count})` })
    const [request] = await Promise.all([
      page.waitForRequest((request) => new URL(request.url()).searchParams.getAll('person').includes(person!.value)),
      chip.click(),
    ])
    const filtered = await api<SearchAnswer>(`/api/search?${new URL(request.url()).searchParams}`)
    await expect.poll(() => page.locator('news-search .chip[aria-pressed="true"]').textContent()).toBe(`${person!.value} ×`)
    await expect.poll(() => page.getByRole('option').count()).toBe(filtered.hits.length)
    expect(filtered.hits[0]?.id).toBe(SEED_ID)
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('NEWS-SEARCH')
    // Tab reaches the chips, after the results, without closing them.
    const focusedClass = () => page.evaluate('document.querySelector("news-search").shadowRoot.activeElement?.className')
    await page.getByRole('combobox').press('Tab')
    if ((await focusedClass()) === 'see-all') await page.keyboard.press('Tab')
    expect(await focusedClass()).toBe('chip')
    expect(await page.getByRole('listbox').isVisible()).toBe(true)
  })

  it('moves through the results with the arrow keys and opens the active one with Enter', async () => {
    const box = page.getByRole('combobox')
    const options = page.getByRole('option')
    const count = await options.count()
    await box.press('ArrowDown')
    const firstId = await options.first().getAttribute('id')
    expect(await box.getAttribute('aria-activedescendant')).toBe(firstId)
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    if (count > 1) {
      await box.press('ArrowDown')
      expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'))
      await box.press('ArrowUp')
      expect(await box.getAttribute('aria-activedescendant')).toBe(firstId)
    }
    await Promise.all([page.waitForURL(`${worker.origin}/articles/seed/000_7b2b9cd25cf26eb6`), box.press('Enter')])
  })
})

describe('the article page', () => {
  it('shows the title, summary, and the quotes with their speakers', async () => {
    const article = await api<{ title: string; summary: { text: string } }>(`/api/articles/${encodeURIComponent(SEED_ID)}`)
    const facts = await api<{ quotes: Array<{ text: string; speaker?: string }> }>(`/api/articles/${encodeURIComponent(SEED_ID)}/facts`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(article.title)
    expect(await page.locator('#summary-heading + p').textContent()).toBe(article.summary.text)

    // The seed's first quote, by the spokesperson, as the facts API and the page both give it.
    const mourn = facts.quotes.find((quote) => quote.text.startsWith('We mourn for the lives lost'))
    expect(mourn?.speaker).toBe('Lin Jian')
    const items = page.locator('.quotes li')
    expect(await items.count()).toBe(facts.quotes.length)
    const item = items.filter({ hasText: 'We mourn for the lives lost' })
    expect(await item.locator('blockquote').textContent()).toBe(`“${mourn!.text}”`)
    expect(await item.locator('.speaker').textContent()).toBe('— Lin Jian')
    await screenshot('2-article-page')
  })

  it('highlights a chosen fact in the text (CSS :target, no script)', async () => {
    const link = page.locator('.quotes li', { hasText: 'We mourn for the lives lost' }).locator('a')
    const target = (await link.getAttribute('href'))!
    const mark = page.locator(`mark${target}`)
    const before = await mark.evaluate(backgroundOf)
    await link.click()
    expect(new URL(page.url()).hash).toBe(target)
    expect(await mark.textContent()).toContain('We mourn for the lives lost')
    await expect.poll(() => mark.evaluate(backgroundOf)).not.toBe(before)
    await screenshot('3-article-fact-highlighted')
  })
})

describe('the widget states', () => {
  it('shows the results of the correction the API made, searches the words as typed with one press, then offers the did-you-mean', async () => {
    const answer = await api<SearchAnswer>('/api/search?q=Balochistn&limit=8')
    expect(answer.correctedQuery).toBe('Balochistan')
    const asTyped = await api<SearchAnswer>('/api/search?q=Balochistn&limit=8&autocorrect=false')
    expect(asTyped.suggestion).toBe('Balochistan')
    await page.goto(`${host.origin}/own-links`)
    const box = page.getByRole('combobox')
    await box.pressSequentially('Balochistn', { delay: 40 })
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 30_000 })
      .toContain('Showing results for Balochistan. Search instead for Balochistn.')
    await expect.poll(() => page.getByRole('option').first().locator('.title').textContent()).toContain('Balochistan')
    await screenshot('5-widget-corrected-query')
    // The words as typed: the API keeps them, and its did-you-mean is one press away.
    await page.getByRole('button', { name: 'Balochistn' }).click()
    const button = page.getByRole('button', { name: 'Did you mean Balochistan?' })
    await button.click({ timeout: 30_000 })
    expect(await box.inputValue()).toBe('Balochistan')
    await expect.poll(() => page.getByRole('option').first().locator('.title').textContent()).toContain('Balochistan')
    // The host's own link template, with the id URL-encoded.
    expect(await page.getByRole('option').first().getAttribute('data-href')).toBe(`/story?id=${encodeURIComponent(SEED_ID)}`)
  })

  it('says so when nothing matches', async () => {
    const answer = await api<SearchAnswer>('/api/search?q=zzqxvw')
    expect(answer.total).toBe(0)
    const box = page.getByRole('combobox')
    await box.fill('zzqxvw')
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('No results for “zzqxvw”.')
    expect(await page.getByRole('option').count()).toBe(0)
    expect(await box.getAttribute('aria-expanded')).toBe('false')
  })

  it('shows an error with a retry when the API cannot be reached', async () => {
    await page.goto(`${host.origin}/down`)
    await page.getByRole('combobox').fill('Balochistan')
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Search is unavailable right now')
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1)
    await screenshot('4-widget-api-down')
  })
})

describe('the widget on the page', () => {
  const shadow = (selector: string) => `document.querySelector("news-search").shadowRoot.querySelector(${JSON.stringify(selector)})`
  const box = (selector: string) =>
    page.evaluate(`(() => { const r = ${selector}.getBoundingClientRect(); return { top: r.top, width: r.width } })()`) as Promise<{
      top: number
      width: number
    }>

  it('floats over the host page at one width, and links to all the results on the results page', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(host.origin)
    const paragraph = 'document.querySelector("news-search + p")'
    const before = await box(paragraph)
    const widthBefore = (await box('document.querySelector("news-search")')).width
    const answer = await api<SearchAnswer>('/api/search?q=police&limit=5')
    expect(answer.total).toBeGreaterThan(5)
    await page.getByRole('combobox').pressSequentially('police', { delay: 40 })
    await expect.poll(() => page.getByRole('option').count(), { timeout: 30_000 }).toBe(5)
    expect(await box(paragraph)).toEqual(before)
    expect((await box(shadow('.panel'))).width).toBe(widthBefore)
    const seeAll = page.getByRole('link', { name: `See all ${answer.total} results` })
    expect(await seeAll.getAttribute('href')).toBe(`${worker.origin}/search?q=police`)
    await screenshot('6-widget-overlay-see-all', false)
    await Promise.all([page.waitForURL(`${worker.origin}/search?q=police`), seeAll.click()])
    expect(await page.locator('.stats').textContent()).toBe(`1–10 of ${answer.total} results for “police”`)
    await screenshot('7-results-page-desktop')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot('8-results-page-phone')
  })

  it('Escape closes the results first and clears the query second', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(host.origin)
    const input = page.getByRole('combobox')
    await input.pressSequentially('police', { delay: 40 })
    await expect.poll(() => page.getByRole('option').count(), { timeout: 30_000 }).toBe(5)
    await input.press('Escape')
    expect(await input.inputValue()).toBe('police')
    expect(await page.getByRole('listbox').isVisible()).toBe(false)
    expect(await input.getAttribute('aria-expanded')).toBe('false')
    await input.press('Escape')
    expect(await input.inputValue()).toBe('')
  })

  it('on a phone shows the results first and the filters behind a toggle', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(host.origin)
    await page.getByRole('combobox').pressSequentially('police', { delay: 40 })
    await expect.poll(() => page.getByRole('option').count(), { timeout: 30_000 }).toBe(5)
    const toggle = page.getByRole('button', { name: 'Filters' })
    expect(await page.locator('news-search .chip').first().isVisible()).toBe(false)
    expect((await box(shadow('li'))).top).toBeLessThan(200)
    await screenshot('9-widget-phone', false)
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await page.locator('news-search .chip').first().isVisible()).toBe(true)
    await screenshot('10-widget-phone-filters', false)
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('says which filter is on when nothing matches, with one press to remove it', async () => {
    await page.goto(host.origin)
    const input = page.getByRole('combobox')
    await input.pressSequentially('police', { delay: 40 })
    const chip = page.locator('news-search .chip').first()
    await expect.poll(() => chip.count(), { timeout: 30_000 }).toBe(1)
    const value = ((await chip.textContent()) ?? '').replace(/ \(\d+\)$/, '')
    await chip.click()
    await expect.poll(() => page.locator('news-search .chip[aria-pressed="true"]').count()).toBe(1)
    await input.fill('zzqxvw')
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toBe(`No results for “zzqxvw” with filter ${value} — remove`)
    await screenshot('11-widget-empty-with-filter', false)
    await page.getByRole('button', { name: 'remove' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('No results for “zzqxvw”.')
  })

  it('keeps highlighted words dark on their mark in a dark theme', async () => {
    await page.goto(host.origin)
    await page.evaluate(
      'document.querySelector("news-search").setAttribute("style", "--news-search-accent: #9ecbff; --news-search-background: #111; --news-search-color: #eee")',
    )
    await page.getByRole('combobox').pressSequentially('police', { delay: 40 })
    await expect.poll(() => page.getByRole('option').count(), { timeout: 30_000 }).toBe(5)
    const colours = await page.evaluate(
      `(() => { const m = ${shadow('.title mark')} ?? ${shadow('mark')}; const s = getComputedStyle(m); return [s.color, s.backgroundColor] })()`,
    )
    expect(colours).toEqual(['rgb(31, 31, 31)', 'rgb(253, 230, 138)'])
  })
})

describe('the demo site', () => {
  it('runs the widget on its own origin, linking to its article pages and the docs', async () => {
    await page.goto(worker.origin)
    expect(await page.locator('a[href="/docs"]').count()).toBeGreaterThan(0)
    await page.getByRole('combobox').fill('Balochistan')
    await expect
      .poll(() => page.getByRole('option').first().getAttribute('data-href'), { timeout: 30_000 })
      .toBe(`${worker.origin}/articles/seed/000_7b2b9cd25cf26eb6`)
    await screenshot('0-demo-page', false)
  })
})

describe('the docs', () => {
  it('load the OpenAPI document and send a request from its form', async () => {
    await page.goto(`${worker.origin}/docs`)
    const spec = (await page.evaluate("fetch('/openapi.json').then((response) => response.json())")) as { openapi: string; paths: Record<string, unknown> }
    expect(spec.openapi).toBe('3.1.0')
    expect(Object.keys(spec.paths)).toContain('/api/search')
    const search = page.locator('section.operation', { has: page.locator('h2', { hasText: '/api/search' }) }).first()
    expect(await search.count()).toBe(1)
    await search.locator('input[name="q"]').fill('Balochistan')
    await search.getByRole('button', { name: 'Send GET' }).click()
    await expect.poll(() => search.locator('output').textContent(), { timeout: 30_000 }).toContain(SEED_ID)
    expect(await search.locator('output').textContent()).toMatch(/^200 application\/json/)
    // The POST form too: the docs page is the API's own origin.
    const extract = page.locator('section.operation', { has: page.locator('h2', { hasText: '/api/extract' }) }).first()
    await extract.getByRole('button', { name: 'Send POST' }).click()
    await expect.poll(() => extract.locator('output').textContent(), { timeout: 30_000 }).toMatch(/^200 application\/json[^]*"facts"/)
    // The docs page is very long: its first screen is enough.
    await screenshot('5-docs', false)
  })
})
