import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

/** What `bundleScript` wrote: the minified code's size raw and gzipped (level 9, as a CDN would send it). */
export type BundledScript = { path: string; bytes: number; gzippedBytes: number }

/**
 * Bundles one browser entry point into a single minified file the Worker imports as text: the widget
 * (a classic script, `iife`) and the InstantSearch client (an ES module) are built the same way, so
 * their esbuild options and size report live here once.
 */
export async function bundleScript(entry: string, output: string, format: 'iife' | 'esm'): Promise<BundledScript> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format,
    minify: true,
    target: ['es2022'],
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  })
  const code = result.outputFiles[0]!.contents
  mkdirSync(dirname(output), { recursive: true })
  writeFileSync(output, code)
  return { path: output, bytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length }
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
