import { DurableObject } from 'cloudflare:workers'
import type { StoredArticle } from '../article'

/** A bundle the segment has been settled against (see `settle`). */
export type BundleStamp = { version: string; builtAt: string }

/** Everything a reader needs to rebuild its copy of the live segment. */
export type LiveSnapshot = { version: number; articles: StoredArticle[]; tombstones: string[]; bundle?: BundleStamp }

/**
 * What changed in the segment since a reader's version: the current state of
 * every id written since (`articles`: live now, with their content; `removed`:
 * no longer live; `tombstoned` / `untombstoned`: a base id hidden or shown
 * again), so the reader updates its copy in place instead of rebuilding it.
 */
export type LiveChanges = {
  kind: 'changes'
  since: number
  version: number
  articles: StoredArticle[]
  removed: string[]
  tombstoned: string[]
  untombstoned: string[]
}

/** A reader's way to its copy: the changes since its version, or word that it must copy the whole segment (`snapshotHead`, then `articlesPage`). */
export type LiveUpdate = LiveChanges | { kind: 'full'; version: number }

/** The small part of a full copy, read at one version: the articles follow page by page (`articlesPage`). */
export type SnapshotHead = Omit<LiveSnapshot, 'articles'>

/**
 * The change log keeps the ids written by the last this-many versions; a
 * reader further behind gets a full copy. Bounded so that the log stays a
 * small fraction of the segment.
 */
export const CHANGE_LOG_VERSIONS = 10_000
/** A reader with more changed ids than this gets a full copy: applying that many one by one costs about as much as a rebuild. */
export const MAX_CHANGED_IDS = 2_000
/**
 * The most article JSON one answer carries: an RPC's value is limited to
 * 32 MiB, which a segment of thousands of articles passes (64 MB for 5,000
 * synthetic news articles), so a full copy comes in pages, and changes that
 * weigh more are sent as a full copy.
 */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024

/** A live article with the hash of its corpus form (corpus-form.ts). */
export type HashedArticle = { article: StoredArticle; hash: string }

/**
 * The live segment: articles published since the bundle was built (already
 * analysed by the front, with the same `analyzeArticle` as the build), and
 * tombstones for base articles deleted since. One instance (by name) is the
 * single writer; every write is one SQLite transaction that also bumps
 * `version`, so a reader that sees a version sees all of that write. The RPC
 * returns only after the transaction is committed, so a 2xx is durable.
 */
export class LiveSegment extends DurableObject {
  private readonly sql: SqlStorage

