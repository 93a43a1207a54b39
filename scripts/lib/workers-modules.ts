/**
 * Lets Node import the Worker's source (`src/app.ts`) outside workerd, so a
 * script can ask the app for `/openapi.json` without starting a server:
 * `cloudflare:workers` resolves to a module with an empty `env` (no bindings:
 * the app then serves what needs none) and the `DurableObject` base class, and
 * the Data (`search.bundle`, `.bin`) and Text (other `.bundle`) modules of
 * wrangler.toml's rules, in its order, load as an ArrayBuffer and a string of
 * the real generated files, as wrangler bundles them. Registered with `tsx --import ./scripts/lib/workers-modules.ts`.
 */
import { register } from 'node:module'

const WORKERS_MODULE = `export const env = {}
export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env } }`

const hooks = `
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
export async function resolve(specifier, context, next) {
  if (specifier === 'cloudflare:workers') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(WORKERS_MODULE)}), shortCircuit: true }
  if (/\\.(bundle|bin)$/.test(specifier)) return { url: new URL(specifier, context.parentURL).href, shortCircuit: true }
  return next(specifier, context)
}
export async function load(url, context, next) {
  if (url.endsWith('.bin') || url.endsWith('/search.bundle')) {
    const base64 = readFileSync(fileURLToPath(url)).toString('base64')
    return { format: 'module', source: 'export default Uint8Array.from(atob(' + JSON.stringify(base64) + '), (c) => c.charCodeAt(0)).buffer', shortCircuit: true }
  }
  if (url.endsWith('.bundle')) {
    return { format: 'module', source: 'export default ' + JSON.stringify(readFileSync(fileURLToPath(url), 'utf8')), shortCircuit: true }
  }
  return next(url, context)
}`

register(`data:text/javascript,${encodeURIComponent(hooks)}`)
