import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readInputs, spillInputs } from '../../scripts/lib/analysis-cache'
import type { ArticleInput } from '../../src/corpus/article'

const work = mkdtempSync(join(tmpdir(), 'news-edge-spill-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe("the corpus's inputs spilled to disk", () => {
  it('read back run by run as they were: texts with line breaks, tabs, quotes, accents, non-Latin scripts and emoji', () => {
    const texts = [
      'Plain text.',
      'Two\nlines\r\nand a tab\there.',
      'She said: "No."\\',
      'Café in Zürich',
      'Пожар в Москве',
      '北京 🚒 fire',
      '\u2028 separators \u2029',
    ]
    const inputs: ArticleInput[] = texts.map((text, i) => ({ id: `a${i}`, text, ...(i % 2 ? { title: `Title ${i}`, date: '2024-05-06' } : {}) }))
    const file = join(work, 'inputs.jsonl')
    const offsets = spillInputs(inputs, file)
    expect(offsets).toHaveLength(inputs.length + 1)
    for (let first = 0; first < inputs.length; first++)
      for (let size = 0; first + size <= inputs.length; size++)
        expect(readInputs({ file, start: offsets[first]!, end: offsets[first + size]! })).toEqual(inputs.slice(first, first + size))
  })
})
