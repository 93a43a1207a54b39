import indexBytes from '../../generated/search.bin'
import bundleBytes from '../../generated/search.bundle'
import { readAsset } from './assets'
import { openBundle, type LoadedBundle } from './open'

export type { LoadedBundle }

let loaded: LoadedBundle | undefined

/** The bundled corpus, opened once per isolate on first use (see open.ts for what is deferred further). */
export function getBundle(): LoadedBundle {
  return (loaded ??= openBundle(new Uint8Array(bundleBytes), new Uint8Array(indexBytes), readAsset))
}
