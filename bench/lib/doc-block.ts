import { readFileSync, writeFileSync } from 'node:fs'

/**
 * Replaces the block a bench writes into a document, between
 * `<!-- name -->` and `<!-- /name -->` (the rest of the document is left as
 * it is), so the document's figures are the ones the script last produced.
 */
export function writeDocBlock(path: string, name: string, markdown: string): void {
  const text = readFileSync(path, 'utf8')
  const start = `<!-- ${name} -->`
  const end = `<!-- /${name} -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to < from) throw new Error(`${path} has no ${start} … ${end} block to write`)
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${markdown.trim()}\n${text.slice(to)}`)
  console.log(`wrote the ${name} block of ${path}`)
}
