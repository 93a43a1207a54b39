/**
 * axe-core in a real browser on each kind of page: no serious or critical
 * violation (WCAG 2 A/AA rules) on the demo, the results page, an article,
 * the docs, and a host page on another origin with the widget open.
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
