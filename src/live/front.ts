import type { LoadedBundle } from '../bundle/open'
import type { Bindings } from '../env'
import { contentHash } from './corpus-form'
import type { SearchCorpus } from '../search/context'
import { baseOf, baseOnly, LiveCopy, type LiveBase, type LiveView } from './one-corpus'
import type { LiveSegment, LiveSnapshot, LiveUpdate, SnapshotHead } from './segment'

export type { LiveView }
/** The bindings the live segment is reached through (a deployment without LIVE_SEGMENT has no live segment). */
export type LiveBindings = Pick<Bindings, 'LIVE_SEGMENT'>

/** How long a reader trusts its copy before asking the segment for its version (one tiny RPC). */
const VERSION_CHECK_MS = 1000

/** A base as the first reader of a new build settles the segment against it (`settleWithBase`). */
export type StampedBase = LiveBase & { version: string; builtAt: string }

/** How this isolate's copy has been brought up to date: whole (a full copy) or by the changes since its version. */
export const liveRefreshes = { full: 0, changes: 0 }

/** Every replica of this isolate: a write through it makes each fetch the new version at once. */
const replicas = new Set<LiveReplica<unknown>>()

/**
 * An isolate's copy of the live segment over one base, and the view readers
 * read (`V`: the one Worker's `LiveView`, or what a sharded front merges),
 * made from the copy by `viewOf` (undefined: the segment has not been read
 * yet). The copy is brought up to date when the segment's version changes,
 * at most once a second (at once after a write through this isolate).
 */
export class LiveReplica<V> {
  private view: V
  private copy: LiveCopy | undefined
  private checkedAt = 0
  /** The last refresh asked for: refreshes run one after another, so a change is applied once and in order. */
  private refreshing: Promise<V> | undefined

  constructor(
    private readonly base: StampedBase,
    private readonly viewOf: (copy: LiveCopy | undefined) => V | Promise<V>,
    initial: V,
    private readonly corpus?: SearchCorpus,
  ) {
    this.view = initial
    replicas.add(this as LiveReplica<unknown>)
  }

  /** The view at the segment's version (as of at most a second ago); the current one when there is no segment. */
  current(stub: DurableObjectStub<LiveSegment> | undefined): Promise<V> {
    if (!stub || Date.now() - this.checkedAt < VERSION_CHECK_MS) return Promise.resolve(this.view)
    this.checkedAt = Date.now()
    // After the refresh under way (which may have asked before a write this request must see), or at once.
    const next = this.refreshing ? this.refreshing.catch(() => this.view).then(() => this.refresh(stub)) : this.refresh(stub)
    this.refreshing = next
    const done = () => {
      if (this.refreshing === next) this.refreshing = undefined
    }
    next.then(done, done)
    return next
  }

  /** The segment version of the copy (0 before the segment has been read). */
  get version(): number {
    return this.copy?.version ?? 0
  }

  /** The next read asks the segment at once. */
  invalidate(): void {
    this.checkedAt = 0
  }

  /** Stops tracking this replica (its base is no longer served). */
  retire(): void {
    replicas.delete(this as LiveReplica<unknown>)
  }

  /**
   * One round trip: the segment's changes since the copy's version (none when it
   * has not moved), applied in place; or, for a new copy (and when the segment
   * answers that a full one is needed), the whole segment, settled against the
   * base first. A failed refresh leaves the view as it was (logged): the next
   * check tries again, and readers keep an answer meanwhile.
   */
  private async refresh(stub: DurableObjectStub<LiveSegment>): Promise<V> {
    try {
      const update = this.copy ? ((await stub.changesSince(this.copy.version)) as LiveUpdate) : undefined
      if (update?.kind === 'changes') {
        if (update.version === this.copy!.version) return this.view
        await this.copy!.apply(update)
        liveRefreshes.changes++
      } else {
        const settle = !this.copy
        let fresh = await fullCopy(stub, this.base, this.corpus)
        if (settle && (await settleWithBase(stub, this.base, fresh.snapshot)) > 0) fresh = await fullCopy(stub, this.base, this.corpus)
        this.copy = fresh.copy
        liveRefreshes.full++
      }
      this.view = await this.viewOf(this.copy)
    } catch (error) {
      console.error('live segment: refresh failed, serving the copy at version', this.copy?.version, error)
      this.checkedAt = 0
    }
    return this.view
  }
}

