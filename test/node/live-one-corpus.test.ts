import { beforeAll, describe, expect, it } from 'vitest'
import { storedArticle } from '../../src/article'
import type { StoredArticle } from '../../src/article'
import { FactCatalog } from '../../src/corpus-services/fact-catalog'
import { factsInOneCorpus, listOneCorpus, relatedInOneCorpus, searchOneCorpus, suggestInOneCorpus } from '../../src/live/merge'
import { LiveFacets } from '../../src/live/live-facets'
import { LiveWords } from '../../src/live/live-words'
import { LiveCopy, oneCorpus, type LiveView } from '../../src/live/one-corpus'
import { storeFacetTable } from '../../src/search/tables/facet-table'
import { storeLexicon } from '../../src/search/tables/lexicon'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import type { SearchCorpus } from '../../src/search/context'
import { corpusOfArticles } from '../../src/search/memory-corpus'
import { relatedArticles, roundedScores } from '../../src/search/related'
import { buildIndex, loadIndex, searchArticles, type SearchParams } from '../../src/search/search'
import { suggestIndexOf } from '../../src/search/context'
import { suggest } from '../../src/search/suggest'
import { readCorpus } from '../../scripts/lib/read-corpus'

/**
 * The one corpus (bundle + live segment) against a rebuild: the bundled
 * corpus as the base (a compact index, as the Worker loads it), a live
 * segment that adds, replaces and deletes, and the corpus a rebuild would
 * index (base − replaced − deleted + live) searched as one index. Every
 * reader must answer as the rebuild does.
 */
const FLOOD = storedArticle({
  id: 'my-paper/flood',
  title: 'Flood hits the valley',
  date: '2026-12-02',
  text: 'Heavy rain flooded the valley on Tuesday. Two people were killed.',
})

let base: StoredArticle[]
let baseCorpus: SearchCorpus
let view: LiveView
let rebuilt: SearchCorpus
let replacedId: string
let deletedId: string
let copyOf: StoredArticle

const params = (q: string, extra: Partial<SearchParams> = {}): SearchParams => ({ q, limit: 10, offset: 0, sort: 'relevance', ...extra })

beforeAll(async () => {
  base = readCorpus('corpus').articles.map(storedArticle)
  const compact = serializeCompactIndex(buildIndex(base))
  const memory = corpusOfArticles(base)
  baseCorpus = { ...memory, index: loadIndex(compact) }
  const valley = base.filter((article) => /valley/i.test(article.text))
  replacedId = valley[0]!.id
  deletedId = valley[1]!.id
  copyOf = base.find((article) => /flood/i.test(article.text) && article.id !== replacedId && article.id !== deletedId)!
  const live = [
    FLOOD,
    { ...copyOf, id: 'live/copy' },
    storedArticle({
      id: replacedId,
      title: 'Valley council rebuilds the bridge',
      date: '2026-11-30',
      text: 'The valley council rebuilt the bridge after the flood. The mayor thanked the volunteers.',
    }),
  ]
  view = await oneCorpus(baseCorpus, { version: 7, articles: live, tombstones: [deletedId] })
  const kept = base.filter((article) => article.id !== replacedId && article.id !== deletedId)
  rebuilt = corpusOfArticles([...kept, ...live])
}, 120_000)

const ranking = (hits: { id: string; score: number }[]) => hits.map((hit) => [hit.id, hit.score])

