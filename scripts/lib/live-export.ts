/**
 * Reading `GET /api/live/export` page by page (docs/live.md): no file system
 * here, so the Worker tests run it against the Worker itself.
 */
import type { ArticleInput } from '../../src/corpus/article'

/** What the export answers, all pages together: live articles in the corpus format, and deleted bundle ids. */
export type LiveExport = { version: number; articles: ArticleInput[]; tombstones: string[] }

/** One page of the export, as the route answers it. */
type ExportPage = { version: number; articles: ArticleInput[]; tombstones?: string[]; next?: string }

/** Attempts at a whole export while writes keep changing the segment between its pages. */
const EXPORT_ATTEMPTS = 5

/**
 * The whole live segment, following the export's pages (`next`); all at one
 * version: when the segment changed between two pages, the reading starts
 * again. `limit` sets the articles per page (the route's default when absent).
 * Throws with the route's answer when it is not a 200.
 */
export async function readLiveExport(
  origin: string,
  token: string,
  options: { limit?: number; fetch?: (url: string, init: RequestInit) => Promise<Response> } = {},
): Promise<{ exported: LiveExport; pages: number }> {
  const get = options.fetch ?? ((url, init) => fetch(url, init))
  for (let attempt = 0; attempt < EXPORT_ATTEMPTS; attempt++) {
    const pages: ExportPage[] = []
    for (let after: string | undefined; pages.length === 0 || after !== undefined;) {
      const url = new URL('/api/live/export', origin)
      if (after !== undefined) url.searchParams.set('after', after)
      if (options.limit !== undefined) url.searchParams.set('limit', String(options.limit))
      const response = await get(url.href, { headers: { Authorization: `Bearer ${token}` } })
      if (!response.ok) throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}: ${await response.text()}`)
      const page = (await response.json()) as ExportPage
      pages.push(page)
      after = page.next
    }
    const { version, tombstones = [] } = pages[0]!
    if (pages.every((page) => page.version === version))
      return { exported: { version, articles: pages.flatMap((page) => page.articles), tombstones }, pages: pages.length }
  }
  throw new Error(`the live segment changed during each of ${EXPORT_ATTEMPTS} exports: pull again when writes are quieter`)
}
