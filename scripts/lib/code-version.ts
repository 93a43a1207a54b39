import { dirname, resolve } from 'node:path'
import { sourceVersion } from './analyser-version'

/**
 * The Worker's code version: the hash of every source file `src/index.ts`
 * imports, transitively, and of the versions of the packages bundled with
 * them. Build output (`generated/` beside `src/`: the bundle, the gazetteer, this version
 * itself) is left out: the bundle has its own version.
 */
export function codeVersion(entry = resolve('src/index.ts')): string {
  return sourceVersion(entry, resolve(dirname(entry), '../generated'))
}