describe('the live segment ranked as one corpus with the bundle', () => {
  it('scores a live copy of a base article exactly as the base article', async () => {
    const words = copyOf.title.split(/\s+/).slice(0, 3).join(' ')
    const answer = await searchOneCorpus(view, params(words, { limit: 100 }))
    const scoreOf = (id: string) => answer.hits.find((hit) => hit.id === id)?.score
    expect(scoreOf('live/copy')).toBeDefined()
    expect(scoreOf('live/copy')).toBe(scoreOf(copyOf.id))
  })

  it.each([
    'valley flood',
    'flood',
    'valley council bridge',
    'police arrested',
    'killed',
    'Pakistan',
    'rain -valley',
    '"the valley"',
    'valey flod ',
    'volunters ',
    'heavy rain flooded the valley on tuesday',
  ])('answers %j as a rebuild would: hits, scores, total, facets, corrections', async (q) => {
    const merged = await searchOneCorpus(view, params(q))
    const single = await searchArticles(rebuilt, params(q))
    expect(ranking(merged.hits)).toEqual(ranking(single.hits))
    expect(merged.total).toBe(single.total)
    expect(merged.facets).toEqual(single.facets)
    expect([merged.correctedQuery, merged.suggestion, merged.typoTolerance]).toEqual([single.correctedQuery, single.suggestion, single.typoTolerance])
  })

  it('ranks the README flood article where a rebuild does, above the base without the live statistics', async () => {
    const merged = await searchOneCorpus(view, params('valley flood'))
    const single = await searchArticles(rebuilt, params('valley flood'))
    const rank = (hits: { id: string }[]) => hits.findIndex((hit) => hit.id === FLOOD.id)
    expect(rank(merged.hits)).toBeGreaterThanOrEqual(0)
    expect(rank(merged.hits)).toBe(rank(single.hits))
    // Scored with its own statistics only (one document: every word in every document), the live article would score otherwise.
    const alone = await searchArticles(corpusOfArticles([FLOOD]), params('valley flood'))
    expect(alone.hits[0]!.score).not.toBe(merged.hits[rank(merged.hits)]!.score)
  })

  it('pages deep results as a rebuild does, by date too', async () => {
    for (const extra of [
      { offset: 5, limit: 7 },
      { sort: 'date' as const, offset: 3, limit: 4 },
      { recency: 30, now: '2026-12-06' },
    ]) {
      const merged = await searchOneCorpus(view, params('the', extra))
      const single = await searchArticles(rebuilt, params('the', extra))
      expect(ranking(merged.hits)).toEqual(ranking(single.hits))
      expect(merged.total).toBe(single.total)
    }
  })

  it('never shows a replaced or deleted base article, and shows the replacement', async () => {
    const answer = await searchOneCorpus(view, params('valley', { limit: 100 }))
    const ids = answer.hits.map((hit) => hit.id)
    expect(ids).not.toContain(deletedId)
    expect(ids.filter((id) => id === replacedId)).toHaveLength(1)
    const replacement = answer.hits.find((hit) => hit.id === replacedId)!
    expect(replacement.title).toBe('Valley council rebuilds the bridge')
  })

  it('lists as a rebuild does, in every order and page', async () => {
    for (const sort of ['date', 'oldest', 'title'] as const) {
      const merged = await listOneCorpus(view, { sort, offset: 2, limit: 6 })
      expect(merged.articles.map((article) => article.id)).toEqual(
        (await listOneCorpus({ ...view, live: undefined, byId: new Map(), tombstones: new Set(), base: rebuilt }, { sort, offset: 2, limit: 6 })).articles.map(
          (article) => article.id,
        ),
      )
      expect(merged.total).toBe(base.length - 1 + 2)
    }
  })

  it('reaches by changes (put, replace, delete, tombstone) the state a copy of the whole segment has, and answers as its rebuild', async () => {
    const replacement = storedArticle({
      id: replacedId,
      title: 'Valley council rebuilds the bridge',
      date: '2026-11-30',
      text: 'The valley council rebuilt the bridge after the flood.',
    })
    const later = (text: string) => storedArticle({ id: 'live/later', title: 'Flood defences for the valley', date: '2026-12-04', text })
    const copy = await LiveCopy.of(baseCorpus, { version: 1, articles: [FLOOD, { ...copyOf, id: 'live/copy' }], tombstones: [] })
    await copy.apply({
      kind: 'changes',
      since: 1,
      version: 2,
      articles: [replacement, later('Engineers raised the flood walls in the valley.')],
      removed: ['live/copy', deletedId],
      tombstoned: [deletedId],
      untombstoned: [replacedId, 'live/copy', 'live/later'],
    })
    const finalLater = later('Engineers raised the flood walls in the valley after the rain. Police closed the road.')
    await copy.apply({ kind: 'changes', since: 2, version: 3, articles: [finalLater], removed: [], tombstoned: [], untombstoned: ['live/later'] })
    await expect(copy.apply({ kind: 'changes', since: 1, version: 4, articles: [], removed: [], tombstoned: [], untombstoned: [] })).rejects.toThrow(
      /since version 1/,
    )
    const changed = copy.view()
    const whole = await oneCorpus(baseCorpus, { version: 3, articles: [FLOOD, replacement, finalLater], tombstones: [deletedId] })
    const kept = base.filter((article) => article.id !== replacedId && article.id !== deletedId)
    const rebuiltHere = corpusOfArticles([...kept, FLOOD, replacement, finalLater])
    expect([...changed.byId.keys()].sort()).toEqual([FLOOD.id, 'live/later', replacedId].sort())
    for (const q of ['valley flood', 'flood walls', 'police', 'bridge', 'the']) {
      const answer = await searchOneCorpus(changed, params(q))
      expect(answer).toEqual(await searchOneCorpus(whole, params(q)))
      const single = await searchArticles(rebuiltHere, params(q))
      expect(ranking(answer.hits)).toEqual(ranking(single.hits))
      expect(answer.total).toBe(single.total)
      expect(answer.facets).toEqual(single.facets)
    }
  })

  it('keeps the live facet values and words as the build would store them, as articles come and go', () => {
    const facets = new LiveFacets()
    const words = new LiveWords()
    const some = base.slice(0, 40)
    for (const article of some) {
      facets.add(article)
      words.add(article)
    }
    // The same words, counts and spellings; the ranks are the sorted order (see LiveWords.stored).
    const withoutRanks = ({ ranks: _, ...lexicon }: ReturnType<typeof storeLexicon>) => lexicon
    expect(withoutRanks(words.stored())).toEqual(withoutRanks(storeLexicon(some)))
    // Removing the last ones added leaves what the build makes of the others.
    for (const article of some.slice(30)) {
      facets.remove(article.id)
      words.remove(article)
    }
    const kept = some.slice(0, 30)
    expect(facets.stored(kept)).toEqual(storeFacetTable(kept))
    expect(withoutRanks(words.stored())).toEqual(withoutRanks(storeLexicon(kept)))
    // A replaced article's old values are gone; removed from the middle, the table is still the build's.
    facets.remove(kept[3]!.id)
    facets.add({ ...some[35]!, id: kept[3]!.id })
    facets.remove(kept[10]!.id)
    const now = [...kept.slice(0, 3), ...kept.slice(4, 10), ...kept.slice(11), { ...some[35]!, id: kept[3]!.id }]
    expect(facets.stored(now)).toEqual(storeFacetTable(now))
  })

  it('relates a live article to base articles and a base article to live ones, as a rebuild does', () => {
    const fromLive = relatedInOneCorpus(view, FLOOD, 5)
    expect(fromLive.map((related) => [related.id, related.score])).toEqual(
      roundedScores(relatedArticles(rebuilt, FLOOD, 5)).map((related) => [related.id, related.score]),
    )
    expect(relatedInOneCorpus(view, copyOf, 3).map((related) => related.id)).toContain('live/copy')
    expect(relatedInOneCorpus(view, copyOf, 20).map((related) => related.id)).not.toContain(deletedId)
  })

  it('suggests live entity names and titles, and no title of a hidden base article', () => {
    const titles = suggestInOneCorpus(view, 'flood hits', 8).filter((suggestion) => suggestion.kind === 'title')
    expect(titles.map((suggestion) => suggestion.id)).toContain(FLOOD.id)
    const hiddenTitle = base.find((article) => article.id === deletedId)!.title
    const typed = hiddenTitle.split(/\s+/).slice(0, 2).join(' ')
    expect(suggestInOneCorpus(view, typed, 20).map((suggestion) => suggestion.id)).not.toContain(deletedId)
    expect(suggest(suggestIndexOf(baseCorpus), typed, 20).map((suggestion) => suggestion.id)).toContain(deletedId)
  })

  it('lists facts of live articles and none of hidden ones, newest article first, as a rebuild does', async () => {
    const catalog = FactCatalog.ofArticles(base)
    const rebuiltCatalog = FactCatalog.ofArticles([...base.filter((article) => article.id !== replacedId && article.id !== deletedId), ...view.byId.values()])
    for (const query of [
      { limit: 15, offset: 0 },
      { q: 'killed', limit: 5, offset: 2 },
      { type: 'person' as const, limit: 10, offset: 20 },
    ]) {
      const merged = await factsInOneCorpus(view, catalog, query)
      const single = await rebuiltCatalog.query(query)
      expect(merged.total).toBe(single.total)
      expect(merged.facts).toEqual(single.facts)
    }
  })
})
