/**
 * What handlers see as `c.env`: the bindings wrangler.toml declares and the secrets
 * `.dev.vars.example` names, typed by `npm run cf-typegen` (worker-configuration.d.ts,
 * `Env`). Every one may be missing: a binding a maintainer removed switches its
 * feature to its default (no rate limit, no live segment, writes off), and a test
 * may mount the app with only the bindings it is about.
 */
export type Bindings = Partial<Env>
