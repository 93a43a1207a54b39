import { DurableObject } from 'cloudflare:workers'
import type { StoredArticle } from '../article'

/** A bundle the segment has been settled against (see `settle`). */
export type BundleStamp = { version: string; builtAt: string }

/** Everything a reader needs to rebuild its copy of the live segment. */
export type LiveSnapshot = { version: number; articles: StoredArticle[]; tombstones: string[]; bundle?: BundleStamp }

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
    if (!this.sql.exec<{ name: string }>(`PRAGMA table_info(articles)`).toArray().some((column) => column.name === 'hash')) {
      this.sql.exec(`ALTER TABLE articles ADD COLUMN hash TEXT NOT NULL DEFAULT ''`)
    }
    this.sql.exec(`CREATE TABLE IF NOT EXISTS tombstones (id TEXT PRIMARY KEY)`)
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`)
    this.sql.exec(`CREATE TABLE IF NOT EXISTS settled_bundle (one INTEGER PRIMARY KEY CHECK (one = 1), version TEXT NOT NULL, built_at TEXT NOT NULL)`)
  }

  version(): number {
    const row = this.sql.exec<{ value: number }>(`SELECT value FROM meta WHERE key = 'version'`).toArray()[0]
    return row?.value ?? 0
  }

  snapshot(): LiveSnapshot {
    return this.ctx.storage.transactionSync(() => {
      const bundle = this.settledBundle()
      return {
        version: this.version(),
        articles: this.sql.exec<{ json: string }>(`SELECT json FROM articles ORDER BY id`).toArray().map((row) => JSON.parse(row.json) as StoredArticle),
        tombstones: this.sql.exec<{ id: string }>(`SELECT id FROM tombstones ORDER BY id`).toArray().map((row) => row.id),
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
      return this.bumpVersion()
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
      return { version: existed ? this.bumpVersion() : this.version(), existed }
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
      let dropped = 0
      for (const { id, hash } of bundled) dropped += this.sql.exec(`DELETE FROM articles WHERE id = ? AND hash = ? RETURNING id`, id, hash).toArray().length
      for (const id of lapsed) dropped += this.sql.exec(`DELETE FROM tombstones WHERE id = ? RETURNING id`, id).toArray().length
      this.sql.exec(`INSERT OR REPLACE INTO settled_bundle (one, version, built_at) VALUES (1, ?, ?)`, bundle.version, bundle.builtAt)
      return { version: dropped > 0 ? this.bumpVersion() : this.version(), dropped }
    })
  }

  private settledBundle(): BundleStamp | undefined {
    const row = this.sql.exec<{ version: string; built_at: string }>(`SELECT version, built_at FROM settled_bundle`).toArray()[0]
    return row && { version: row.version, builtAt: row.built_at }
  }

  private bumpVersion(): number {
    const next = this.version() + 1
    this.sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)`, next)
    return next
  }
}