/** The one Worker's replica, over the bundle it serves (another bundle, a new deploy's or a test's, starts a new one). */
let bundleReplica: { bundle: LoadedBundle; replica: LiveReplica<LiveView> } | undefined

export function liveSegment(env: LiveBindings): DurableObjectStub<LiveSegment> | undefined {
  return env.LIVE_SEGMENT?.get(env.LIVE_SEGMENT.idFromName('live'))
}

/** A bundle as the base of a live copy. */
export function bundleBase(bundle: LoadedBundle): StampedBase {
  return { ...baseOf(bundle), version: bundle.version, builtAt: bundle.builtAt }
}

/**
 * This isolate's copy of the one corpus (bundle and live segment), brought
 * up to date when the segment's version has changed. Every reader reads through it.
 */
export async function liveView(env: LiveBindings, bundle: LoadedBundle): Promise<LiveView> {
  if (bundleReplica?.bundle !== bundle) {
    bundleReplica?.replica.retire()
    bundleReplica = { bundle, replica: new LiveReplica(bundleBase(bundle), (copy) => copy?.view() ?? baseOnly(bundle), baseOnly(bundle), bundle) }
  }
  return bundleReplica.replica.current(liveSegment(env))
}

/** Attempts at a full copy while writes keep outrunning the change log. */
const FULL_COPY_ATTEMPTS = 3

/**
 * The whole segment, in pages (an RPC answer is limited in size): the head
 * (version, tombstones) at one version, the articles page by page, then the
 * changes since the head's version, which bring the articles written while
 * the pages were read to their state at the end.
 */
async function fullCopy(
  stub: DurableObjectStub<LiveSegment>,
  base: LiveBase,
  corpus: SearchCorpus | undefined,
): Promise<{ copy: LiveCopy; snapshot: LiveSnapshot }> {
  for (let attempt = 0; attempt < FULL_COPY_ATTEMPTS; attempt++) {
    const head = (await stub.snapshotHead()) as SnapshotHead
    const articles: LiveSnapshot['articles'] = []
    for (let after: string | undefined = ''; after !== undefined;) {
      const page = (await stub.articlesPage(after)) as { articles: LiveSnapshot['articles']; next?: string }
      articles.push(...page.articles)
      after = page.next
    }
    const snapshot: LiveSnapshot = { ...head, articles }
    const copy = await LiveCopy.over(base, snapshot, corpus)
    const since = (await stub.changesSince(head.version)) as LiveUpdate
    if (since.kind === 'full') continue
    if (since.version !== head.version) await copy.apply(since)
    return { copy, snapshot }
  }
  throw new Error(`no full copy of the live segment after ${FULL_COPY_ATTEMPTS} attempts: writes outran the change log`)
}

/** `settleWithBase` for a bundle. */
export function settleWithBundle(stub: DurableObjectStub<LiveSegment>, bundle: LoadedBundle, snapshot: LiveSnapshot): Promise<number> {
  return settleWithBase(stub, bundleBase(bundle), snapshot)
}

/**
 * The first reader of a new build settles the segment against its base: live
 * articles the base now holds with the same content (`corpus:pull`, then a
 * build and deploy) are dropped, and tombstones of ids the base no longer
 * has. Answers how many entries the segment dropped.
 */
export async function settleWithBase(stub: DurableObjectStub<LiveSegment>, base: StampedBase, snapshot: LiveSnapshot): Promise<number> {
  if (snapshot.bundle && (snapshot.bundle.version === base.version || snapshot.bundle.builtAt > base.builtAt)) return 0
  const held = await base.holds([...snapshot.articles.map((article) => article.id), ...snapshot.tombstones])
  const inBase = snapshot.articles.filter((article) => held.has(article.id))
  const bodies = await base.articlesById(inBase.map((article) => article.id))
  const bundled: { id: string; hash: string }[] = []
  for (const article of inBase) {
    const hash = await contentHash(article)
    if (hash === (await contentHash(bodies.get(article.id)!))) bundled.push({ id: article.id, hash })
  }
  const lapsed = snapshot.tombstones.filter((id) => !held.has(id))
  const { dropped } = await stub.settle({ version: base.version, builtAt: base.builtAt }, bundled, lapsed)
  return dropped
}

/** The segment version this isolate's copy of the bundle's is at (no round trip): part of ETags. */
export function liveVersionSeen(): number {
  return bundleReplica?.replica.version ?? 0
}

/** After a write through this isolate, the next read of every replica fetches the new version at once. */
export function invalidateLiveView(): void {
  for (const replica of replicas) replica.invalidate()
}
