import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Bundle } from '../../src/bundle/types'
import { assetsDirOf, readBundledArticles } from '../../scripts/lib/bundle-files'

function build(corpus: string, bundlePath: string) {
  const result = spawnSync('npx', ['tsx', 'scripts/build-index.ts'], {
    env: { ...process.env, CORPUS: corpus, BUNDLE_PATH: bundlePath },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function writeFiles(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

describe('npm run build', { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'news-edge-build-'))
  const bundlePath = join(work, 'out', 'search.bundle')
  const good = join(work, 'good')
  writeFiles(good, {
    'README.md': '# About this corpus: not an article',
    'a/first.txt': ' date 2024-05-06 KARACHI: Rain flooded the city on Monday.\n\nOfficials said roads were closed.',
    'b.md': '---\ntitle: Second article\ndate: 2024-05-07\nurl: https://example.org/b\n---\n\nMarkets rose after the announcement.',
    'more.jsonl': `${JSON.stringify({ id: 'third: ünïcode; id', title: 'Third', text: 'A third article about floods.' })}\n`,
  })

  it('indexes every format of a CORPUS folder and reports what it did', () => {
    const result = build(good, bundlePath)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/built .*: 3 articles from 3 file\(s\)/)
    const articles = readBundledArticles(bundlePath)
    expect(articles.map((article) => article.id).sort()).toEqual(['a/first', 'b', 'third: ünïcode; id'])
    const first = articles.find((article) => article.id === 'a/first')
    expect(first).toMatchObject({ date: '2024-05-06', titleGenerated: true })
    expect(first?.title.length).toBeGreaterThan(0)
    expect(articles.find((article) => article.id === 'b')).toMatchObject({ title: 'Second article', titleGenerated: false })
  })

  it("writes the articles as static assets under the version's folder, and drops the previous version's", () => {
    const out = join(work, 'versions', 'search.bundle')
    expect(build(join(good, 'more.jsonl'), out).status).toBe(0)
    const first = (JSON.parse(readFileSync(out, 'utf8')) as Bundle).version
    expect(readdirSync(assetsDirOf(out))).toEqual([first])
    expect(readdirSync(join(assetsDirOf(out), first)).sort()).toEqual(['0000.txt', 'entities-0.txt', 'facts-0.txt'])
    expect(build(good, out).status).toBe(0)
    const second = (JSON.parse(readFileSync(out, 'utf8')) as Bundle).version
    expect(second).not.toBe(first)
    expect(readdirSync(assetsDirOf(out))).toEqual([second])
    expect(readBundledArticles(out)).toHaveLength(3)
  })

  it('indexes a single .jsonl file given as CORPUS', () => {
    const out = join(work, 'single', 'search.bundle')
    const result = build(join(good, 'more.jsonl'), out)
    expect(result.status).toBe(0)
    expect(readBundledArticles(out).map((article) => article.id)).toEqual(['third: ünïcode; id'])
  })

  it('stops on bad files, lists every one with field and reason, and keeps the previous bundle', () => {
    expect(build(good, bundlePath).status).toBe(0)
    const before = readFileSync(bundlePath, 'utf8')
    const bad = join(work, 'bad')
    writeFiles(bad, {
      'ok.md': '---\nid: same\ntitle: Fine\n---\n\nFine text.',
      'broken.md': '---\ntitle: [unclosed\n---\n\nText.',
      'empty.txt': 'date 2024-01-01\n',
      'baddate.md': '---\ntitle: Bad date\ndate: 2024-13-01\n---\n\nText.',
      'dup.jsonl': `${JSON.stringify({ id: 'same', text: 'Duplicate.' })}\n`,
    })
    const result = build(bad, bundlePath)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('previous bundle is unchanged')
    expect(result.stderr).toMatch(/broken\.md: front matter: the front matter is not valid YAML/)
    expect(result.stderr).toMatch(/empty\.txt: text: must not be empty/)
    expect(result.stderr).toMatch(/baddate\.md: date: must be a real calendar date/)
    expect(result.stderr).toMatch(/ok\.md: id: duplicate id "same", already used by dup\.jsonl/)
    expect(readFileSync(bundlePath, 'utf8')).toBe(before)
  })

  it('refuses a CORPUS path that does not exist', () => {
    const result = build(join(work, 'nowhere'), bundlePath)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('does not exist')
  })
})
