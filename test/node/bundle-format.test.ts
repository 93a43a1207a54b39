import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { factsAsset, MAX_PACKS, MIN_PACK_SIZE, packAsset, packRecord, packSizeFor, parseBundle, serializeBundle, type Layout } from '../../src/bundle/format'
import { WeightedLru } from '../../src/lru'
import { openBundle } from '../../src/bundle/open'
import { PackCache, type AssetReader } from '../../src/bundle/packs'
import type { Bundle } from '../../src/bundle/types'
import type { StoredArticle } from '../../src/article'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import { buildIndex } from '../../src/search/search'
import type { LookupReader, LookupTables } from '../../src/search/tables/corpus-tables'
import { assetsDirOf, BUNDLE_PATH, openBundleFiles, readBundledArticles } from '../../scripts/lib/bundle-files'

// The bundle `npm run build` wrote for the shipped corpus (npm test builds it first).
const text = readFileSync(BUNDLE_PATH, 'utf8')
const bytes = readFileSync('generated/search.bin')
const whole = JSON.parse(text) as Bundle
const shipped = readBundledArticles()

/** An in-memory asset store that counts what is read. */
function memoryReader(assets: ReadonlyMap<string, string>) {
  const reads: string[] = []
  const read: AssetReader = async (name) => {
    reads.push(name)
    const found = assets.get(name)
    if (found === undefined) throw new Error(`no asset ${name}`)
    return found
  }
  return { read, reads }
}

/** Every table of a bundle's lookup part, each parsed apart, as the build stored them together. */
function lookupTables(lookup: LookupReader): LookupTables {
  return { titles: lookup.titles(), urls: lookup.urls(), lexicon: lookup.lexicon(), suggestions: lookup.suggestions() }
}

function serialise(articles: readonly StoredArticle[], layout?: Layout) {
  const index = serializeCompactIndex(buildIndex(articles))
  return { files: serializeBundle({ version: 'v', builtAt: 'now', index: index.header }, articles, layout), binary: index.binary }
}

describe('the built bundle', () => {
  it('keeps no article in the Worker module: the header, the index header and the corpus tables only', () => {
    expect(Object.keys(whole)).toEqual(['version', 'builtAt', 'index', 'packSize', 'factParts', 'entityParts', 'articleOffsets', 'tables'])
    expect(whole.index.ids).toHaveLength(shipped.length)
    const seed = shipped.find((article) => article.id === 'seed/000_7b2b9cd25cf26eb6')!
    expect(text).not.toContain(seed.text.slice(0, 200))
    expect(text).not.toContain(JSON.stringify(seed.summary.text))
  })

  it('puts the articles into small packs in index order, each well under the 25 MiB asset limit', () => {
    expect(whole.packSize).toBe(MIN_PACK_SIZE)
    expect(shipped.map((article) => article.id)).toEqual(whole.index.ids)
    const packs = Math.ceil(shipped.length / whole.packSize)
    for (let pack = 0; pack < packs; pack++) {
      const path = join(assetsDirOf(BUNDLE_PATH), packAsset(whole.version, pack))
      expect(statSync(path).size).toBeLessThan(25 * 1024 * 1024)
      const members = shipped.slice(pack * whole.packSize, (pack + 1) * whole.packSize)
      expect(members.length).toBe(Math.min(whole.packSize, shipped.length - pack * whole.packSize))
      expect(readFileSync(path, 'utf8')).toBe(members.map(packRecord).join(''))
    }
    expect(whole.factParts).toBe(1)
    expect(statSync(join(assetsDirOf(BUNDLE_PATH), factsAsset(whole.version, 0))).size).toBeGreaterThan(0)
  })

  it('opens from the file system through the same code as the Worker, each article parsed from its own slice of its pack', async () => {
    const bundle = openBundleFiles()
    expect(bundle.version).toBe(whole.version)
    const all = await bundle.articlesById(bundle.ids)
    expect(all.size).toBe(shipped.length)
    for (const article of shipped) expect(JSON.stringify(all.get(article.id))).toBe(JSON.stringify(article))
    expect(bundle.index.search('Balochistan Quetta', { combineWith: 'AND' })[0]?.id).toBe('seed/000_7b2b9cd25cf26eb6')
  })

  it('reads what a search hit shows of every article (id, title, date, url, text) as the whole article has it, the rest unparsed', async () => {
    const bundle = openBundleFiles()
    const shown = await bundle.shownById(bundle.ids)
    expect(shown.size).toBe(shipped.length)
    for (const article of shipped) expect(shown.get(article.id)).toEqual(pick(article))
    expect(shipped.some((article) => article.date === undefined || article.url === undefined)).toBe(true)
  })
})

