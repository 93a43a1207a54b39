import { env } from 'cloudflare:workers'
import indexBytes from '../../generated/search.bin'
import bundleText from '../../generated/search.bundle'
import { openBundle, type LoadedBundle } from './open'

export type { LoadedBundle }

/** Static assets are addressed by path; the host is never looked at. */
const ASSETS_ORIGIN = 'https://assets.invalid/'

let loaded: LoadedBundle | undefined

/** The bundled corpus, opened once per isolate on first use (see open.ts for what is deferred further). */
export function getBundle(): LoadedBundle {
  return (loaded ??= openBundle(bundleText, new Uint8Array(indexBytes), readAsset))
}

/** An article pack or the facts table, from the `[assets]` binding of wrangler.toml (not public: `run_worker_first`). */
async function readAsset(name: string): Promise<string> {
  const assets: Fetcher | undefined = env.ASSETS
  if (!assets) throw new Error('The ASSETS binding is missing: wrangler.toml must declare [assets] with binding = "ASSETS".')
  const response = await assets.fetch(new URL(name, ASSETS_ORIGIN))
  if (!response.ok) throw new Error(`The static asset ${name} answered ${response.status}: the Worker and its assets are from different builds.`)
  return response.text()
}
