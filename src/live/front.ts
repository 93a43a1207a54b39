import type { StoredArticle } from '../article'
import type { Bindings } from '../env'
import type { SearchCorpus } from '../search/context'
import { corpusOfArticles } from '../search/memory-corpus'
import type { LiveSegment, LiveSnapshot } from './segment'

/** The bindings the live segment is reached through (a deployment without LIVE_SEGMENT has no live segment). */
export type LiveBindings = Pick<Bindings, 'LIVE_SEGMENT'>

/** The front's copy of the live segment: searched in memory with the base's index options. */
export type LiveView = { version: number; byId: Map<string, StoredArticle>; tombstones: Set<string>; corpus?: SearchCorpus }

/** How long a reader trusts its copy before asking the segment for its version (one tiny RPC). */
const VERSION_CHECK_MS = 1000

const EMPTY: LiveView = { version: 0, byId: new Map(), tombstones: new Set() }
let view: LiveView = EMPTY
let checkedAt = 0

export function liveSegment(env: LiveBindings): DurableObjectStub<LiveSegment> | undefined {
  return env.LIVE_SEGMENT?.get(env.LIVE_SEGMENT.idFromName('live'))
}

/** This isolate's copy of the live segment, refreshed when the segment's version has changed. */
export async function liveView(env: LiveBindings): Promise<LiveView> {
  const stub = liveSegment(env)
  if (!stub || Date.now() - checkedAt < VERSION_CHECK_MS) return view
  checkedAt = Date.now()
  if ((await stub.version()) !== view.version) adopt((await stub.snapshot()) as LiveSnapshot)
  return view
}

/** The segment version this isolate's copy is at (no round trip): part of ETags. */
export function liveVersionSeen(): number {
  return view.version
}

/** After a write through this isolate, the next read fetches the new version at once. */
export function invalidateLiveView(): void {
  checkedAt = 0
}

function adopt(snapshot: LiveSnapshot): void {
  const articles = snapshot.articles
  view = {
    version: snapshot.version,
    byId: new Map(articles.map((article) => [article.id, article])),
    tombstones: new Set(snapshot.tombstones),
    ...(articles.length > 0 ? { corpus: corpusOfArticles(articles) } : {}),
  }
}

/** A base id the live segment hides: replaced by a live article, or deleted. */
export function hidesBase(live: LiveView, id: string): boolean {
  return live.byId.has(id) || live.tombstones.has(id)
}