/** What a hit shows of an article, as `shownById` answers it (absent fields stay absent). */
function pick({ id, title, date, url, text }: StoredArticle) {
  return { id, title, text, ...(date === undefined ? {} : { date }), ...(url === undefined ? {} : { url }) }
}

describe('the bundle format', () => {
  it('grows the packs with the corpus only as far as keeps the files within the upload limit', () => {
    expect(packSizeFor(292)).toBe(MIN_PACK_SIZE)
    expect(packSizeFor(80_000)).toBe(MIN_PACK_SIZE)
    for (const articles of [80_001, 250_000, 1_000_000, 3_333_333]) expect(Math.ceil(articles / packSizeFor(articles))).toBeLessThanOrEqual(MAX_PACKS)
    expect(packSizeFor(1_000_000)).toBe(100)
  })

  it('round-trips articles with quotes, line breaks, non-Latin text and ids that look like JSON, across pack boundaries', async () => {
    const articles = shipped.slice(0, 5).map((article, i) => ({
      ...article,
      id: [`"quoted" ,"tables":[ id`, 'ünïcode/日本語', 'line\nbreak', ']', 'plain'][i]!,
      text: `${article.text}\n«${'—'.repeat(i)}» "end"`,
    }))
    const { files, binary } = serialise(articles, { packSize: 2 })
    expect([...files.assets.keys()]).toEqual(['v/0000.txt', 'v/0001.txt', 'v/0002.txt', 'v/facts-0.txt', 'v/entities-0.txt'])
    const { read, reads } = memoryReader(files.assets)
    const reopened = openBundle(files.text, binary, read)
    expect(reopened.ids).toEqual(articles.map((article) => article.id))
    for (const article of articles) expect(await reopened.article(article.id)).toEqual(article)
    expect(await reopened.article('no such id')).toBeUndefined()
    expect(reopened.has('ünïcode/日本語')).toBe(true)
    expect(reopened.has('no such id')).toBe(false)
    expect(
      reopened.index
        .search('end')
        .map((hit) => hit.id)
        .sort(),
    ).toEqual(articles.map((article) => article.id).sort())
    // Every pack was read once: the cache answered the rest.
    expect(reads.sort()).toEqual(['v/0000.txt', 'v/0001.txt', 'v/0002.txt'])
  })

  it('reads the shown fields of articles whose strings hold quotes, backslashes, braces and other keys, wherever the members stand', async () => {
    const articles = shipped.slice(0, 4).map((article, i) => ({
      ...article,
      id: [`"id":"x"}`, 'back\\slash\\', '{[', 'plain'][i]!,
      title: [`a "text":"not this" title`, 'ends in a backslash \\', '}]},"title":"no"', 'é'][i]!,
      text: `${article.text} \\"} ,"url":"no" ${'\\'.repeat(i)}`,
    }))
    // An article whose members come in another order, dateless and without a link, and one with its facts first.
    const { date: _date, url: _url, facts: first, ...undated } = articles[2]!
    articles[2] = { facts: first, ...undated }
    const { facts, ...factless } = articles[3]!
    articles[3] = { facts, ...factless, title: 'last' }
    const { files, binary } = serialise(articles, { packSize: 2 })
    const reopened = openBundle(files.text, binary, memoryReader(files.assets).read)
    const shown = await reopened.shownById(articles.map((article) => article.id))
    for (const article of articles) expect(shown.get(article.id)).toEqual(pick(article))
    expect(shown.get(articles[2]!.id)).not.toHaveProperty('date')
  })

  it('reads the shown fields of records whose members begin with digits, commas and colons, are empty, or hold a record of their own', async () => {
    const [first, second, third] = shipped
    const articles = [
      { ...first!, title: '12,3:45 killed', url: '', text: `7,0,,1,2:${packRecord(second!)}` },
      { ...second!, title: ':', date: '2026-01-02', text: ',' },
      { ...third!, title: '' },
    ]
    delete articles[2]!.url
    delete articles[2]!.date
    const { files, binary } = serialise(articles, { packSize: 2 })
    const reopened = openBundle(files.text, binary, memoryReader(files.assets).read)
    const shown = await reopened.shownById(articles.map((article) => article.id))
    for (const article of articles) expect(shown.get(article.id)).toEqual(pick(article))
    expect(shown.get(articles[0]!.id)).toHaveProperty('url', '')
    expect(shown.get(articles[2]!.id)).not.toHaveProperty('url')
    for (const article of articles) expect(JSON.stringify(await reopened.article(article.id))).toBe(JSON.stringify(article))
  })

  it('refuses a pack laid out differently (an older build writes a JSON array) instead of misreading it', async () => {
    const { files, binary } = serialise(shipped.slice(0, 2))
    const older = new Map([...files.assets].map(([name, text]) => [name, name === 'v/0000.txt' ? JSON.stringify(shipped.slice(0, 2)) : text]))
    const reopened = openBundle(files.text, binary, memoryReader(older).read)
    await expect(reopened.shownById([shipped[0]!.id])).rejects.toThrow(/rebuild/)
  })

  it('reads only the packs of the ids asked for, and returns only those ids', async () => {
    const { files, binary } = serialise(shipped.slice(0, 10), { packSize: 3 })
    const { read, reads } = memoryReader(files.assets)
    const bundle = openBundle(files.text, binary, read)
    const wanted = [shipped[0]!.id, shipped[2]!.id, shipped[9]!.id, 'missing']
    const found = await bundle.articlesById(wanted)
    expect([...found.keys()].sort()).toEqual([shipped[0]!.id, shipped[2]!.id, shipped[9]!.id].sort())
    expect(reads.sort()).toEqual(['v/0000.txt', 'v/0003.txt'])
  })

  it('cuts the facts table and the entity registry into parts that answer as the whole does, never inside a surrogate pair', async () => {
    const articles = shipped
      .slice(0, 30)
      .map((article, i) =>
        i === 3 ? { ...article, facts: { ...article.facts, quotes: article.facts.quotes.map((quote) => ({ ...quote, speaker: '😀'.repeat(500) })) } } : article,
      )
    const whole = serialise(articles)
    const cut = serialise(articles, { partUnits: 1001 })
    const parts = [...cut.files.assets].filter(([name]) => name.includes('/facts-')).map(([, part]) => part)
    expect(parts.length).toBeGreaterThan(5)
    for (const part of parts) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part)
    const query = { q: 'said', limit: 50, offset: 0 }
    const answer = async ({ files, binary }: ReturnType<typeof serialise>) =>
      (await openBundle(files.text, binary, memoryReader(files.assets).read).factCatalog()).query(query)
    const expected = await answer(whole)
    expect(expected.total).toBeGreaterThan(0)
    expect(await answer(cut)).toEqual(expected)
    // The registry, which outgrows the 25 MiB asset limit first (2.5–3.5 KB an article), is cut and joined alike.
    expect([...cut.files.assets.keys()].filter((name) => name.includes('/entities-')).length).toBeGreaterThan(5)
    const registry = async ({ files, binary }: ReturnType<typeof serialise>) => {
      const opened = await openBundle(files.text, binary, memoryReader(files.assets).read).entityRegistry()
      return opened.search({ q: '', limit: 100, offset: 0 })
    }
    const expectedEntities = await registry(whole)
    expect(expectedEntities.total).toBeGreaterThan(10)
    expect(await registry(cut)).toEqual(expectedEntities)
  })

  it('refuses to serialise articles in another order than the index holds them', () => {
    const articles = shipped.slice(0, 2)
    const index = serializeCompactIndex(buildIndex(articles))
    expect(() => serializeBundle({ version: 'v', builtAt: 'now', index: index.header }, [...articles].reverse())).toThrow(/index has/)
  })

  it('reads a module given as its UTF-8 bytes (a Data module, as the Worker has it) as it reads its text, characters of two, three and four bytes included', () => {
    const articles = shipped.slice(0, 12).map((article, i) => (i === 3 ? { ...article, title: `Zürich — 東京 talks 🙂 ${article.title}` } : article))
    const { files } = serialise(articles)
    const fromBytes = parseBundle(new TextEncoder().encode(files.text))
    const fromText = parseBundle(files.text)
    expect(fromBytes.header).toEqual(fromText.header)
    expect(fromBytes.tables().search).toEqual(fromText.tables().search)
    expect(lookupTables(fromBytes.tables().lookup)).toEqual(lookupTables(fromText.tables().lookup))
    expect(fromBytes.tables().lookup.titles()[3]).toMatch(/^Zürich — 東京 talks 🙂 /)
    const built = parseBundle(readFileSync(BUNDLE_PATH))
    expect(built.header).toEqual(parseBundle(text).header)
    expect(lookupTables(built.tables().lookup)).toEqual(whole.tables.lookup)
    expect(() => parseBundle(new TextEncoder().encode('{"version":"old","articles":[]}'))).toThrow(/rebuild/)
  })

  it('parses each table of the lookup part apart: the lexicon every search reads without the titles or the suggestion index', () => {
    const { files } = serialise(shipped.slice(0, 12))
    const cut = files.text.indexOf(',"suggestions":')
    // The suggestion index made unreadable: what does not read it still answers.
    const broken = new TextEncoder().encode(`${files.text.slice(0, cut)},"suggestions":{"entities":not JSON}}}`)
    const { lookup } = parseBundle(broken).tables()
    const whole = parseBundle(files.text).tables().lookup
    expect(lookup.lexicon()).toEqual(whole.lexicon())
    expect(lookup.titles()).toEqual(whole.titles())
    expect(lookup.urls()).toEqual(whole.urls())
    expect(() => lookup.suggestions()).toThrow(SyntaxError)
  })

  it('refuses a module from an older build, and index bytes from another build, instead of misreading them', () => {
    expect(() => parseBundle('{"version":"old","articles":[]}')).toThrow(/rebuild/)
    const reader: AssetReader = async () => '[]'
    expect(() => openBundle(text, bytes.subarray(0, bytes.length - 4), reader).index).toThrow(/different builds/)
  })
})

