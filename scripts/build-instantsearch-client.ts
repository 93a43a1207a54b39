/**
 * Bundles the InstantSearch search client (src/widget/instantsearch-client.ts)
 * into one minified ES module, `generated/instantsearch-client.bundle`, which
 * the Worker imports as text and serves at `/instantsearch-client.js`.
 *
 *   npm run build       # runs this after the widget build
 */
import { resolve } from 'node:path'
import { bundleScript, kib } from './lib/bundle-script'

const bundled = await bundleScript(resolve('src/widget/instantsearch-client.ts'), resolve('generated/instantsearch-client.bundle'), 'esm')
console.log(`built ${bundled.path}: InstantSearch client ${kib(bundled.bytes)} raw, ${kib(bundled.gzippedBytes)} gzipped`)
