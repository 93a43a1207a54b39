/**
 * `npm run load`: drives the Worker under `wrangler dev` on loopback with
 * autocannon (10,000 requests over 64 connections by default) with a mix of
 * what a public endpoint gets: searches, article reads, summaries, facts,
 * extraction, revalidations, preflights and bad requests. Prints the status
 * codes and latency percentiles; exits 1 on any connection error or 5xx.
 * Builds nothing: run `npm run build` first (or give a running server).
 *
 *   npm run load                                  # starts wrangler dev on a free port, stops it at the end
 *   npm run load -- --url http://127.0.0.1:8787   # a server that is already running (loopback only)
 *   npm run load -- --amount 2000 --connections 16
 */
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { startWranglerDev, type WranglerDev } from './lib/wrangler-dev'

const { values } = parseArgs({
  options: { url: { type: 'string' }, amount: { type: 'string', default: '10000' }, connections: { type: 'string', default: '64' } },
})
const amount = Number(values.amount)
const connections = Number(values.connections)

/** Requests come from this many client IPs (CF-Connecting-IP), as from a crowd, not from one abuser. */
const CLIENT_IPS = 256
const QUERIES = [
  'Balochistan',
  'election',
  'president',
  'earthquake',
  'football',
  'climate change',
  'police',
  'minister',
  'Obama',
  'flood',
  'court ruling',
  'oil price',
]

async function main(): Promise<number> {
  let server: WranglerDev | undefined
  let base = values.url
  if (base) {
    const host = new URL(base).hostname
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`--url must be on loopback (got ${host}): this drives real load.`)
  } else {
    console.log('starting wrangler dev on a free port of 127.0.0.1')
    server = await startWranglerDev({ stdio: 'inherit' })
    base = server.origin
  }
  try {
    await waitUntilUp(base)
    const ids = await articleIds(base)
    console.log(`driving ${base}: ${amount} requests over ${connections} connections, ${ids.length} known article ids`)
    const result = await autocannon({
      url: base,
      amount,
      connections,
      timeout: 30,
      requests: mix(ids),
    })
    return report(result)
  } finally {
    await server?.stop()
  }
}

type PlannedRequest = { method: string; path: string; headers?: Record<string, string>; body?: string }

/** One cycle of what each connection sends, in proportion: mostly searches, some of everything else. */
function mix(ids: string[]) {
  const id = (i: number) => ids[i % ids.length]!
  const article = (i: number) => `/api/articles/${encodeURIComponent(id(i))}`
  const json = { 'Content-Type': 'application/json' }
  const cycle: PlannedRequest[] = [
    ...QUERIES.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` })),
    ...QUERIES.slice(0, 6).map((q, i) => ({
      method: 'GET',
      path: `/api/search?q=${encodeURIComponent(q)}&limit=20&offset=${i * 5}&sort=${i % 2 ? 'date' : 'relevance'}`,
    })),
    { method: 'GET', path: '/api/search?q=elction' },
    { method: 'GET', path: '/api/search?q=minister&from=2010-01-01&to=2020-12-31' },
    ...[0, 1, 2, 3, 4, 5].map((i) => ({ method: 'GET', path: article(i * 7) })),
    ...[0, 1, 2].map((i) => ({ method: 'GET', path: `${article(i * 11)}/summary?sentences=3` })),
    ...[0, 1, 2].map((i) => ({ method: 'GET', path: `${article(i * 13)}/facts` })),
    { method: 'GET', path: '/api/health' },
    {
      method: 'POST',
      path: '/api/extract',
      headers: json,
      body: JSON.stringify({
        text: 'QUETTA: Interior Minister Mohsin Naqvi said on Tuesday that 12 people were killed in Mastung. "We will not allow this," he said.',
        date: '2025-03-12',
      }),
    },
    { method: 'POST', path: '/api/extract', headers: json, body: JSON.stringify({ text: 'The council voted on Monday to close the bridge for repairs.' }) },
    // Revalidation and preflight, as browsers send them.
    { method: 'GET', path: '/api/search?q=Balochistan', headers: { 'If-None-Match': '*' } },
    { method: 'OPTIONS', path: '/api/search', headers: { Origin: 'https://site.example', 'Access-Control-Request-Method': 'GET' } },
    // Bad requests: each must be a 4xx.
    { method: 'GET', path: `/api/search?q=${'x'.repeat(600)}` },
    { method: 'GET', path: '/api/search?q=news&limit=0' },
    { method: 'GET', path: '/api/search?q=a&q=b' },
    { method: 'GET', path: '/api/articles/no-such-article' },
    { method: 'GET', path: '/api/articles/%E0%A4%A' },
    { method: 'DELETE', path: '/api/search?q=x' },
    { method: 'POST', path: '/api/extract', headers: { 'Content-Type': 'text/plain' }, body: 'plain text' },
    { method: 'POST', path: '/api/extract', headers: json, body: '{"text": "unterminated' },
    { method: 'GET', path: '/api/nope' },
  ]
  let next = 0
  return cycle.map((request): autocannon.Request => ({
    method: request.method as autocannon.Request['method'],
    path: request.path,
    ...(request.body ? { body: request.body } : {}),
    setupRequest: (raw) => ({ ...raw, headers: { ...request.headers, 'CF-Connecting-IP': `10.0.${(next = (next + 1) % CLIENT_IPS)}.1` } }),
  }))
}

function report(result: autocannon.Result): number {
  const byStatus = Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [Number(code), Number(count)] as const)
  const serverErrors = byStatus.filter(([code]) => code >= 500).reduce((sum, [, count]) => sum + count, 0)
  const { latency } = result
  console.log(`requests: ${result.requests.total} in ${result.duration.toFixed(1)} s (${result.requests.average.toFixed(0)}/s on average)`)
  console.log(`status codes: ${byStatus.map(([code, count]) => `${code}×${count}`).join(', ')}`)
  console.log(`latency ms: p50 ${latency.p50}, p90 ${latency.p90}, p97.5 ${latency.p97_5}, p99 ${latency.p99}, max ${latency.max}`)
  console.log(`errors: ${result.errors} (timeouts ${result.timeouts}), 5xx: ${serverErrors}`)
  const ok = result.errors === 0 && result.timeouts === 0 && serverErrors === 0
  console.log(ok ? 'PASS: no errors, no 5xx' : 'FAIL: errors or 5xx above')
  return ok ? 0 : 1
}

async function articleIds(base: string): Promise<string[]> {
  const ids = new Set<string>()
  for (const q of QUERIES.slice(0, 4)) {
    const response = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&limit=20`)
    for (const hit of ((await response.json()) as { hits: Array<{ id: string }> }).hits) ids.add(hit.id)
  }
  if (ids.size === 0) throw new Error('the server found no articles: is the bundle built (npm run build)?')
  return [...ids]
}

/** A server given by --url may still be starting. */
async function waitUntilUp(base: string) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${base} did not answer /api/health within 3 minutes`)
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`load failed: ${(error as Error).message}`)
    process.exit(1)
  },
)
