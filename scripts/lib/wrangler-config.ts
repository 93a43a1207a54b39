/**
 * wrangler.toml, read once for the scripts that write or imitate Workers of their own: the sharded build gives its
 * front and shards the one Worker's name, compatibility date, rate limits, Durable Objects and module rules, and
 * `workers-modules.ts` loads the Data and Text modules as those rules say. wrangler.toml stays the one home of them.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'smol-toml'
import * as v from 'valibot'

const ModuleRule = v.object({ type: v.picklist(['Data', 'Text']), globs: v.array(v.string()), fallthrough: v.optional(v.boolean()) })

const WranglerToml = v.object({
  name: v.string(),
  compatibility_date: v.string(),
  rules: v.optional(v.array(ModuleRule), []),
  ratelimits: v.optional(v.array(v.object({ name: v.string(), namespace_id: v.string(), simple: v.object({ limit: v.number(), period: v.number() }) })), []),
  durable_objects: v.optional(v.object({ bindings: v.array(v.object({ name: v.string(), class_name: v.string() })) }), { bindings: [] }),
  migrations: v.optional(v.array(v.object({ tag: v.string(), new_sqlite_classes: v.optional(v.array(v.string()), []) })), []),
})

export type ModuleRule = v.InferOutput<typeof ModuleRule>
export type WranglerSettings = v.InferOutput<typeof WranglerToml>

/** The parts of `path` (wrangler.toml by default) the scripts use; a config they cannot read stops them with valibot's reason. */
export function readWranglerToml(path = 'wrangler.toml'): WranglerSettings {
  return v.parse(WranglerToml, parse(readFileSync(path, 'utf8')))
}
