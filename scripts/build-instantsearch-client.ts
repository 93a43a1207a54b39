/**
 * Bundles the InstantSearch search client (src/widget/instantsearch-client.ts)
 * into one minified ES module, `generated/instantsearch-client.bundle`, which
 * the Worker imports as text and serves at `/instantsearch-client.js`.
 *
 *   npm run build       # runs this after the widget build
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const ENTRY = resolve('src/widget/instantsearch-client.ts')
const OUTPUT = resolve('generated/instantsearch-client.bundle')

const result = await build({
  entryPoints: [ENTRY],
  bundle: true,
  format: 'esm',
  minify: true,
  target: ['es2022'],
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
})
const code = result.outputFiles[0]!.contents
mkdirSync(dirname(OUTPUT), { recursive: true })
writeFileSync(OUTPUT, code)
console.log(
  `built ${OUTPUT}: InstantSearch client ${(code.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`,
)
