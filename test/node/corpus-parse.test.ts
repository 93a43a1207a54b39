import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_ARTICLE_TEXT_BYTES } from '../../src/corpus/article'
import { decodeCorpusFile, findDuplicateIds, idFromPath, parseCorpusFile } from '../../src/corpus/parse'
import { jsonlLines, readCorpus, readCorpusFile } from '../../scripts/lib/read-corpus'

const seed = readFileSync('corpus/seed/000_7b2b9cd25cf26eb6.txt', 'utf8')

describe('.txt articles in the form of the seed', () => {
  it('reads the seed: date from the leading line, id from its path, text from the dateline on', () => {
    const { articles, errors } = parseCorpusFile('seed/000_7b2b9cd25cf26eb6.txt', seed)
    expect(errors).toEqual([])
    expect(articles).toHaveLength(1)
    const [article] = articles
    expect(article?.id).toBe('seed/000_7b2b9cd25cf26eb6')
    expect(article?.date).toBe('2026-02-03')
    expect(article?.title).toBeUndefined()
    expect(article?.text.startsWith('ISLAMABAD: China strongly condemned')).toBe(true)
    expect(article?.text.endsWith('internal terrorist threats.')).toBe(true)
  })

  it('takes the body from the next line when the date stands alone', () => {
    const { articles } = parseCorpusFile('a.txt', 'date 2020-01-02\nBody here.\n\nSecond paragraph.')
    expect(articles[0]).toMatchObject({ id: 'a', date: '2020-01-02', text: 'Body here.\n\nSecond paragraph.' })
  })

  it('accepts an article without a date line', () => {
    const { articles, errors } = parseCorpusFile('x/y.txt', 'Just a body.')
    expect(errors).toEqual([])
    expect(articles[0]).toEqual({ id: 'x/y', text: 'Just a body.' })
  })

  it('rejects a date that is not a date, naming the field', () => {
    const { articles, errors } = parseCorpusFile('bad.txt', 'date 2020-02-30 Body.')
    expect(articles).toEqual([])
    expect(errors).toEqual([{ file: 'bad.txt', field: 'date', reason: 'must be a real calendar date' }])
    expect(parseCorpusFile('bad.txt', 'date yesterday Body.').errors[0]).toMatchObject({ field: 'date', reason: expect.stringContaining('YYYY-MM-DD') })
  })

  it('rejects a file with no text', () => {
    expect(parseCorpusFile('empty.txt', ' date 2020-01-01 \n\n').errors).toEqual([
      { file: 'empty.txt', field: 'text', reason: 'must not be empty: the article has no text' },
    ])
  })
})

describe('.md articles with YAML front matter', () => {
  const md = (front: string, body = 'The body.') => `---\n${front}\n---\n\n${body}\n`

  it('reads every front-matter field and prefers its id to the path', () => {
    const { articles, errors } = parseCorpusFile(
      'news/a.md',
      md(
        'id: "Gdańsk: a mayor\'s story; part 1"\ntitle: A title\ndate: 2019-01-14\nurl: https://example.org/a\nsource: example.org\nlicense: CC BY 2.5\ntags: [politics, poland]',
      ),
    )
    expect(errors).toEqual([])
    expect(articles[0]).toEqual({
      id: "Gdańsk: a mayor's story; part 1",
      title: 'A title',
      date: '2019-01-14',
      url: 'https://example.org/a',
      source: 'example.org',
      license: 'CC BY 2.5',
      tags: ['politics', 'poland'],
      text: 'The body.',
    })
  })

  it('derives the id from the path when the front matter has none', () => {
    expect(parseCorpusFile('news/b.md', md('title: B')).articles[0]?.id).toBe('news/b')
  })

  it('reports a file without front matter', () => {
    expect(parseCorpusFile('c.md', 'No front matter').errors[0]).toMatchObject({ file: 'c.md', field: 'front matter' })
  })

  it('reports broken YAML with the parser reason', () => {
    const [error] = parseCorpusFile('d.md', md('title: [unclosed')).errors
    expect(error).toMatchObject({ file: 'd.md', field: 'front matter', reason: expect.stringContaining('not valid YAML') })
  })

  it('reports each bad field: date, url and empty body', () => {
    const { errors } = parseCorpusFile('e.md', md('date: 14/01/2019\nurl: not a url', '   '))
    expect(errors.map((error) => error.field).sort()).toEqual(['date', 'text', 'url'])
  })
})

describe('.jsonl files', () => {
  it('reads one article a line and reports bad lines with their number', () => {
    const content = [
      JSON.stringify({ id: 'one', title: 'One', date: '2020-12-28', text: 'First.\n\nSecond.' }),
      '',
      '{not json',
      JSON.stringify({ title: 'no id', text: 'x' }),
      JSON.stringify({ id: 'two', text: '' }),
    ].join('\n')
    const { articles, errors } = parseCorpusFile('set.jsonl', content)
    expect(articles.map((article) => article.id)).toEqual(['one'])
    expect(errors.map(({ line, field }) => [line, field])).toEqual([
      [3, '(line)'],
      [4, 'id'],
      [5, 'text'],
    ])
  })
})

