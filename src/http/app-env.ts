import type { Bindings } from '../env'

/** The type parameter of every Hono app and middleware here: what `c.env` holds. */
export type AppEnv = { Bindings: Bindings }
