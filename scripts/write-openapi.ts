/**
 * Writes the OpenAPI document the Worker serves at `/openapi.json` to a file,
 * asking the app itself (no server): `npm run lint:openapi` lints that file.
 * Usage: tsx --import ./scripts/lib/workers-modules.ts scripts/write-openapi.ts OUT.json
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { app } from '../src/app'

const out = process.argv[2]
if (!out) throw new Error('Usage: write-openapi.ts OUT.json')
const response = await app.request('/openapi.json')
if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}: ${await response.text()}`)
const document: unknown = await response.json()
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`)
console.log(`OpenAPI document written to ${out}`)
