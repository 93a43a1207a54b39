import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// Shipped articles in name order, as a newsroom's corpus in date order grows: the new ones come last.
const work = mkdtempSync(join(tmpdir(), 'news-edge-reuse-'))
const corpus = join(work, 'corpus')
const names = readdirSync('corpus/wikinews')
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, 24)
mkdirSync(corpus)

/** `npm run build` of `corpus` into `out`, in shards of 8 articles filled in turn; one analysis cache for every build. */
function build(out: string): string {
  const result = spawnSync('npx', ['tsx', 'scripts/build-index.ts'], {
    env: { ...process.env, CORPUS: corpus, ARTICLES_PER_SHARD: '8', BUNDLE_PATH: join(out, 'search.bundle'), ANALYSIS_CACHE: join(work, 'cache') },
    encoding: 'utf8',
    timeout: 180_000,
  })
  const output = `${result.stdout}${result.stderr}`
  expect(result.status, output).toBe(0)
  return output
}

/** Every file under `dir`, by path relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort()
}

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('a warm sharded build after articles are appended', { timeout: 400_000 }, () => {
  it('rewrites only the last shard (the full shards keep their own files, the same inodes), reads back and counts only its articles, and writes what a cold build of the same corpus writes', () => {
    for (const name of names.slice(0, 20)) cpSync(join('corpus/wikinews', name), join(corpus, name))
    const warm = join(work, 'warm')
    expect(build(warm)).toMatch(/in 3 shards.*0 of them reused from the previous build \(phrases counted in 20 articles, 40 articles read back/s)
    const served = join(warm, 'sharded')
    const keyOf = (shard: number) => /^counts-(.*)\.json$/.exec(readdirSync(join(served, `shard-${shard}`)).find((name) => name.startsWith('counts-'))!)![1]!
    // A shard's own files: its bundle, index, counts for the corpus figures, phrase counts, registry facts and sheet, suggestion sheet, and the assets under its key (packs, facts table).
    const own = (shard: number) =>
      files(join(served, `shard-${shard}`)).filter((name) =>
        [/^search\.(bundle|bin)$/, /^counts-/, /^phrases-/, /^facts-/, /^registry-/, /^suggestion-sheet-/, new RegExp(`^assets/${keyOf(shard)}/`)].some(
          (pattern) => pattern.test(name),
        ),
      )
    const before = new Map(
      [0, 1, 2].flatMap((shard) =>
        files(join(served, `shard-${shard}`)).map((name) => [`shard-${shard}/${name}`, statSync(join(served, `shard-${shard}`, name)).ino]),
      ),
    )
    const keys = [0, 1, 2].map(keyOf)

    for (const name of names.slice(20)) cpSync(join('corpus/wikinews', name), join(corpus, name))
    const output = build(warm)
    expect(output).toMatch(/4 articles analysed on \d thread\(s\), 20 from the analysis cache/)
    // The 16 articles of the two full shards are neither read back nor counted again: their kept phrase counts and
    // facts stand for them. The last shard's 8 are read twice: for its index and phrases, then for its files.
    expect(output).toMatch(/in 3 shards.*2 of them reused from the previous build \(phrases counted in 8 articles, 16 articles read back/s)
    for (const shard of [0, 1]) {
      expect(keyOf(shard)).toBe(keys[shard])
      const names = own(shard)
      // The bundle, the index, the counts, the phrase counts, the registry facts and sheet, the suggestion sheet, and the packs and facts table: 8 files and the assets, all hard links to the earlier build's.
      expect(names.length).toBeGreaterThan(8)
      expect(names).toEqual(
        expect.arrayContaining([
          `phrases-${keys[shard]}.tsv`,
          `facts-${keys[shard]}.json`,
          `registry-${keys[shard]}.json`,
          `suggestion-sheet-${keys[shard]}.json`,
        ]),
      )
      expect(names.some((name) => name.endsWith('/0000.txt'))).toBe(true)
      for (const name of names) expect(statSync(join(served, `shard-${shard}`, name)).ino, `shard-${shard}/${name}`).toBe(before.get(`shard-${shard}/${name}`))
      // What the whole corpus gives it is the new build's.
      for (const name of ['figures.bin', 'suggestions.bin', 'index.ts'])
        expect(statSync(join(served, `shard-${shard}`, name)).ino, name).not.toBe(before.get(`shard-${shard}/${name}`))
    }
    // The last shard took the 4 new articles: a new key, every file written anew.
    expect(keyOf(2)).not.toBe(keys[2])
    for (const name of own(2)) expect(statSync(join(served, 'shard-2', name)).ino, `shard-2/${name}`).not.toBe(before.get(`shard-2/${name}`))

    // A build of the same 24 articles with nothing to reuse writes the same files, byte for byte, but the build time.
    const cold = join(work, 'cold')
    expect(build(cold)).toMatch(/in 3 shards.*0 of them reused from the previous build \(phrases counted in 24 articles, 48 articles read back/s)
    const coldServed = join(cold, 'sharded')
    expect(files(coldServed)).toEqual(files(served))
    const builtAt = (text: string) => text.replace(/"builtAt":"[^"]*"/, '"builtAt":""')
    for (const name of files(served)) {
      const [a, b] = [readFileSync(join(served, name)), readFileSync(join(coldServed, name))]
      if (name === join('front', 'manifest.json')) expect(builtAt(a.toString()), name).toBe(builtAt(b.toString()))
      else expect(Buffer.compare(a, b), relative(work, join(served, name))).toBe(0)
    }
  })
})