describe('large .jsonl files, read in pieces cut at line ends (a V8 string stops at 512 MiB)', () => {
  // The shipped corpus as JSON Lines, with a bad line and a line of the wrong shape among its articles.
  const lines = readCorpus('corpus')
    .articles.map((article) => JSON.stringify(article))
    .toSpliced(40, 0, '{not json', JSON.stringify({ title: 'no id', text: 'x' }))
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n')

  it('gives the articles and the errors, with their lines, that reading the file whole gives', () => {
    const whole = readCorpusFile('corpus.jsonl', bytes, bytes.length)
    expect(whole.articles).toHaveLength(lines.length - 2)
    expect(whole.errors.map(({ line, field }) => [line, field])).toEqual([
      [41, '(line)'],
      [42, 'id'],
    ])
    for (const pieceBytes of [1, 5_000, 100_003]) expect(readCorpusFile('corpus.jsonl', bytes, pieceBytes)).toEqual(whole)
  })

  it('gives the lines, whole, that splitting the decoded file gives (a piece cut after a line end, never inside a character)', () => {
    const text = new TextDecoder().decode(bytes)
    expect(text).toMatch(/[^\x00-\x7f]/)
    const split = text.split('\n').filter(Boolean)
    for (const pieceBytes of [1, 5_000, 100_003, bytes.length]) expect(jsonlLines(bytes, pieceBytes)).toEqual(split)
  })

  it('names the byte offset and line of a bad byte in a later piece as in the whole file', () => {
    const bad = bytes.slice()
    const at = bytes.length - 100
    bad[at] = 0xff
    const whole = readCorpusFile('corpus.jsonl', bad, bad.length)
    expect(whole.articles).toEqual([])
    expect(whole.errors[0]?.reason).toContain(`byte offset ${at}`)
    expect(readCorpusFile('corpus.jsonl', bad, 5_000)).toEqual(whole)
  })
})

describe('ids', () => {
  it('come from the path below the corpus folder without extension', () => {
    expect(idFromPath('seed/000_7b2b9cd25cf26eb6.txt')).toBe('seed/000_7b2b9cd25cf26eb6')
    expect(idFromPath('a\\b.c.md')).toBe('a/b.c')
  })

  it('must be unique across files', () => {
    expect(
      findDuplicateIds([
        { file: 'a.md', ids: ['x'] },
        { file: 'b.jsonl', ids: ['y', 'x'] },
      ]),
    ).toEqual([{ file: 'b.jsonl', field: 'id', reason: 'duplicate id "x", already used by a.md' }])
  })

  it('reject unsupported extensions', () => {
    expect(parseCorpusFile('a.html', '<p>').errors[0]?.reason).toContain('unsupported extension')
  })
})

describe('bytes and sizes a corpus file may not have', () => {
  it('refuses bytes that are not UTF-8, naming the byte offset and line of the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"id":"a","text":"fine"}\n{"id":"b","text":"caf'), 0xe9, ...new TextEncoder().encode('"}\n')])
    const decoded = decodeCorpusFile('bad.jsonl', bytes)
    expect(decoded).toEqual({ ok: false, error: { file: 'bad.jsonl', line: 2, field: '(file)', reason: expect.stringContaining('byte offset 46') } })
    expect(decodeCorpusFile('good.txt', new TextEncoder().encode('Gdańsk said.'))).toEqual({ ok: true, content: 'Gdańsk said.' })
  })

  it.each(['empty.jsonl', 'empty.txt', 'empty.md'])('reports an empty file (%s) by name', (name) => {
    expect(parseCorpusFile(name, '\n  \n').errors).toEqual([{ file: name, field: '(file)', reason: expect.stringContaining('the file is empty') }])
  })

  it('refuses an article over the size limit with its id, size and the limit, and accepts one at the limit', () => {
    const sentence = 'Officials in Quetta said the roads will be rebuilt. '
    const atLimit = sentence.repeat(Math.floor(MAX_ARTICLE_TEXT_BYTES / sentence.length)).trim()
    expect(parseCorpusFile('ok.txt', atLimit).errors).toEqual([])
    const over = `${atLimit} ${sentence.repeat(2)}`.trim()
    const bytes = new TextEncoder().encode(over).length
    expect(parseCorpusFile('big.jsonl', JSON.stringify({ id: 'huge', text: over })).errors).toEqual([
      {
        file: 'big.jsonl',
        line: 1,
        field: 'text',
        reason: `article "huge" has ${bytes} bytes of text, over the limit of ${MAX_ARTICLE_TEXT_BYTES} bytes (256 KiB): split or shorten it`,
      },
    ])
  })
})
