import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBundledArticles } from '../../scripts/lib/bundle-files'

function build(corpus: string, bundlePath: string, env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['tsx', 'scripts/build-index.ts'], {
    env: { ...process.env, CORPUS: corpus, BUNDLE_PATH: bundlePath, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, version: /version ([0-9a-f]{16})/.exec(result.stdout)?.[1] }
}

const ARTICLES = [
  { id: 'quetta', title: 'Blast in Quetta', date: '2024-03-01', text: 'QUETTA: A bomb killed 12 people at a market in Quetta on Friday, police said.' },
  { id: 'floods', title: 'Floods in Sindh', date: '2024-03-02', text: 'Floods displaced 3,000 families in Sindh province, officials said on Saturday.' },
  {
    id: 'court',
    title: 'Court ruling',
    date: '2024-03-03',
    text: 'The Supreme Court ruled on Monday that the election law was valid, Justice Ayesha Malik said.',
  },
]

function writeCorpus(path: string, articles: readonly object[]) {
  writeFileSync(path, articles.map((article) => JSON.stringify(article)).join('\n') + '\n')
}

describe('the analysis cache and the build threads', { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'news-edge-cache-'))
  const corpus = join(work, 'corpus.jsonl')
  const bundlePath = join(work, 'out', 'search.bundle')
  mkdirSync(join(work, 'out'))

  it('analyses every article once, then only the one that changed, with the same bundle as a build without a cache', () => {
    writeCorpus(corpus, ARTICLES)
    const cold = build(corpus, bundlePath)
    expect(cold.stderr).toBe('')
    expect(cold.stdout).toContain('(3 articles analysed on 1 thread(s), 0 from the analysis cache)')

    const warm = build(corpus, bundlePath)
    expect(warm.stdout).toContain('(0 articles analysed on 1 thread(s), 3 from the analysis cache)')
    expect(warm.version).toBe(cold.version)

    const changed = ARTICLES.map((article) => (article.id === 'quetta' ? { ...article, text: article.text.replace('killed 12', 'killed 15') } : article))
    writeCorpus(corpus, changed)
    const one = build(corpus, bundlePath)
    expect(one.stdout).toContain('(1 articles analysed on 1 thread(s), 2 from the analysis cache)')
    const quetta = readBundledArticles(bundlePath).find((article) => article.id === 'quetta')!
    expect(quetta.facts.quantities.map((quantity) => quantity.value)).toEqual([15])

    // The same corpus in a fresh place (no cache) gives the very same bundle version.
    const fresh = build(corpus, join(work, 'fresh', 'search.bundle'))
    expect(fresh.stdout).toContain('(3 articles analysed')
    expect(fresh.version).toBe(one.version)
  })

  it('gives the same bundle on two threads as on one', () => {
    writeCorpus(corpus, ARTICLES)
    const single = build(corpus, join(work, 'one', 'search.bundle'), { THREADS: '1' })
    const many = Array.from({ length: 70 }, (_, n) => ({ ...ARTICLES[n % 3]!, id: `copy-${n}` }))
    writeCorpus(corpus, many)
    const threaded = build(corpus, join(work, 'two', 'search.bundle'), { THREADS: '2' })
    expect(threaded.stderr).toBe('')
    expect(threaded.stdout).toContain('(70 articles analysed on 2 thread(s)')
    const serial = build(corpus, join(work, 'serial', 'search.bundle'), { THREADS: '1' })
    expect(serial.stdout).toContain('(70 articles analysed on 1 thread(s)')
    expect(threaded.version).toBe(serial.version)
    expect(readFileSync(join(work, 'two', 'search.bin'))).toEqual(readFileSync(join(work, 'serial', 'search.bin')))
    expect(single.status).toBe(0)
  })

  it('refuses a THREADS that is not a whole number of threads', () => {
    const result = build(corpus, bundlePath, { THREADS: 'many' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('THREADS must be a whole number')
  })
})
