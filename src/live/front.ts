import { getBundle } from '../bundle/load'
import { baseOnly, oneCorpus, type LiveView } from './one-corpus'
import type { LiveSegment, LiveSnapshot } from './segment'

export type { LiveView }
export type LiveBindings = { LIVE_SEGMENT?: DurableObjectNamespace<LiveSegment>; INGEST_TOKEN?: string; WRITE_LIMITER?: RateLimit }

/** How long a reader trusts its copy before asking the segment for its version (one tiny RPC). */
const VERSION_CHECK_MS = 1000

let view: LiveView | undefined
let checkedAt = 0

export function liveSegment(env: LiveBindings): DurableObjectStub<LiveSegment> | undefined {
  return env.LIVE_SEGMENT?.get(env.LIVE_SEGMENT.idFromName('live'))
}

/**
 * This isolate's copy of the one corpus (bundle and live segment), rebuilt
 * when the segment's version has changed. Every reader reads through it.
 */
export async function liveView(env: LiveBindings): Promise<LiveView> {
  const bundle = getBundle()
  view ??= baseOnly(bundle)
  const stub = liveSegment(env)
  if (!stub || Date.now() - checkedAt < VERSION_CHECK_MS) return view
  checkedAt = Date.now()
  if ((await stub.version()) !== view.version) view = await oneCorpus(bundle, (await stub.snapshot()) as LiveSnapshot)
  return view
}

/** The segment version this isolate's copy is at (no round trip): part of ETags. */
export function liveVersionSeen(): number {
  return view?.version ?? 0
}

/** After a write through this isolate, the next read fetches the new version at once. */
export function invalidateLiveView(): void {
  checkedAt = 0
}
