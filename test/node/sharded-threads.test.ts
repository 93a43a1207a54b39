import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analysisInput, cacheKey, cachePath } from '../../scripts/lib/analysis-cache'
import { readCorpus } from '../../scripts/lib/read-corpus'

/**
 * The index phase's pass over the shards on the shard threads (THREADS=2: each shard collected, written and its
 * phrases counted on a thread, the corpus-wide figures summed on the build's) against the one-thread pass
 * (THREADS=1: on the build's thread, the phrases on the phrase thread), on the shipped corpus in shards of 100.
 */
const work = mkdtempSync(join(tmpdir(), 'news-edge-threads-'))
const cache = join(work, 'cache')

function build(out: string, env: Record<string, string>) {
  const result = spawnSync('npx', ['tsx', 'scripts/build-index.ts'], {
    env: { ...process.env, CORPUS: 'corpus', BUNDLE_PATH: join(out, 'search.bundle'), ANALYSIS_CACHE: cache, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stderr: result.stderr }
}

/** Every file under `dir`, by path relative to it, to its bytes (the front's `builtAt` set aside). */
function snapshot(dir: string): Record<string, string> {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (name) => !name.startsWith('.analysis-cache') && statSync(join(dir, name)).isFile(),
  )
  return Object.fromEntries(
    names.sort().map((name) => [
      name,
      readFileSync(join(dir, name))
        .toString('latin1')
        .replace(/"builtAt":"[^"]*"/, '"builtAt":""'),
    ]),
  )
}

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe("the index phase's pass on the shard threads", { timeout: 400_000 }, () => {
  const threaded = join(work, 'threaded')

  it('writes every file of the build as the one-thread pass does, byte for byte but the build time', () => {
    const one = build(join(work, 'one'), { ARTICLES_PER_SHARD: '100', THREADS: '1' })
    expect(one.status, one.output).toBe(0)
    const two = build(threaded, { ARTICLES_PER_SHARD: '100', THREADS: '2' })
    expect(two.status, two.output).toBe(0)
    expect(two.output).toMatch(/in 3 shards.*shards made on 2 thread\(s\), 0 of them reused/s)
    const [a, b] = [snapshot(join(work, 'one')), snapshot(threaded)]
    expect(Object.keys(b)).toEqual(Object.keys(a))
    expect(
      Object.keys(b).filter((name) =>
        /^sharded\/shard-\d\/(search\.bin|figures\.bin|suggestions\.bin|phrases-.*\.tsv|counts-.*\.json|facts-.*\.json)$/.test(name),
      ),
    ).toHaveLength(18)
    for (const name of Object.keys(a)) expect(b[name] === a[name], name).toBe(true)
  })

  it('stops the build when a shard thread fails, with the reason, the last good build untouched and the phrase files removed', () => {
    const previous = snapshot(threaded)
    // The 150th article's cache entry holds JSON that is no analysis: the thread collecting the second shard of 97 throws on it.
    const broken = join(work, 'broken-cache')
    cpSync(cache, broken, { recursive: true })
    const [version] = readdirSync(broken)
    const input = readCorpus('corpus').articles[150]!
    writeFileSync(cachePath(join(broken, version!), cacheKey(analysisInput(input))), '{}')
    const temporary = mkdtempSync(join(work, 'tmp-'))
    const failed = build(threaded, { ARTICLES_PER_SHARD: '97', THREADS: '2', ANALYSIS_CACHE: broken, TMPDIR: temporary })
    expect(failed.status, failed.output).toBe(1)
    expect(failed.stderr).toMatch(/^build failed: .*reading 'entities'.*; the previous bundle is unchanged\./)
    expect(failed.stderr).toMatch(/passShard/)
    expect(snapshot(threaded)).toEqual(previous)
    expect(readdirSync(temporary).filter((name) => name.startsWith('news-edge-phrases-'))).toEqual([])
    expect(readdirSync(broken).filter((name) => name.startsWith('inputs-'))).toEqual([])
  })
})
