import { env } from 'cloudflare:workers'

/** Static assets are addressed by path; the host is never looked at. */
const ASSETS_ORIGIN = 'https://assets.invalid/'

/**
 * An article pack or the facts table, from this Worker's `[assets]` binding
 * (not public: `run_worker_first`). Every Worker that serves a bundle (the one
 * Worker, or each shard) reads its own assets through it.
 */
export async function readAsset(name: string): Promise<string> {
  const assets = (env as { ASSETS?: Fetcher }).ASSETS
  if (!assets) throw new Error('The ASSETS binding is missing: wrangler.toml must declare [assets] with binding = "ASSETS".')
  const response = await assets.fetch(new URL(name, ASSETS_ORIGIN))
  if (!response.ok) throw new Error(`The static asset ${name} answered ${response.status}: the Worker and its assets are from different builds.`)
  return response.text()
}
