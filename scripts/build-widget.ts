/**
 * Bundles the `<news-search>` widget (src/widget/embed.ts) into one minified
 * classic script, `generated/embed.bundle`, which the Worker imports as text
 * and serves at `/embed.js`. Prints its raw and gzipped size and fails when the
 * gzipped size passes the budget, so the widget stays cheap to embed.
 *
 *   npm run build       # runs this after the index build
 */
import { resolve } from 'node:path'
import { bundleScript, kib } from './lib/bundle-script'

const GZIP_BUDGET = 15 * 1024

const bundled = await bundleScript(resolve('src/widget/embed.ts'), resolve('generated/embed.bundle'), 'iife')
console.log(`built ${bundled.path}: widget ${kib(bundled.bytes)} raw, ${kib(bundled.gzippedBytes)} gzipped (budget ${kib(GZIP_BUDGET)})`)
if (bundled.gzippedBytes > GZIP_BUDGET) {
  console.error(`build failed: the widget is ${kib(bundled.gzippedBytes)} gzipped, over its ${kib(GZIP_BUDGET)} budget.`)
  process.exitCode = 1
}
