/** What the browser tests run against: the Worker under `wrangler dev`, a host page on another origin, and Chromium. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type Worker = { origin: string; stop: () => Promise<void>; output: () => string }

/**
 * `wrangler dev` on free ports with its own state folder, ready once `/api/health` answers.
 * `configs`: the Worker configs to serve together (a sharded build's front first); none is wrangler.toml.
 */
export async function startWorker(timeoutMs = 90_000, configs: readonly string[] = []): Promise<Worker> {
  const port = await freePort()
  const inspectorPort = await freePort()
  const state = mkdtempSync(join(tmpdir(), 'news-edge-e2e-state-'))
  const child = spawn(
    'npx',
    ['wrangler', 'dev', ...configs.flatMap((config) => ['-c', config]), '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', state, '--log-level', 'warn', '--show-interactive-dev-session=false'],
    { env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const origin = `http://127.0.0.1:${port}`
  const stop = async () => {
    await stopProcessGroup(child)
    rmSync(state, { recursive: true, force: true })
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(`${origin}/api/health`)
      if (response.ok) return { origin, stop, output: () => output }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  await stop()
  throw new Error(`wrangler dev did not become healthy on ${origin}:\n${output}`)
}

/** SIGTERM to wrangler and the workerd it started (its own process group), SIGKILL if it lingers. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // already gone
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
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