  constructor(ctx: DurableObjectState, env: Cloudflare.Env) {
    super(ctx, env)
    this.sql = ctx.storage.sql
    this.sql.exec(`CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, json TEXT NOT NULL, hash TEXT NOT NULL DEFAULT '')`)
    // Segments written before content hashes were kept get the column; their rows are never dropped by `settle` (no hash matches '').
    if (
      !this.sql
        .exec<{ name: string }>(`PRAGMA table_info(articles)`)
        .toArray()
        .some((column) => column.name === 'hash')
    ) {
      this.sql.exec(`ALTER TABLE articles ADD COLUMN hash TEXT NOT NULL DEFAULT ''`)
    }
    this.sql.exec(`CREATE TABLE IF NOT EXISTS tombstones (id TEXT PRIMARY KEY)`)
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`)
    this.sql.exec(`CREATE TABLE IF NOT EXISTS settled_bundle (one INTEGER PRIMARY KEY CHECK (one = 1), version TEXT NOT NULL, built_at TEXT NOT NULL)`)
    // The change log: which ids each version wrote (their state is read from `articles` and `tombstones` when asked).
    this.sql.exec(`CREATE TABLE IF NOT EXISTS changes (version INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (version, id))`)
    // A segment written before the log existed, or one whose log was cut, has no record of the versions up to `log_from`.
    if (this.meta('log_from') === undefined) this.sql.exec(`INSERT INTO meta (key, value) VALUES ('log_from', ?)`, this.version())
  }

  version(): number {
    return this.meta('version') ?? 0
  }

  /**
   * What a reader at version `since` needs to reach the current version: the
   * changed ids' current state; or word to make a full copy when the log does
   * not reach back to `since` (cut, or older than the log), when `since` is not
   * a version this segment has had, when more than `MAX_CHANGED_IDS` ids
   * changed, or when their articles weigh more than `MAX_ANSWER_BYTES`.
   */
  changesSince(since: number): LiveUpdate {
    return this.ctx.storage.transactionSync((): LiveUpdate => {
      const version = this.version()
      const full: LiveUpdate = { kind: 'full', version }
      if (!Number.isInteger(since) || since > version || since < (this.meta('log_from') ?? version)) return full
      const ids = this.sql
        .exec<{ id: string }>(`SELECT DISTINCT id FROM changes WHERE version > ? LIMIT ?`, since, MAX_CHANGED_IDS + 1)
        .toArray()
        .map((row) => row.id)
      if (ids.length > MAX_CHANGED_IDS) return full
      const changes: LiveChanges = { kind: 'changes', since, version, articles: [], removed: [], tombstoned: [], untombstoned: [] }
      let bytes = 0
      for (const id of ids) {
        const row = this.sql.exec<{ json: string }>(`SELECT json FROM articles WHERE id = ?`, id).toArray()[0]
        if (row) {
          if ((bytes += row.json.length) > MAX_ANSWER_BYTES) return full
          changes.articles.push(JSON.parse(row.json) as StoredArticle)
        } else changes.removed.push(id)
        const tombstoned = this.sql.exec(`SELECT id FROM tombstones WHERE id = ?`, id).toArray().length > 0
        ;(tombstoned ? changes.tombstoned : changes.untombstoned).push(id)
      }
      return changes
    })
  }

  /** A full copy's first part: the version, the tombstones and the bundle settled against. */
  snapshotHead(): SnapshotHead {
    return this.ctx.storage.transactionSync((): SnapshotHead => {
      const bundle = this.settledBundle()
      return {
        version: this.version(),
        tombstones: this.sql
          .exec<{ id: string }>(`SELECT id FROM tombstones ORDER BY id`)
          .toArray()
          .map((row) => row.id),
        ...(bundle ? { bundle } : {}),
      }
    })
  }

  /**
   * The live articles after id `after`, in id order, up to `MAX_ANSWER_BYTES`
   * of JSON (at least one) and `maxArticles`; `next` is where the next page
   * starts, `version` the segment's when the page was read. Pages are read at
   * different versions: a reader then applies the changes since the head's
   * version, which brings every article written meanwhile to its state (an
   * export reader starts again when the version moved).
   */
  articlesPage(after: string, maxArticles = Number.POSITIVE_INFINITY): { version: number; articles: StoredArticle[]; next?: string } {
    const version = this.version()
    const articles: StoredArticle[] = []
    let bytes = 0
    for (const row of this.sql.exec<{ id: string; json: string }>(`SELECT id, json FROM articles WHERE id > ? ORDER BY id`, after)) {
      const full = articles.length >= maxArticles || (articles.length > 0 && (bytes += row.json.length) > MAX_ANSWER_BYTES)
      if (full) return { version, articles, next: articles.at(-1)!.id }
      if (articles.length === 0) bytes = row.json.length
      articles.push(JSON.parse(row.json) as StoredArticle)
    }
    return { version, articles }
  }

  /** A page of `GET /api/live/export`, read at one version; the first (no `after`) with the head (tombstones, bundle). */
  exportPage(after: string | undefined, maxArticles: number): { version: number; articles: StoredArticle[]; next?: string; head?: SnapshotHead } {
    const page = this.articlesPage(after ?? '', maxArticles)
    return after === undefined ? { ...page, head: this.snapshotHead() } : page
  }

  snapshot(): LiveSnapshot {
    return this.ctx.storage.transactionSync((): LiveSnapshot => {
      const bundle = this.settledBundle()
      return {
        version: this.version(),
        articles: this.sql
          .exec<{ json: string }>(`SELECT json FROM articles ORDER BY id`)
          .toArray()
          .map((row) => JSON.parse(row.json) as StoredArticle),
        tombstones: this.sql
          .exec<{ id: string }>(`SELECT id FROM tombstones ORDER BY id`)
          .toArray()
          .map((row) => row.id),
        ...(bundle ? { bundle } : {}),
      }
    })
  }

  /** Creates or replaces every article, all or nothing; a put lifts the tombstone of its id. */
  put(articles: HashedArticle[]): number {
    return this.ctx.storage.transactionSync(() => {
      for (const { article, hash } of articles) {
        this.sql.exec(`INSERT OR REPLACE INTO articles (id, json, hash) VALUES (?, ?, ?)`, article.id, JSON.stringify(article), hash)
        this.sql.exec(`DELETE FROM tombstones WHERE id = ?`, article.id)
      }
      return this.bumpVersion(articles.map(({ article }) => article.id))
    })
  }

  /**
   * Removes a live article; `inBase` says the bundle has this id too, so a
   * tombstone must hide it. Answers whether anything was there to delete.
   */
  remove(id: string, inBase: boolean): { version: number; existed: boolean } {
    return this.ctx.storage.transactionSync(() => {
      const wasLive = this.sql.exec(`DELETE FROM articles WHERE id = ? RETURNING id`, id).toArray().length > 0
      const wasTombstoned = this.sql.exec(`SELECT id FROM tombstones WHERE id = ?`, id).toArray().length > 0
      if (inBase) this.sql.exec(`INSERT OR IGNORE INTO tombstones (id) VALUES (?)`, id)
      const existed = wasLive || (inBase && !wasTombstoned)
      return { version: existed ? this.bumpVersion([id]) : this.version(), existed }
    })
  }

  /**
   * After a deploy: drops the live articles the new bundle holds with the same
   * content (`bundled`: id and hash of the bundle's article; a row replaced
   * since has another hash and stays) and the tombstones of ids the bundle no
   * longer has (`lapsed`), and records the bundle. A bundle older than the
   * recorded one (an isolate of the previous deploy) changes nothing.
   */
  settle(bundle: BundleStamp, bundled: { id: string; hash: string }[], lapsed: string[]): { version: number; dropped: number } {
    return this.ctx.storage.transactionSync(() => {
      const recorded = this.settledBundle()
      if (recorded && recorded.builtAt > bundle.builtAt) return { version: this.version(), dropped: 0 }
      const dropped: string[] = []
      for (const { id, hash } of bundled)
        if (this.sql.exec(`DELETE FROM articles WHERE id = ? AND hash = ? RETURNING id`, id, hash).toArray().length > 0) dropped.push(id)
      for (const id of lapsed) if (this.sql.exec(`DELETE FROM tombstones WHERE id = ? RETURNING id`, id).toArray().length > 0) dropped.push(id)
      this.sql.exec(`INSERT OR REPLACE INTO settled_bundle (one, version, built_at) VALUES (1, ?, ?)`, bundle.version, bundle.builtAt)
      return { version: dropped.length > 0 ? this.bumpVersion(dropped) : this.version(), dropped: dropped.length }
    })
  }

  private settledBundle(): BundleStamp | undefined {
    const row = this.sql.exec<{ version: string; built_at: string }>(`SELECT version, built_at FROM settled_bundle`).toArray()[0]
    return row && { version: row.version, builtAt: row.built_at }
  }

  private meta(key: string): number | undefined {
    return this.sql.exec<{ value: number }>(`SELECT value FROM meta WHERE key = ?`, key).toArray()[0]?.value
  }

  /** The next version, logged as the one that wrote `ids`; versions older than the log keeps are cut from it. */
  private bumpVersion(ids: readonly string[]): number {
    const next = this.version() + 1
    this.sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)`, next)
    for (const id of ids) this.sql.exec(`INSERT OR IGNORE INTO changes (version, id) VALUES (?, ?)`, next, id)
    const logFrom = next - CHANGE_LOG_VERSIONS
    if (logFrom > (this.meta('log_from') ?? 0)) {
      this.sql.exec(`DELETE FROM changes WHERE version <= ?`, logFrom)
      this.sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('log_from', ?)`, logFrom)
    }
    return next
  }
}
