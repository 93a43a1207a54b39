import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lcsLength, rouge } from '../../scripts/lib/rouge'
import { evaluate, parseArticle, readDataset } from '../../scripts/lib/summary-eval'

describe('rouge', () => {
  it('scores identical texts 1 and disjoint texts 0', () => {
    expect(rouge('The cat sat.', 'the CAT sat')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 })
    expect(rouge('dogs bark', 'cats purr')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 })
  })

  it('computes F1 from clipped n-gram matches and the longest common subsequence', () => {
    // candidate 4 tokens, reference 5; unigram matches: the, cat, on (clipped: "the" once in the candidate)
    const scores = rouge('the cat was on', 'the cat sat on the')
    const f1 = (matches: number, c: number, r: number) => (2 * (matches / c) * (matches / r)) / (matches / c + matches / r)
    expect(scores.rouge1).toBeCloseTo(f1(3, 4, 5))
    expect(scores.rouge2).toBeCloseTo(f1(1, 3, 4)) // "the cat"
    expect(scores.rougeL).toBeCloseTo(f1(3, 4, 5)) // the, cat, on
    expect(lcsLength(['a', 'b', 'c', 'd'], ['b', 'x', 'd', 'a'])).toBe(2)
  })
})

describe('npm run eval:summary', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-summary-'))
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    write(
      'article/weather/001.txt',
      'Storm hits coast\n\nA storm with winds of 120 km/h hit the northern coast on Monday.\nThe weather office had warned fishermen to stay in port.\n\nThe storm cut power to 40,000 homes along the northern coast.\nRepair crews expect to restore power to the homes by Wednesday.\nSchools stayed open.\n',
    )
    write(
      'summary/weather/001.txt',
      'The storm cut power to 40,000 homes along the northern coast.\nA storm with winds of 120 km/h hit the northern coast on Monday.\n',
    )
    write('article/markets/001.txt', 'Shares fall\n\nShares in Acme fell 8% on Tuesday after profits missed forecasts.\nAcme blamed higher costs for steel.\n')
    write('summary/markets/001.txt', 'Shares in Acme fell 8% on Tuesday after profits missed forecasts.\n')
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads articles as text: sentences joined by a space, paragraphs by a blank line, line 1 the title', () => {
    const parsed = parseArticle('Title here\n\nOne.\nTwo.\n\nThree.\n')
    expect(parsed).toEqual({ title: 'Title here', text: 'One. Two.\n\nThree.', sentences: ['One.', 'Two.', 'Three.'] })
    expect(readDataset(dir).map((article) => `${article.topic}/${article.name}:${article.reference.length}`)).toEqual(['markets/001:1', 'weather/001:2'])
  })

  it('scores the product and Lead-N with N the reference length, per topic and overall', () => {
    const results = evaluate(readDataset(dir))
    expect([...results.keys()].sort()).toEqual(['markets', 'overall', 'weather'])
    // Lead-1 of the markets article is its reference.
    expect(results.get('markets')!.lead).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 })
    expect(results.get('overall')!.count).toBe(2)
    const weather = results.get('weather')!
    expect(weather.lead.rouge1).toBeLessThan(1)
    for (const side of [weather.product, weather.lead]) for (const value of Object.values(side)) expect(value).toBeGreaterThan(0)
  })

  it('prints both scores and their difference for each topic and overall', () => {
    const output = execFileSync('npx', ['tsx', 'scripts/eval-summary.ts', '--data', dir], { encoding: 'utf8' })
    const lines = output.trim().split('\n')
    expect(lines[0]).toMatch(/ROUGE/)
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(expect.arrayContaining(['markets', 'weather', 'overall']))
    const overall = lines
      .find((line) => line.startsWith('overall'))!
      .trim()
      .split(/\s+/)
    expect(overall).toHaveLength(11)
    const [product, lead, diff] = overall.slice(2, 5).map(Number) as [number, number, number]
    expect(diff).toBeCloseTo(product - lead, 1)
  })

  it('fails with a usage message when the data folder is missing', () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/eval-summary.ts', '--data', join(dir, 'nope')], { encoding: 'utf8', stdio: 'pipe' })).toThrow(/usage/)
  })
})
