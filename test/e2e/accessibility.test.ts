/**
 * axe-core in a real browser on each kind of page: no serious or critical
 * violation (WCAG 2 A/AA rules) on the demo, the results page, an article,
 * the docs, an entity page (with its chart and map), the map of places, and
 * a host page on another origin with the widget open. The entity and map
 * pages are also photographed at phone and desktop sizes (test-artifacts/e2e/).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowser, startHost, startWorker, type Browser, type Host, type Worker } from './servers'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

let worker: Worker
let host: Host
let browser: Browser
let page: Page

beforeAll(async () => {
  ;[worker, browser] = await Promise.all([startWorker(), startBrowser()])
  host = await startHost({
    '/': `<!DOCTYPE html><html lang="en"><head><title>A host site</title></head><body><main>
      <h1>A local newspaper</h1>
      <script src="${worker.origin}/embed.js" data-mount data-placeholder="Search our news"></script>
      <p>Host content below the widget.</p></main></body></html>`,
  })
  page = await browser.context.newPage()
}, 150_000)

afterAll(async () => {
  await Promise.allSettled([browser?.stop(), host?.stop(), worker?.stop()])
})

/** The serious and critical violations on the page as it is now, each with the elements it was found on. */
async function seriousViolations() {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
}

describe('axe-core finds no serious or critical violation', () => {
  for (const [name, path] of [
    ['the demo page', '/'],
    ['the results page', '/search?q=police&place=London'],
    ['the results page without words', '/search'],
    ['a bad search', '/search?q=police&page=0'],
    ['an article page', `/articles/${SEED_ID}`],
    ['the docs', '/docs'],
    ['a person’s entity page', '/entities/person-lin-jian'],
    ['a place’s entity page with its map', '/entities/place-balochistan'],
    ['the map of places', '/map'],
    ['the map of places for a date range', '/map?from=2019-08-01&to=2019-12-31'],
  ]) {
    it(`on ${name}`, async () => {
      await page.goto(`${worker.origin}${path}`)
      expect(await seriousViolations()).toEqual([])
    })
  }

  it('on a host page with the widget showing results', async () => {
    await page.goto(host.origin)
    await page.getByRole('combobox').pressSequentially('police', { delay: 40 })
    await expect.poll(() => page.getByRole('option').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await seriousViolations()).toEqual([])
  })
})

describe('every kind of page at phone and desktop sizes', () => {
  const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } }
  for (const [name, path] of [
    ['demo', '/'],
    ['results', '/search?q=police'],
    ['article', `/articles/${SEED_ID}`],
    ['docs', '/docs'],
    ['entity-person', '/entities/person-lin-jian'],
    ['entity-place', '/entities/place-balochistan'],
    ['map', '/map'],
  ]) {
    for (const [size, viewport] of Object.entries(sizes)) {
      it(`${name} fits a ${size} screen: no sideways scrolling, its SVGs drawn`, async () => {
        await page.setViewportSize(viewport)
        await page.goto(`${worker.origin}${path}`)
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
        expect(overflow).toBeLessThanOrEqual(0)
        for (const svg of await page.locator('svg[role=img]').all()) expect((await svg.boundingBox())!.width).toBeGreaterThan(200)
        await page.screenshot({ path: `test-artifacts/e2e/20-${name}-${size}.png`, fullPage: true })
      })
    }
  }
})
