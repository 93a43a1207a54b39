import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The repository stands on its own: a user's clone has no sibling folder of
 * development data, so nothing under test/, src/ or scripts/ may depend on it.
 * The one place it may be named is a script's opening doc comment, on a usage
 * line (` *   npm run <script> -- ... <path>`), as an example of the path a user
 * passes by argument (--data, --gold, --conll, --corpus or a positional).
 */
const checkedFolders = ['test', 'src', 'scripts']
// Assembled, so that this file does not name the path it forbids and is scanned like every other.
const sharedPath = ['..', 'shared'].join('/')

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** The lines of a file's leading `/** ... *\/` comment that show how to run it. */
function usageLines(text: string): Set<number> {
  const lines = text.split('\n')
  const allowed = new Set<number>()
  if (lines[0]?.trim() !== '/**') return allowed
  for (const [index, line] of lines.entries()) {
    if (index === 0) continue
    if (line.includes('*/')) break
    if (/^ \*\s+npm run [\w:-]+ -- /.test(line)) allowed.add(index)
  }
  return allowed
}

/** Every `file:line` that names the sibling data folder outside a script's usage text. */
export function sharedReferences(files: string[], read: (file: string) => string): string[] {
  const found: string[] = []
  for (const file of files) {
    const text = read(file)
    if (!text.includes(sharedPath)) continue
    const allowed = file.startsWith('scripts') ? usageLines(text) : new Set<number>()
    text.split('\n').forEach((line, index) => {
      if (line.includes(sharedPath) && !allowed.has(index)) found.push(`${file}:${index + 1}`)
    })
  }
  return found
}

describe('the repository runs without a sibling data folder', () => {
  it('names it nowhere under test/, src/ or scripts/ but in a script usage line', () => {
    const files = checkedFolders.flatMap(filesUnder)
    expect(sharedReferences(files, (file) => readFileSync(file, 'utf8'))).toEqual([])
  })

  it('allows a usage line of a script header and flags the same path in code', () => {
    const script = [
      '/**',
      ' * Scores something.',
      ' *',
      ` *   npm run eval:thing -- --data ${sharedPath}/eval/thing-dev`,
      ' */',
      `const fallback = '${sharedPath}/eval/thing-dev'`,
    ].join('\n')
    expect(sharedReferences(['scripts/eval-thing.ts'], () => script)).toEqual(['scripts/eval-thing.ts:6'])
  })

  it('flags a usage-looking line outside scripts/', () => {
    const test = ['/**', ` *   npm run eval:thing -- --data ${sharedPath}/eval/thing-dev`, ' */'].join('\n')
    expect(sharedReferences(['test/node/thing.test.ts'], () => test)).toEqual(['test/node/thing.test.ts:2'])
  })
})
