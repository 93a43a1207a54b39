import { performance } from 'node:perf_hooks'

/**
 * Write → searchable latency of the live segment, against a running Worker:
 *   INGEST_TOKEN=… npm run dev            (with the same token in .dev.vars)
 *   INGEST_TOKEN=… tsx bench/live.ts [http://127.0.0.1:8787] [rounds]
 * Each round publishes an article with a word no other article has, then searches for it until it is found;
 * prints p50/p99 of that time, then deletes what it published. Not run by the tests.
 */
const base = process.argv[2] ?? 'http://127.0.0.1:8787'
const rounds = Number(process.argv[3] ?? 200)
const token = process.env.INGEST_TOKEN
if (!token) throw new Error('Set INGEST_TOKEN to the token the Worker was started with.')
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }

/** A word of letters only (the tokenizer splits on digits), unique to this run and round. */
function uniqueWord(round: number): string {
  const letters = (n: number) => n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))
  return `zq${letters(Date.now() % 1e9)}x${letters(round)}`
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const latencies: number[] = []
const ids: string[] = []
for (let round = 0; round < rounds; round++) {
  const word = uniqueWord(round)
  const id = `bench/live-${round}`
  ids.push(id)
  const started = performance.now()
  const put = await fetch(`${base}/api/articles/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ title: `Bench article ${word}`, date: '2026-12-01', text: `A benchmark article about ${word}, published to measure how soon it is found.` }),
  })
  if (!put.ok) throw new Error(`PUT ${id}: ${put.status} ${await put.text()}`)
  // Another isolate may answer the search; poll until one that sees the write does.
  for (;;) {
    const found = (await (await fetch(`${base}/api/search?q=${word}`)).json()) as { total: number }
    if (found.total > 0) break
  }
  latencies.push(performance.now() - started)
}
for (const id of ids) await fetch(`${base}/api/articles/${encodeURIComponent(id)}`, { method: 'DELETE', headers })
latencies.sort((a, b) => a - b)
console.log(`write → searchable over ${rounds} rounds: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`)
