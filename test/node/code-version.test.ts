import { describe, expect, it } from 'vitest'
import { codeVersion, workerSourceFiles } from '../../scripts/lib/code-version'

const files = [
  { path: 'src/app.ts', content: "export const greeting = 'hello'\n" },
  { path: 'src/http/cache.ts', content: 'export const CACHE = 60\n' },
  { path: 'package-lock.json', content: '{"packages":{"node_modules/hono":{"version":"4.13.19"}}}' },
]

describe('the code version folded into ETags', () => {
  it('is the same for the same files in any order', () => {
    expect(codeVersion([...files].reverse())).toBe(codeVersion(files))
    expect(codeVersion(files)).toMatch(/^[0-9a-f]{16}$/)
  })

  it('changes when a source file, a file name or a locked package version changes', () => {
    const base = codeVersion(files)
    expect(codeVersion(files.map((file) => (file.path === 'src/http/cache.ts' ? { ...file, content: 'export const CACHE = 61\n' } : file)))).not.toBe(base)
    expect(codeVersion(files.map((file) => (file.path === 'src/app.ts' ? { ...file, path: 'src/main.ts' } : file)))).not.toBe(base)
    expect(codeVersion(files.map((file) => (file.path === 'package-lock.json' ? { ...file, content: file.content.replace('4.13.19', '4.13.20') } : file)))).not.toBe(base)
    // Content cannot slide from one file into the next and give the same hash.
    expect(codeVersion([{ path: 'a', content: 'xy' }, { path: 'b', content: 'z' }])).not.toBe(codeVersion([{ path: 'a', content: 'x' }, { path: 'b', content: 'yz' }]))
  })

  it('reads the Worker source and the lock file of this repository', () => {
    const paths = workerSourceFiles('.').map((file) => file.path)
    expect(paths).toContain('src/app.ts')
    expect(paths).toContain('package-lock.json')
    expect(paths.some((path) => path.startsWith('test/') || path.startsWith('generated/'))).toBe(false)
  })
})
