/**
 * Lets Node import the Worker's source (`src/app.ts`) outside workerd, so a
 * script can ask the app for `/openapi.json` without starting a server:
 * `cloudflare:workers` resolves to a module with an empty `env` (no bindings:
 * the app then serves what needs none) and the `DurableObject` base class, and
 * a file that wrangler.toml's module rules take (the first rule whose glob
 * matches, as wrangler reads them) loads as wrangler bundles it: a Data module
 * as an ArrayBuffer, a Text module as a string, of the real generated files.
 * Registered with `tsx --import ./scripts/lib/workers-modules.ts`.
 */
import { register } from 'node:module'
import { readWranglerToml } from './wrangler-config'

const WORKERS_MODULE = `export const env = {}
export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env } }`

const hooks = `
import { readFileSync } from 'node:fs'
import { matchesGlob } from 'node:path'
import { fileURLToPath } from 'node:url'
let rules = []
export function initialize(data) { rules = data.rules }
const ruleOf = (url) => url.startsWith('file:') ? rules.find((rule) => rule.globs.some((glob) => matchesGlob(fileURLToPath(url), glob))) : undefined
export async function resolve(specifier, context, next) {
  if (specifier === 'cloudflare:workers') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(WORKERS_MODULE)}), shortCircuit: true }
  if (context.parentURL && ruleOf(new URL(specifier, context.parentURL).href)) return { url: new URL(specifier, context.parentURL).href, shortCircuit: true }
  return next(specifier, context)
}
export async function load(url, context, next) {
  const rule = ruleOf(url)
  if (rule?.type === 'Data') {
    const base64 = readFileSync(fileURLToPath(url)).toString('base64')
    return { format: 'module', source: 'export default Uint8Array.from(atob(' + JSON.stringify(base64) + '), (c) => c.charCodeAt(0)).buffer', shortCircuit: true }
  }
  if (rule?.type === 'Text') {
    return { format: 'module', source: 'export default ' + JSON.stringify(readFileSync(fileURLToPath(url), 'utf8')), shortCircuit: true }
  }
  return next(url, context)
}`

register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { rules: readWranglerToml().rules } })
