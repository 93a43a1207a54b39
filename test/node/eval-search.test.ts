import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createBm25 } from '../../scripts/lib/bm25'
import { averagePrecisionAt, evaluate, ndcgAt, recallAt } from '../../scripts/lib/ir-metrics'

describe('retrieval measures', () => {
  const relevant = new Map([
    ['a', 1],
    ['b', 1],
  ])

  it('nDCG@10 is 1 for a perfect ranking and follows the log discount otherwise', () => {
    expect(ndcgAt(['a', 'b', 'x'], relevant, 10)).toBe(1)
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(4)
    expect(ndcgAt(['x', 'a', 'b'], relevant, 10)).toBeCloseTo(dcg / (1 + 1 / Math.log2(3)), 10)
    expect(ndcgAt(['x'], relevant, 10)).toBe(0)
  })

  it('recall and average precision count relevant documents found, and where', () => {
    expect(recallAt(['a', 'x'], relevant, 100)).toBe(0.5)
    expect(averagePrecisionAt(['x', 'a', 'y', 'b'], relevant, 100)).toBeCloseTo((1 / 2 + 2 / 4) / 2, 10)
    expect(evaluate(new Map([['q', ['a', 'b']]]), new Map([['q', relevant]]))).toEqual({ ndcg10: 1, recall100: 1, map100: 1 })
  })

  it('BM25 ranks the document with the rarer query word higher and ignores unknown words', () => {
    const search = createBm25([
      { id: 'common', text: 'the cat sat on the mat' },
      { id: 'rare', text: 'the aardvark sat' },
      { id: 'both', text: 'cat and aardvark' },
      { id: 'none', text: 'nothing here' },
    ])
    expect(search('aardvark cat zzz', 10)).toEqual(['both', 'rare', 'common'])
  })
})

describe('npm run eval:search', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-search-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('indexes a BEIR collection with the product configuration and prints both systems', () => {
    const documents = [
      { _id: 'd1', title: 'Vitamin D and bone density', text: 'Vitamin D supplements increase bone mineral density in older adults.' },
      { _id: 'd2', title: 'Coffee and sleep', text: 'Caffeine taken late in the day shortens sleep.' },
      { _id: 'd3', title: 'Exercise', text: 'Regular exercise lowers blood pressure in adults with hypertension.' },
    ]
    const queries = [
      { _id: 'q1', text: 'Vitamin D supplementation improves bone density.' },
      { _id: 'q2', text: 'Exercising lowers blood pressure.' },
    ]
    writeFileSync(join(dir, 'corpus.jsonl'), documents.map((document) => JSON.stringify(document)).join('\n'))
    writeFileSync(join(dir, 'queries.jsonl'), queries.map((query) => JSON.stringify(query)).join('\n'))
    writeFileSync(join(dir, 'qrels.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\n')
    mkdirSync(join(dir, 'articles'))
    writeFileSync(
      join(dir, 'articles', 'quake.md'),
      '---\nid: quake\ntitle: Earthquake strikes Sulawesi island\n---\n\nA strong earthquake struck Sulawesi on Friday. Buildings collapsed.\n',
    )
    const output = execFileSync(
      'npx',
      [
        'tsx',
        'scripts/eval-search.ts',
        '--corpus',
        join(dir, 'corpus.jsonl'),
        '--queries',
        join(dir, 'queries.jsonl'),
        '--qrels',
        join(dir, 'qrels.tsv'),
        '--articles',
        join(dir, 'articles'),
        '--out',
        join(dir, 'table.md'),
      ],
      { encoding: 'utf8' },
    )
    expect(output).toMatch(/\| BM25 baseline .*\| 1\.0000 \| 1\.0000 \| 1\.0000 \|/)
    // "Exercising" only finds "exercise" through stemming, and the product ranks both right.
    expect(output).toMatch(/\| News Edge search .*\| 1\.0000 \| 1\.0000 \| 1\.0000 \|/)
    expect(output).toMatch(/2 judged queries/)
    // Queries derived from the one bundled article: its title words, its first sentence, and one slip of each kind.
    expect(output).toMatch(/\| short \((tuning|blind)\) \| 1 \| News Edge search .*\| 1\.0000 \| — \|$/m)
    expect(output).toMatch(/\| long \((tuning|blind)\) \| 1 \|/)
    // Each misspelt query is corrected back to the words as meant (the last column: corrections right, of those made).
    for (const slip of ['swap', 'drop', 'insert', 'substitute'])
      expect(output).toMatch(
        new RegExp(`\\| typo-${slip} \\((tuning|blind)\\) \\| 1 \\| News Edge search .*\\| 1\\.0000 \\(1 of 1; 1 spelt as meant\\) \\|$`, 'm'),
      )
    expect(readFileSync(join(dir, 'table.md'), 'utf8')).toMatch(/^# Search evaluation\n\nWritten by `npm run eval:search` on \d{4}-\d\d-\d\d/)
  })
})