describe('the pack cache', () => {
  it('shares one read between concurrent requests for the same pack, and retries a failed read', async () => {
    let calls = 0
    let fail = true
    const cache = new PackCache(async (name) => {
      calls++
      await new Promise((done) => setTimeout(done, 5))
      if (fail) throw new Error('unavailable')
      return `text of ${name}`
    })
    await expect(Promise.all([cache.text('a'), cache.text('a')])).rejects.toThrow('unavailable')
    expect(calls).toBe(1)
    fail = false
    expect(await Promise.all([cache.text('a'), cache.text('a')])).toEqual(['text of a', 'text of a'])
    expect(calls).toBe(2)
  })

  it('keeps no more pack text than its budget, however many packs are read', async () => {
    const { files, binary } = serialise(shipped.slice(0, 40), { packSize: 4 })
    const packLengths = [...files.assets].filter(([name]) => /\/\d+\.txt$/.test(name)).map(([, pack]) => pack.length)
    const budget = Math.max(...packLengths) * 3
    const { read, reads } = memoryReader(files.assets)
    const bundle = openBundle(files.text, binary, read, { packBudget: budget })
    const articles = await bundle.articlesById(bundle.ids)
    expect(articles.size).toBe(40)
    expect(reads).toHaveLength(10)
    // The least recently used packs were dropped: asking for the first article again reads its pack again.
    await bundle.article(bundle.ids[0]!)
    expect(reads).toHaveLength(11)
    await bundle.article(bundle.ids[39]!)
    expect(reads).toHaveLength(11)
  })
})

