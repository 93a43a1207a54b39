/** What the browser tests run against: the Worker under `wrangler dev`, a host page on another origin, and Chromium. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev'

export { startHost, type Host } from '../../scripts/lib/host-page'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export type Worker = { origin: string; stop: () => Promise<void>; output: () => string }

/** `wrangler dev` on free ports with its own state folder, ready once `/api/health` answers. */
export async function startWorker(timeoutMs = 90_000): Promise<Worker> {
  const state = mkdtempSync(join(tmpdir(), 'news-edge-e2e-state-'))
  const server = await startWranglerDev({ persistTo: state, timeoutMs }).catch((error: unknown) => {
    rmSync(state, { recursive: true, force: true })
    throw error
  })
  const stop = async () => {
    await server.stop()
    rmSync(state, { recursive: true, force: true })
  }
  return { origin: server.origin, stop, output: server.output }
}

export type Browser = { context: BrowserContext; stop: () => Promise<void> }

/** Headless Debian Chromium with a throwaway profile and nothing that phones home. */
export async function startBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'news-edge-e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  })
  return {
    context,
    stop: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
