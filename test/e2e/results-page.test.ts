/**
 * The results page in a real browser: the facet filter box narrows a long
 * list as one types (accents ignored) and opens its folded part; screenshots
 * at phone and desktop sizes in test-artifacts/e2e/.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowser, startWorker, type Browser, type Worker } from './servers'

const ARTIFACTS = 'test-artifacts/e2e'

let worker: Worker
let browser: Browser
let page: Page

beforeAll(async () => {
  ;[worker, browser] = await Promise.all([startWorker(), startBrowser()])
  page = await browser.context.newPage()
}, 150_000)

afterAll(async () => {
  await Promise.allSettled([browser?.stop(), worker?.stop()])
})

describe('results page', () => {
  it('filters a long facet list as one types, and shows how many values match', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${worker.origin}/search?q=police`)
    const section = page.locator('aside.facets section:has(input.facet-filter)').first()
    const box = section.locator('input.facet-filter')
    await expect(box.isVisible()).resolves.toBe(true)
    const values = await section.locator('li a').allTextContents()
    expect(values.length).toBeGreaterThan(10)
    // A value from the folded part, typed without its accents and in another case.
    const wanted = values.at(-1)!.trim()
    const typed = wanted
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toUpperCase()
      .slice(0, 6)
    await box.fill(typed)
    const visible = await section.locator('li:not([hidden]) a').allTextContents()
    expect(visible).toContain(wanted)
    expect(visible.length).toBeLessThan(values.length)
    for (const value of visible)
      expect(
        value
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toUpperCase(),
      ).toContain(typed)
    await expect(section.locator('details').getAttribute('open')).resolves.not.toBeNull()
    await expect(section.locator('.facet-filter-status').textContent()).resolves.toBe(`${visible.length} of ${values.length} shown`)
    await page.screenshot({ path: `${ARTIFACTS}/20-results-facet-filter-desktop.png`, fullPage: true })
    await box.fill('')
    expect(await section.locator('li:not([hidden])').count()).toBe(values.length)
  })

  it('puts the results before the filters on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${worker.origin}/search?q=election`)
    const firstHit = await page.locator('.hit').first().boundingBox()
    const filters = await page.locator('aside.facets').boundingBox()
    expect(firstHit!.y).toBeLessThan(844)
    expect(filters!.y).toBeGreaterThan(firstHit!.y)
    await page.screenshot({ path: `${ARTIFACTS}/21-results-phone.png`, fullPage: false })
  })
})
