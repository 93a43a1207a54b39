import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { codeVersion } from '../../scripts/lib/code-version'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })))

/** An invented Worker (an entry importing a route, a helper, a runtime module and build output); returns a writer and its version. */
function inventedWorker() {
  const root = mkdtempSync(join(tmpdir(), 'code-version-'))
  folders.push(root)
  const write = (path: string, content: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  write(
    'src/index.ts',
    "import { env } from 'cloudflare:workers'\nimport { route } from './route'\nimport { BUILT } from '../generated/built'\nexport default { env, route, BUILT }\n",
  )
  write('src/route.ts', "import { shout } from './text/shout'\nexport const route = () => shout('hello')\n")
  write('src/text/shout.ts', 'export const shout = (text: string) => text.toUpperCase()\n')
  write('src/unused.ts', 'export const unused = 1\n')
  write('generated/built.ts', "export const BUILT = 'bundle 1'\n")
  return { write, version: () => codeVersion(join(root, 'src/index.ts')) }
}

describe('the code version folded into ETags', () => {
  it('stays the same when only build output or files the Worker does not import change', () => {
    const worker = inventedWorker()
    const base = worker.version()
    expect(base).toMatch(/^[0-9a-f]{16}$/)
    worker.write('generated/built.ts', "export const BUILT = 'bundle 2'\n")
    worker.write('src/unused.ts', 'export const unused = 2\n')
    expect(worker.version()).toBe(base)
  })

  it('changes when a file the Worker imports changes, however deep', () => {
    const worker = inventedWorker()
    const base = worker.version()
    worker.write('src/text/shout.ts', 'export const shout = (text: string) => text.toLowerCase()\n')
    const deeper = worker.version()
    expect(deeper).not.toBe(base)
    worker.write('src/route.ts', "import { shout } from './text/shout'\nexport const route = () => shout('bye')\n")
    expect(worker.version()).not.toBe(deeper)
  })

  it('covers this repository’s Worker without needing a build', () => {
    expect(codeVersion()).toMatch(/^[0-9a-f]{16}$/)
  })
})
