import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * A short hash of the Worker's code: every file as path and content, in path
 * order. Any change to what the Worker runs (its source, or the locked versions
 * of the packages bundled into it) changes it; nothing else does.
 */
export function codeVersion(files: ReadonlyArray<{ path: string; content: string | Buffer }>): string {
  const hash = createHash('sha256')
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}\0${file.content.length}\0`)
    hash.update(file.content)
  }
  return hash.digest('hex').slice(0, 16)
}

/** The files the Worker is built from, relative to `root`: `src/` (recursively) and `package-lock.json`. */
export function workerSourceFiles(root: string): Array<{ path: string; content: Buffer }> {
  const files: Array<{ path: string; content: Buffer }> = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.push({ path: relative(root, path), content: readFileSync(path) })
    }
  }
  walk(join(root, 'src'))
  files.push({ path: 'package-lock.json', content: readFileSync(join(root, 'package-lock.json')) })
  return files
}
