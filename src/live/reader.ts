import type { LoadedBundle } from '../bundle/open'
import type { CorpusReader } from '../bundle/corpus-reader'
import { bundleEntityReader } from '../bundle/entity-reader'
import { liveVersionSeen, liveView, type LiveBindings, type LiveView } from './front'
import { articlesOfOneCorpus, factsInOneCorpus, listOneCorpus, relatedInOneCorpus, searchOneCorpus, suggestInOneCorpus } from './merge'

/** One Worker's corpus: the bundle and the live segment, as one corpus (the view is read once per request). */
export function liveReader(env: LiveBindings, bundle: LoadedBundle): CorpusReader {
  let view: Promise<LiveView> | undefined
  const viewOf = () => (view ??= liveView(env, bundle))
  return {
    search: async (params) => searchOneCorpus(await viewOf(), params),
    list: async (params) => listOneCorpus(await viewOf(), params),
    articles: async (ids) => articlesOfOneCorpus(await viewOf(), ids),
    related: async (article, limit) => relatedInOneCorpus(await viewOf(), article, limit),
    suggest: async (q, limit) => suggestInOneCorpus(await viewOf(), q, limit),
    facts: async (query) => factsInOneCorpus(await viewOf(), await bundle.factCatalog(), query),
    holds: (id) => Promise.resolve(bundle.has(id)),
    version: () => ({ bundle: bundle.version, live: liveVersionSeen() }),
    entities: bundleEntityReader(bundle),
  }
}
