/**
 * `wrangler dev` as the scripts, benchmarks and browser tests start it: on
 * 127.0.0.1 and free ports, offline-safe, in its own process group (stopping it
 * stops workerd too), ready once a readiness path answers 2xx.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export type WranglerDevOptions = {
  /** `-c` configs, the first one exposed on the port (default: wrangler.toml). */
  configs?: readonly string[]
  /** Where Durable Objects, caches and rate limits keep their state (`--persist-to`). */
  persistTo?: string
  /** `--var NAME:VALUE`: the Worker reads only these and .dev.vars, not the shell's environment. */
  vars?: Readonly<Record<string, string>>
  /** Answers 2xx once the Worker is ready. */
  readyPath?: string
  timeoutMs?: number
  /** `inherit` prints wrangler's output; `collect` keeps it for `output()`. */
  stdio?: 'inherit' | 'collect'
  logLevel?: 'warn' | 'error' | 'info'
}

export type WranglerDev = {
  origin: string
  /** SIGTERM to the process group, SIGKILL if it lingers. */
  stop: () => Promise<void>
  /** SIGKILL to wrangler and workerd at once, as a crash would. */
  kill: () => Promise<void>
  output: () => string
  process: ChildProcess
}

export async function startWranglerDev({
  configs = [],
  persistTo,
  vars = {},
  readyPath = '/api/health',
  timeoutMs = 180_000,
  stdio = 'collect',
  logLevel = 'warn',
}: WranglerDevOptions = {}): Promise<WranglerDev> {
  const port = await freePort()
  const inspectorPort = await freePort()
  const args = [
    'wrangler',
    'dev',
    ...configs.flatMap((config) => ['-c', config]),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    ...(persistTo ? ['--persist-to', persistTo] : []),
    ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
    '--log-level',
    logLevel,
    '--show-interactive-dev-session=false',
  ]
  const child = spawn('npx', args, {
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', CI: '1' },
    detached: true,
    stdio: stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const origin = `http://127.0.0.1:${port}`
  const server: WranglerDev = { origin, stop: () => endGroup(child, 'SIGTERM'), kill: () => endGroup(child, 'SIGKILL'), output: () => output, process: child }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(`${origin}${readyPath}`)).ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  await server.stop()
  throw new Error(`wrangler dev did not answer ${origin}${readyPath} within ${timeoutMs / 1000} s (exit code ${child.exitCode}):\n${output}`)
}

async function endGroup(child: ChildProcess, first: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // already gone
    }
  }
  signal(first)
  const timer = setTimeout(() => signal('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
