/**
 * npm run audit:lighthouse [-- --out docs/lighthouse.md]
 *
 * Lighthouse (performance, accessibility, best practices, SEO) on the pages a
 * person opens, under `wrangler dev` on loopback with Debian's Chromium
 * (CHROMIUM_PATH to use another): the demo, the results page, an article page,
 * an entity page when the build has entities, the map when there is one, the API
 * docs, and a host page on another origin with the widget. Phone (Lighthouse's default: Moto G emulation, simulated slow 4G) and
 * desktop. Writes the table, with the date and the machine, to the --out file.
 */
import { writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import lighthouse, { desktopConfig, type Flags } from 'lighthouse'
import { chromium } from 'playwright-core'
import { printTable } from './lib/table'
import { startHost } from './lib/host-page'
import { freePort, startWranglerDev } from './lib/wrangler-dev'

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/lighthouse.md' } } })
  const server = await startWranglerDev()
  const host = await startHost({
    '/': `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A host site</title><meta name="description" content="A newspaper's page with the News Edge search widget."></head><body><main><h1>Our newspaper</h1><p>Search our news:</p>
      <script src="${server.origin}/embed.js" data-mount data-placeholder="Search our news"></script></main></body></html>`,
  })
  const debuggingPort = await freePort()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      `--remote-debugging-port=${debuggingPort}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const pages = await pagesToAudit(server.origin)
    const rows: string[][] = []
    for (const [name, path] of [...pages, ['host page with the widget', `${host.origin}/`] as [string, string]]) {
      for (const formFactor of ['phone', 'desktop'] as const) {
        const flags: Flags = { port: debuggingPort, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }
        const url = path.startsWith('http') ? path : `${server.origin}${path}`
        const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined)
        if (!result) throw new Error(`Lighthouse gave no result for ${path}`)
        const scores = CATEGORIES.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100))
        rows.push([name, path.startsWith('http') ? 'another origin' : `\`${path}\``, formFactor, ...scores.map(String)])
        console.log(`  ${formFactor.padEnd(7)} ${path}: ${scores.join(' / ')}`)
      }
    }
    const header = ['page', 'path', 'device', ...CATEGORIES]
    printTable('Lighthouse scores (0–100)', header, rows)
    const machine = `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`
    writeFileSync(
      values.out,
      [
        '# Lighthouse',
        '',
        `Written by \`npm run audit:lighthouse\` on ${new Date().toISOString().slice(0, 10)} (${machine}), against \`wrangler dev\` on loopback with the bundled corpus.`,
        "Phone is Lighthouse's default mobile run (emulated Moto G, simulated slow 4G and 4× CPU slowdown); desktop its desktop preset.",
        "Performance is simulated from one trace, so it moves a few points with the machine's load; accessibility, best practices and SEO do not.",
        '',
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.join(' | ')} |`),
        '',
      ].join('\n'),
    )
    console.log(`wrote ${values.out}`)
    return 0
  } finally {
    await browser.close()
    await host.stop()
    await server.stop()
  }
}

/** The pages, with a real article (and entity, where the build has them) of the served corpus. */
async function pagesToAudit(origin: string): Promise<[string, string][]> {
  const listing = (await (await fetch(`${origin}/api/articles?limit=1`)).json()) as { articles?: { id: string }[]; items?: { id: string }[] }
  const article = (listing.articles ?? listing.items ?? [])[0]
  const pages: [string, string][] = [
    ['demo', '/'],
    ['results', '/search?q=election'],
  ]
  if (article) pages.push(['article', `/articles/${article.id.split('/').map(encodeURIComponent).join('/')}`])
  const entities = await fetch(`${origin}/api/entities?limit=1&type=person`)
  if (entities.ok) {
    const first = ((await entities.json()) as { entities: { id: string }[] }).entities[0]
    if (first) pages.push(['entity', `/entities/${encodeURIComponent(first.id)}`])
  }
  if ((await fetch(`${origin}/map`)).ok) pages.push(['map', '/map'])
  pages.push(['API docs', '/docs'])
  return pages
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`audit:lighthouse failed: ${(error as Error).stack}`)
    process.exitCode = 1
  },
)