describe('WeightedLru', () => {
  it('drops the least recently used entries until the weights fit the budget', () => {
    const lru = new WeightedLru<string, string>(10, (value) => value.length)
    lru.set('a', 'aaaa')
    lru.set('b', 'bbbb')
    expect(lru.get('a')).toBe('aaaa') // a is now the most recently used
    lru.set('c', 'cccc')
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe('aaaa')
    expect(lru.get('c')).toBe('cccc')
    expect(lru.weight).toBe(8)
    lru.set('a', 'a')
    expect(lru.weight).toBe(5)
  })

  it('keeps evicting the least recently used after thousands of evictions, gets and replacements', () => {
    // A list in use order as the reference: the cache keeps the oldest of its entries between evictions.
    const lru = new WeightedLru<number, string>(40, (value) => value.length)
    let order: [number, string][] = []
    let seed = 7
    const next = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below
    for (let step = 0; step < 20_000; step++) {
      const key = next(60)
      if (next(3) === 0) {
        const found = order.find(([k]) => k === key)
        expect(lru.get(key)).toBe(found?.[1])
        if (found) order = [...order.filter(([k]) => k !== key), found]
      } else {
        const value = 'x'.repeat(1 + next(9))
        lru.set(key, value)
        order = [...order.filter(([k]) => k !== key), [key, value]]
        while (order.reduce((sum, [, v]) => sum + v.length, 0) > 40) order.shift()
      }
      expect(lru.size).toBe(order.length)
    }
    expect(lru.weight).toBe(order.reduce((sum, [, v]) => sum + v.length, 0))
  })

  it('hands back a value heavier than the budget without keeping it', () => {
    const lru = new WeightedLru<string, string>(3, (value) => value.length)
    lru.set('small', 'ab')
    lru.set('big', 'abcd')
    expect(lru.get('big')).toBeUndefined()
    expect(lru.get('small')).toBe('ab')
    expect(lru.size).toBe(1)
  })
})
