import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { bundledArticles, syntheticArticles } from './lib/corpus'
import { writeDocBlock } from './lib/doc-block'

/**
 * Write → searchable latency of the live segment, against a running Worker:
 *   INGEST_TOKEN=… npm run dev            (with the same token in .dev.vars)
 *   INGEST_TOKEN=… npm run bench:live -- [http://127.0.0.1:8787] [rounds] [--segment N] [--doc docs/live.md]
 * Each round publishes an article with a word no other article has, then searches for it until it is found;
 * prints p50/p99 of that time, then deletes what it published. `--segment N` first loads N articles
 * (synthetic, made of the built corpus's sentences; 100 per bulk request) so that the rounds run against a
 * segment of that size; they stay in the segment (use a throwaway `--persist-to`). `--doc` writes the figure
 * into that document's `bench:live` block. Not run by the tests.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { segment: { type: 'string', default: '0' }, doc: { type: 'string' } },
})
const base = positionals[0] ?? 'http://127.0.0.1:8787'
const rounds = Number(positionals[1] ?? 200)
const token = process.env.INGEST_TOKEN
if (!token) throw new Error('Set INGEST_TOKEN to the token the Worker was started with.')
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }

/** A word of letters only (the tokenizer splits on digits), unique to this run and round. */
function uniqueWord(round: number): string {
  const letters = (n: number) => n.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + parseInt(digit, 26)))
  return `zq${letters(Date.now() % 1e9)}x${letters(round)}`
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const segment = Number(values.segment)
if (segment > 0) {
  const started = performance.now()
  const articles = syntheticArticles(bundledArticles(), segment, { seed: 3, analyse: false }).map(({ id, title, date, text }) => ({
    id: `bench/segment/${id}`,
    title,
    date,
    text,
  }))
  for (let at = 0; at < articles.length; at += 100) {
    const response = await fetch(`${base}/api/articles`, { method: 'POST', headers, body: JSON.stringify({ articles: articles.slice(at, at + 100) }) })
    if (!response.ok) throw new Error(`POST /api/articles: ${response.status} ${await response.text()}`)
  }
  // The first search after the load builds the reader's copy whole: not a write → searchable figure.
  await fetch(`${base}/api/search?q=${uniqueWord(-1)}`)
  console.log(`loaded a ${segment}-article segment in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const loadAtStart = loadavg()
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
    body: JSON.stringify({
      title: `Bench article ${word}`,
      date: '2026-12-01',
      text: `A benchmark article about ${word}, published to measure how soon it is found.`,
    }),
  })
  if (!put.ok) throw new Error(`PUT ${id}: ${put.status} ${await put.text()}`)
  // Another isolate may answer the search; poll until one that sees the write does.
  for (;;) {
    const found = (await (await fetch(`${base}/api/search?q=${word}`)).json()) as { total: number }
    if (found.total > 0) break
  }
  latencies.push(performance.now() - started)
}
const loadAtEnd = loadavg()
for (const id of ids) await fetch(`${base}/api/articles/${encodeURIComponent(id)}`, { method: 'DELETE', headers })
latencies.sort((a, b) => a - b)
const load = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(', ')
const line = `\`npm run bench:live -- ORIGIN ${rounds}${segment > 0 ? ` --segment ${segment}` : ''}\` against \`wrangler dev\` (one writer, ${rounds} rounds, a segment of ${segment > 0 ? `${segment} articles and` : 'up to'} ${rounds} more; load average ${load(loadAtStart)} at the start, ${load(loadAtEnd)} at the end): write → searchable **p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms** (target: p99 under 1 s).`
console.log(`write → searchable over ${rounds} rounds: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`)
if (values.doc) writeDocBlock(values.doc, 'bench:live', line)
