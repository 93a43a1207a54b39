import { DurableObject } from 'cloudflare:workers'
import type { StoredArticle } from '../article'

/** Everything a reader needs to rebuild its copy of the live segment. */
export type LiveSnapshot = { version: number; articles: StoredArticle[]; tombstones: string[] }

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
    this.sql.exec(`CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, json TEXT NOT NULL)`)
    this.sql.exec(`CREATE TABLE IF NOT EXISTS tombstones (id TEXT PRIMARY KEY)`)
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`)
  }

  version(): number {
    const row = this.sql.exec<{ value: number }>(`SELECT value FROM meta WHERE key = 'version'`).toArray()[0]
    return row?.value ?? 0
  }

  snapshot(): LiveSnapshot {
    return this.ctx.storage.transactionSync(() => ({
      version: this.version(),
      articles: this.sql.exec<{ json: string }>(`SELECT json FROM articles ORDER BY id`).toArray().map((row) => JSON.parse(row.json) as StoredArticle),
      tombstones: this.sql.exec<{ id: string }>(`SELECT id FROM tombstones ORDER BY id`).toArray().map((row) => row.id),
    }))
  }

  /** Creates or replaces every article, all or nothing; a put lifts the tombstone of its id. */
  put(articles: StoredArticle[]): number {
    return this.ctx.storage.transactionSync(() => {
      for (const article of articles) {
        this.sql.exec(`INSERT OR REPLACE INTO articles (id, json) VALUES (?, ?)`, article.id, JSON.stringify(article))
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

  private bumpVersion(): number {
    const next = this.version() + 1
    this.sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)`, next)
    return next
  }
}
