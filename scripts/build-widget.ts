/**
 * Bundles the `<news-search>` widget (src/widget/embed.ts) into one minified
 * classic script, `generated/embed.bundle`, which the Worker imports as text
 * and serves at `/embed.js`. Prints its raw and gzipped size and fails when the
 * gzipped size passes the budget, so the widget stays cheap to embed.
 *
 *   npm run build       # runs this after the index build
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const ENTRY = resolve('src/widget/embed.ts')
const OUTPUT = resolve(process.env.WIDGET_PATH ?? 'generated/embed.bundle')
const GZIP_BUDGET = 15 * 1024

async function main(): Promise<number> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2022'],
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  })
  const code = result.outputFiles[0]!.contents
  const gzipped = gzipSync(code, { level: 9 }).length
  mkdirSync(dirname(OUTPUT), { recursive: true })
  writeFileSync(OUTPUT, code)
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
  console.log(`built ${OUTPUT}: widget ${kib(code.length)} raw, ${kib(gzipped)} gzipped (budget ${kib(GZIP_BUDGET)})`)
  if (gzipped > GZIP_BUDGET) {
    console.error(`build failed: the widget is ${kib(gzipped)} gzipped, over its ${kib(GZIP_BUDGET)} budget.`)
    return 1
  }
  return 0
}

process.exitCode = await main()
