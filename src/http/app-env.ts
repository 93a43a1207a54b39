import type { LoadedBundle } from '../bundle/open'
import type { Bindings } from '../env'

/**
 * The type parameter of every Hono app and middleware here: what `c.env` holds, and
 * `c.var.corpus`, the corpus every route reads (set by `provideCorpus`, src/http/corpus.ts).
 */
export type AppEnv = { Bindings: Bindings; Variables: { corpus: LoadedBundle } }
