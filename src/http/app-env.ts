import type { LoadedBundle } from '../bundle/open'
import type { CorpusReader } from '../bundle/corpus-reader'
import type { Bindings } from '../env'

/**
 * The type parameter of every Hono app and middleware here: what `c.env` holds,
 * `c.var.reader`, what the API and the pages read the corpus through (set by
 * `provideReader`, src/http/corpus.ts), and `c.var.corpus`, the one Worker's
 * bundle itself for what only it serves (health, the write API; a sharded
 * front sets no `corpus` and mounts neither).
 */
export type AppEnv = { Bindings: Bindings; Variables: { corpus: LoadedBundle; reader: CorpusReader } }
