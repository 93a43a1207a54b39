import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { storedArticle } from '../../src/article'
import { contentHash, corpusForm } from '../../src/live/corpus-form'
import { applyPull } from '../../scripts/lib/corpus-pull'
import { readCorpus } from '../../scripts/lib/read-corpus'

const line = (id: string, text: string) => JSON.stringify({ id, title: `About ${id}`, date: '2026-11-01', text })

function corpusFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'pull-'))
  writeFileSync(join(root, 'one.txt'), 'The ferry from Port Quillan sailed late on Monday.\n')
  writeFileSync(join(root, 'keep.txt'), 'The harbour council met on Tuesday to discuss the budget.\n')
  mkdirSync(join(root, 'wire'))
  writeFileSync(
    join(root, 'wire', 'many.jsonl'),
    [line('m1', 'The mayor opened the bridge.'), line('m2', 'The bridge was closed for repairs.'), line('m3', 'Rain flooded the valley road.')].join('\n') +
      '\n',
  )
  return root
}

describe('npm run corpus:pull', () => {
  it('writes live articles into the corpus and takes replaced and deleted ids out of their files, so no id is there twice', () => {
    const root = corpusFolder()
    const live = [
      { id: 'one', title: 'Ferry sails on time', text: 'The ferry from Port Quillan sailed on time on Wednesday.' },
      { id: 'fresh', date: '2026-12-02', text: 'Heavy rain flooded the valley on Tuesday. Two people were killed.' },
      { id: 'm2', title: 'Bridge reopens', text: 'The bridge reopened after repairs.' },
    ]
    const result = applyPull(root, join(root, 'live', 'live.jsonl'), { version: 9, articles: live, tombstones: ['m3'] })
    expect(result).toEqual({ written: 3, removedFiles: ['one.txt'], rewrittenFiles: ['wire/many.jsonl'] })
    const { articles, errors } = readCorpus(root)
    expect(errors).toEqual([])
    expect(articles.map((article) => article.id).sort()).toEqual(['fresh', 'keep', 'm1', 'm2', 'one'])
    expect(articles.find((article) => article.id === 'one')?.title).toBe('Ferry sails on time')
    expect(articles.find((article) => article.id === 'm2')?.text).toBe('The bridge reopened after repairs.')

    // A second pull with fewer live articles rewrites the live file; an empty segment leaves none.
    applyPull(root, join(root, 'live', 'live.jsonl'), { version: 10, articles: [live[1]!], tombstones: [] })
    expect(
      readFileSync(join(root, 'live', 'live.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1)
    applyPull(root, join(root, 'live', 'live.jsonl'), { version: 11, articles: [], tombstones: [] })
    expect(existsSync(join(root, 'live', 'live.jsonl'))).toBe(false)
  })

  it('writes an article the build reads back to the same content hash, so the segment can drop it after the deploy', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pull-'))
    const published = [
      storedArticle({
        id: 'live/titled',
        title: 'Flood hits the valley',
        date: '2026-12-02',
        url: 'https://example.org/flood',
        source: 'Desk',
        license: 'CC BY 4.0',
        tags: ['weather'],
        text: 'Heavy rain flooded the valley on Tuesday. Two people were killed.',
      }),
      storedArticle({
        id: 'live/untitled',
        text: 'The council of Port Quillan approved the ferry plan on Monday. The mayor said the ferries would start next spring.',
      }),
    ]
    applyPull(root, join(root, 'live', 'live.jsonl'), { version: 1, articles: published.map(corpusForm), tombstones: [] })
    const rebuilt = readCorpus(root).articles.map(storedArticle)
    for (const article of published) {
      const again = rebuilt.find((each) => each.id === article.id)!
      expect(await contentHash(again)).toBe(await contentHash(article))
    }
    // The generated title stays generated: the pulled file has no title, so the rebuild makes the same one.
    expect(rebuilt.find((each) => each.id === 'live/untitled')).toMatchObject({ titleGenerated: true, title: published[1]!.title })
    // Another text is another hash: an article replaced live since the pull is not dropped.
    expect(await contentHash({ ...published[0]!, text: 'Heavy rain flooded the valley on Wednesday.' })).not.toBe(await contentHash(published[0]!))
  })
})
