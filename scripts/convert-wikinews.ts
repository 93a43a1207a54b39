/**
 * Converts the Wikinews JSONL dump into one Markdown file per article with
 * YAML front matter, so the shipped corpus is readable, diffable and editable.
 *
 *   npm run corpus:wikinews -- ../shared/corpus/wikinews/articles.jsonl [OUT_DIR]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { stringify } from 'yaml'

// The dump is not part of the repository, so its path is always given, never assumed beside the clone.
if (process.argv[2] === undefined) {
  console.error('usage: npm run corpus:wikinews -- SOURCE.jsonl [OUT_DIR]')
  process.exit(2)
}
const source = resolve(process.argv[2])
const outDir = resolve(process.argv[3] ?? 'corpus/wikinews')

/** A portable file name: ASCII letters, digits, `_` and `-` only (ids keep their original form in the front matter). */
function fileNameFor(id: string): string {
  return id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
}

const lines = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })

const used = new Set<string>()
for (const line of lines) {
  const { text, ...meta } = JSON.parse(line) as { id: string; text: string; [key: string]: unknown }
  const base = fileNameFor(meta.id)
  let name = base
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`
  used.add(name.toLowerCase())
  const frontMatter = stringify(
    { id: meta.id, title: meta.title, date: meta.date, url: meta.url, source: meta.source, license: meta.license },
    { lineWidth: 0 },
  )
  writeFileSync(join(outDir, `${name}.md`), `---\n${frontMatter}---\n\n${text.trim()}\n`)
}
console.log(`wrote ${lines.length} articles to ${outDir}`)
