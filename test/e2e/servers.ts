/** What the browser tests run against: the Worker under `wrangler dev`, a host page on another origin, and Chromium. */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev'

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

export type Host = { origin: string; stop: () => Promise<void> }

/** A plain web server on another port (so another origin) serving the given pages. */
export async function startHost(pages: Record<string, string>): Promise<Host> {
  const server: Server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://host').pathname]
    response.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(page ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  })
  return {
    context,
    stop: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
