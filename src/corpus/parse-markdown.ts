import { parse as parseYaml } from 'yaml'

export type MarkdownParse = { ok: true; meta: Record<string, unknown>; text: string } | { ok: false; reason: string }

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

/** Markdown with YAML front matter (`title`, `date`, `url`, `source`, `license`, `id`, `tags`). */
export function parseMarkdown(content: string): MarkdownParse {
  const match = FRONT_MATTER.exec(content)
  if (!match) return { ok: false, reason: 'no YAML front matter: the file must start with a line `---`, the fields, and a closing `---`' }
  let meta: unknown
  try {
    meta = parseYaml(match[1] ?? '')
  } catch (error) {
    return { ok: false, reason: `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` }
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    return { ok: false, reason: 'the front matter must be a YAML mapping of fields' }
  }
  return { ok: true, meta: normalizeDates(meta as Record<string, unknown>), text: content.slice(match[0].length) }
}

/** YAML 1.1 parsers turn `date: 2019-01-04` into a Date; keep dates as ISO strings. */
function normalizeDates(meta: Record<string, unknown>): Record<string, unknown> {
  const date = meta.date
  return date instanceof Date ? { ...meta, date: date.toISOString().slice(0, 10) } : meta
}
