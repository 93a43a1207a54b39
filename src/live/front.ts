import type { LoadedBundle } from '../bundle/open'
import type { Bindings } from '../env'
import { contentHash } from './corpus-form'
import { baseOnly, LiveCopy, type LiveView } from './one-corpus'
import type { LiveSegment, LiveSnapshot, LiveUpdate, SnapshotHead } from './segment'

export type { LiveView }
/** The bindings the live segment is reached through (a deployment without LIVE_SEGMENT has no live segment). */
export type LiveBindings = Pick<Bindings, 'LIVE_SEGMENT'>

/** How long a reader trusts its copy before asking the segment for its version (one tiny RPC). */
const VERSION_CHECK_MS = 1000

let view: LiveView | undefined
/** The copy `view` was made from (none until the segment has been read): updated in place by the segment's changes. */
let copy: LiveCopy | undefined
/** The bundle `view` was made over: another one (a new deploy's, a test's in-memory corpus) starts a new copy. */
let viewBase: LoadedBundle | undefined
let checkedAt = 0
/** The last refresh asked for: refreshes run one after another, so a change is applied once and in order. */
let refreshing: Promise<LiveView> | undefined

/** How this isolate's copy has been brought up to date: whole (a full copy) or by the changes since its version. */
export const liveRefreshes = { full: 0, changes: 0 }

export function liveSegment(env: LiveBindings): DurableObjectStub<LiveSegment> | undefined {
  return env.LIVE_SEGMENT?.get(env.LIVE_SEGMENT.idFromName('live'))
}

/**
 * This isolate's copy of the one corpus (bundle and live segment), brought
 * up to date when the segment's version has changed. Every reader reads through it.
 */
export async function liveView(env: LiveBindings, bundle: LoadedBundle): Promise<LiveView> {
  if (!view || viewBase !== bundle) {
    view = baseOnly(bundle)
    viewBase = bundle
    copy = undefined
    checkedAt = 0
  }
  const stub = liveSegment(env)
  if (!stub || Date.now() - checkedAt < VERSION_CHECK_MS) return view
  checkedAt = Date.now()
  // After the refresh under way (which may have asked before a write this request must see), or at once.
  const next = refreshing ? refreshing.catch(() => view!).then(() => refresh(stub, bundle)) : refresh(stub, bundle)
  refreshing = next
  const done = () => {
    if (refreshing === next) refreshing = undefined
  }
  next.then(done, done)
  return next
}

/**
 * One round trip: the segment's changes since the copy's version (none when it
 * has not moved), applied in place; or, for a new copy (and when the segment
 * answers that a full one is needed), the whole segment, settled against the
 * bundle first. A failed refresh leaves the view as it was (logged): the next
 * check tries again, and readers keep an answer meanwhile.
 */
async function refresh(stub: DurableObjectStub<LiveSegment>, bundle: LoadedBundle): Promise<LiveView> {
  try {
    const update = copy ? ((await stub.changesSince(copy.version)) as LiveUpdate) : undefined
    if (viewBase !== bundle) return view!
    if (update?.kind === 'changes') {
      if (update.version === copy!.version) return view!
      await copy!.apply(update)
      liveRefreshes.changes++
    } else {
      const settle = !copy
      let fresh = await fullCopy(stub, bundle)
      if (settle && (await settleWithBundle(stub, bundle, fresh.snapshot)) > 0) fresh = await fullCopy(stub, bundle)
      if (viewBase !== bundle) return view!
      copy = fresh.copy
      liveRefreshes.full++
    }
    view = copy!.view()
  } catch (error) {
    console.error('live segment: refresh failed, serving the copy at version', view?.version, error)
    checkedAt = 0
  }
  return view!
}

/** Attempts at a full copy while writes keep outrunning the change log. */
const FULL_COPY_ATTEMPTS = 3

/**
 * The whole segment, in pages (an RPC answer is limited in size): the head
 * (version, tombstones) at one version, the articles page by page, then the
 * changes since the head's version, which bring the articles written while
 * the pages were read to their state at the end.
 */
async function fullCopy(stub: DurableObjectStub<LiveSegment>, bundle: LoadedBundle): Promise<{ copy: LiveCopy; snapshot: LiveSnapshot }> {
  for (let attempt = 0; attempt < FULL_COPY_ATTEMPTS; attempt++) {
    const head = (await stub.snapshotHead()) as SnapshotHead
    const articles: LiveSnapshot['articles'] = []
    for (let after: string | undefined = ''; after !== undefined;) {
      const page = (await stub.articlesPage(after)) as { articles: LiveSnapshot['articles']; next?: string }
      articles.push(...page.articles)
      after = page.next
    }
    const snapshot: LiveSnapshot = { ...head, articles }
    const copy = await LiveCopy.of(bundle, snapshot)
    const since = (await stub.changesSince(head.version)) as LiveUpdate
    if (since.kind === 'full') continue
    if (since.version !== head.version) await copy.apply(since)
    return { copy, snapshot }
  }
  throw new Error(`no full copy of the live segment after ${FULL_COPY_ATTEMPTS} attempts: writes outran the change log`)
}

/**
 * The first reader of a new bundle settles the segment against it: live
 * articles the bundle now holds with the same content (`corpus:pull`, then a
 * build and deploy) are dropped, and tombstones of ids the bundle no longer
 * has. Answers how many entries the segment dropped.
 */
export async function settleWithBundle(stub: DurableObjectStub<LiveSegment>, bundle: LoadedBundle, snapshot: LiveSnapshot): Promise<number> {
  if (snapshot.bundle && (snapshot.bundle.version === bundle.version || snapshot.bundle.builtAt > bundle.builtAt)) return 0
  const inBundle = snapshot.articles.filter((article) => bundle.has(article.id))
  const bodies = await bundle.articlesById(inBundle.map((article) => article.id))
  const bundled: { id: string; hash: string }[] = []
  for (const article of inBundle) {
    const hash = await contentHash(article)
    if (hash === (await contentHash(bodies.get(article.id)!))) bundled.push({ id: article.id, hash })
  }
  const lapsed = snapshot.tombstones.filter((id) => !bundle.has(id))
  const { dropped } = await stub.settle({ version: bundle.version, builtAt: bundle.builtAt }, bundled, lapsed)
  return dropped
}

/** The segment version this isolate's copy is at (no round trip): part of ETags. */
export function liveVersionSeen(): number {
  return view?.version ?? 0
}

/** After a write through this isolate, the next read fetches the new version at once. */
export function invalidateLiveView(): void {
  checkedAt = 0
}
