import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import ts from 'typescript'

/**
 * A hash of every source file the analysis runs (`src/analysis/analyze.ts` and what it
 * imports, transitively, data files included): the analyser's version. A change
 * to any of them re-analyses every article; a change elsewhere (routes, pages,
 * search) re-analyses none.
 */
export function analyserVersion(entry = resolve('src/analysis/analyze.ts')): string {
  return sourceVersion(entry)
}

/**
 * A hash of the source files `entry` imports, transitively (by path and
 * content), and of the versions of the packages they import: it changes when,
 * and only when, the code that runs from `entry` does. Files under `skip` are
 * neither read nor followed (e.g. build output).
 */
export function sourceVersion(entry: string, skip?: string): string {
  const { files, packages } = importClosure(entry, skip)
  const hash = createHash('sha256')
  for (const file of [...files].sort())
    hash
      .update(file.slice(resolve('.').length))
      .update('\0')
      .update(readFileSync(file))
      .update('\0')
  // A package's exports may hide its package.json from require: it is read from node_modules directly.
  for (const name of [...packages].sort())
    hash.update(`${name}@${(JSON.parse(readFileSync(resolve('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version}\0`)
  return hash.digest('hex').slice(0, 16)
}

/** The files `entry` imports, transitively, and the packages they import (by name); imports of files under `skip` are left out. */
export function importClosure(entry: string, skip?: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const pending = [entry]
  while (pending.length > 0) {
    const file = pending.pop()!
    if (files.has(file)) continue
    files.add(file)
    if (!/\.[cm]?tsx?$/.test(file)) continue
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8')).importedFiles) {
      // Runtime modules (`node:fs`, `cloudflare:workers`) are no package: the runtime is not part of the code.
      if (fileName.includes(':')) continue
      if (!fileName.startsWith('.')) {
        packages.add(
          fileName
            .split('/')
            .slice(0, fileName.startsWith('@') ? 2 : 1)
            .join('/'),
        )
        continue
      }
      if (skip !== undefined && resolve(dirname(file), fileName).startsWith(`${resolve(skip)}/`)) continue
      const resolved = resolveModule(resolve(dirname(file), fileName))
      if (resolved === undefined) throw new Error(`${file} imports ${fileName}, which does not exist: run npm run build`)
      pending.push(resolved)
    }
  }
  return { files, packages }
}

function resolveModule(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')]
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile())
}
