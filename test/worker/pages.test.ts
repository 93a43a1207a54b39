import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { ArticleFactsSchema, ArticleSchema, RelatedResponseSchema } from '../../src/openapi/schemas'
import { articlePath } from '../../src/pages/paths'
import * as v from 'valibot'
import type { SearchResponse } from '../../src/search/response-schema'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

async function page(path: string) {
  const response = await exports.default.fetch(`http://x${path}`)
  return { response, html: await response.text() }
}

async function api<T>(path: string, schema: v.GenericSchema<unknown, T>): Promise<T> {
  const response = await exports.default.fetch(`http://x${path}`)
  expect(response.status, path).toBe(200)
  return v.parse(schema, await response.json())
}

const unescape = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]!)

/** The article text as the page renders it, and the text inside each `<mark id>`, nested marks included. */
function readMarkedText(html: string) {
  const start = html.indexOf('<div class="article-text">')
  const end = html.indexOf('</div>', start)
  expect(start, 'the page has the article text').toBeGreaterThan(-1)
  const marks = new Map<string, string>()
  const open: string[] = []
  let text = ''
  for (const [token, id] of html.slice(start + '<div class="article-text">'.length, end).matchAll(/<mark id="([^"]+)"[^>]*>|<\/mark>|[^<]+/g)) {
    if (id) {
      open.push(id)
      marks.set(id, '')
    } else if (token === '</mark>') open.pop()
    else {
      const chunk = unescape(token)
      text += chunk
      for (const markId of open) marks.set(markId, marks.get(markId) + chunk)
    }
  }
  return { text, marks }
}

describe('article pages', () => {
  it('render the seed with its title, summary, keywords and every quote with its speaker', async () => {
    const article = await api(`/api/articles/${encodeURIComponent(SEED_ID)}`, ArticleSchema)
    const facts = await api(`/api/articles/${encodeURIComponent(SEED_ID)}/facts`, ArticleFactsSchema)
    const { response, html } = await page(`/articles/${SEED_ID}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`<h1>${article.title}</h1>`)
    expect(html).toContain(`<time datetime="${article.date}">`)
    expect(unescape(html)).toContain(article.summary.text)
    for (const keyword of article.keywords) expect(unescape(html)).toContain(`<li>${keyword.text}</li>`)
    expect(facts.quotes.some((quote) => quote.speaker === 'Lin Jian')).toBe(true)
    for (const quote of facts.quotes) {
      expect(unescape(html)).toContain(`“${quote.text}”</a></blockquote><span class="speaker">— ${quote.speaker ?? 'speaker not identified'}</span>`)
    }
    // The seed has no source in the corpus: the page says so rather than inventing one.
    expect(html).toContain('The source of this text is not recorded')
  })

  it('keep the text exact and mark each fact at its offsets, so every fact link lands on its evidence', async () => {
    const article = await api(`/api/articles/${encodeURIComponent(SEED_ID)}`, ArticleSchema)
    const facts = await api(`/api/articles/${encodeURIComponent(SEED_ID)}/facts`, ArticleFactsSchema)
    const { html } = await page(`/articles/${SEED_ID}`)
    const { text, marks } = readMarkedText(html)
    expect(text).toBe(article.text)

    const expected = new Map<string, { start: number; end: number }>([
      ...facts.quotes.map((quote, index) => [`quote-${index}`, quote] as const),
      ...facts.entities.flatMap((entity, index) => entity.mentions.map((mention, mentionIndex) => [`entity-${index}-${mentionIndex}`, mention] as const)),
      ...facts.quantities.map((quantity, index) => [`figure-${index}`, quantity] as const),
      ...facts.dates.map((date, index) => [`date-${index}`, date] as const),
      ...facts.statements.map((statement, index) => [`statement-${index}`, statement] as const),
    ])
    expect(marks.size).toBeGreaterThan(0)
    for (const [id, marked] of marks) {
      const span = expected.get(id)
      expect(span, id).toBeDefined()
      expect(marked, id).toBe(article.text.slice(span!.start, span!.end))
    }
    const links = [...html.matchAll(/<a href="#([^"]+)">/g)].map((match) => match[1]!)
    expect(links.length).toBeGreaterThan(0)
    for (const id of links) expect(marks.has(id), `#${id} has a mark`).toBe(true)
    // Every quote, person and figure of the seed can be chosen (none lost to overlapping spans).
    for (const index of facts.quotes.keys()) expect(links).toContain(`quote-${index}`)
    for (const index of facts.quantities.keys()) expect(links).toContain(`figure-${index}`)
  })

  it('list every statement with its actor, verb and target, linked to its words in the text', async () => {
    const facts = await api(`/api/articles/${encodeURIComponent(SEED_ID)}/facts`, ArticleFactsSchema)
    const article = await api(`/api/articles/${encodeURIComponent(SEED_ID)}`, ArticleSchema)
    const html = unescape((await page(`/articles/${SEED_ID}`)).html)
    const { marks } = readMarkedText((await page(`/articles/${SEED_ID}`)).html)
    // The seed's gold lists condemnations, denunciations, a blame and an accusation.
    expect(facts.statements.map((statement) => statement.verb)).toEqual(expect.arrayContaining(['condemned', 'denounced', 'blamed']))
    const section = html.slice(html.indexOf('<h3>Statements</h3>'), html.indexOf('</section>', html.indexOf('<h3>Statements</h3>')))
    expect(section.length).toBeGreaterThan(0)
    for (const [index, statement] of facts.statements.entries()) {
      expect(section).toContain(`<strong>${statement.verb}</strong>${statement.target ? ` ${statement.target}` : ''}`)
      expect(section).toContain(statement.actor)
      // Where its span is marked, the link lands on the statement's own words.
      if (marks.has(`statement-${index}`)) {
        expect(section).toContain(`<a href="#statement-${index}">`)
        expect(marks.get(`statement-${index}`)).toBe(article.text.slice(statement.start, statement.end))
      }
    }
    expect(facts.statements.some((_, index) => marks.has(`statement-${index}`))).toBe(true)
  })

  it('list the related articles the API gives, each linked to its page', async () => {
    const { related } = await api(`/api/articles/${encodeURIComponent(SEED_ID)}/related`, RelatedResponseSchema)
    expect(related.length).toBeGreaterThan(0)
    const html = unescape((await page(`/articles/${SEED_ID}`)).html)
    expect(html).toContain('<h3>Related articles</h3>')
    for (const article of related) expect(html).toContain(`<a href="${articlePath(article.id)}">${article.title}</a>`)
    for (const article of related) expect((await page(articlePath(article.id))).response.status).toBe(200)
  })

  it('credit the source and link the licence of CC BY articles', async () => {
    const id = env.TEST_CORPUS_ARTICLES.find((entry) => !entry.id.startsWith('seed/'))!.id
    const article = await api(`/api/articles/${encodeURIComponent(id)}`, ArticleSchema)
    expect(article.license).toBe('CC BY 2.5')
    const { html } = await page(`/articles/${encodeURIComponent(id)}`)
    expect(html).toContain(`<a href="${article.url!.replaceAll('&', '&amp;')}" rel="noopener">${article.source}</a>`)
    expect(html).toContain('<a href="https://creativecommons.org/licenses/by/2.5/" rel="license noopener">CC BY 2.5</a>')
  })

  it('answer for every article of the corpus, by path segments and URL-encoded, non-ASCII ids included', async () => {
    const articles = env.TEST_CORPUS_ARTICLES
    expect(articles.some((article) => /[^\x00-\x7f]/.test(article.id))).toBe(true)
    for (const { id } of articles) {
      const segments = `/articles/${id.split('/').map(encodeURIComponent).join('/')}`
      const encoded = `/articles/${encodeURIComponent(id)}`
      for (const path of new Set([segments, encoded])) {
        const { response, html } = await page(path)
        expect(response.status, path).toBe(200)
        expect(html, path).toContain('<div class="article-text">')
      }
    }
  })

  it('answer an unknown id with an HTML 404 page, while the API keeps problem+json', async () => {
    const { response, html } = await page('/articles/no%2Fsuch-article')
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(html).toContain('no/such-article')
    const apiResponse = await exports.default.fetch('http://x/api/articles/no%2Fsuch-article')
    expect(apiResponse.status).toBe(404)
    expect(apiResponse.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  })

  it('escape what the corpus says, never inject it', async () => {
    const { response, html } = await page(`/articles/${encodeURIComponent('<script>alert(1)</script>')}`)
    expect(response.status).toBe(404)
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('the demo page', () => {
  it('uses the widget and links to the docs and to article pages that exist', async () => {
    const { response, html } = await page('/')
    expect(response.status).toBe(200)
    expect(html).toContain('<news-search')
    expect(html).toContain('<script src="/embed.js" defer="">')
    expect(html).toContain('href="/docs"')
    const articleLinks = [...html.matchAll(/<a href="(\/articles\/[^"]+)">/g)].map((match) => unescape(match[1]!))
    expect(articleLinks.length).toBeGreaterThan(5)
    for (const link of articleLinks) expect((await page(link)).response.status, link).toBe(200)
  })
})

type ApiSearch = SearchResponse

async function apiSearch(query: string): Promise<ApiSearch> {
  const response = await exports.default.fetch(`http://x/api/search?${query}`)
  expect(response.status, query).toBe(200)
  return (await response.json()) as ApiSearch
}

/** The article links of the results list, in order. */
const resultIds = (html: string) =>
  [...html.matchAll(/<a class="hit-title" href="\/articles\/([^"]+)">/g)].map((match) => unescape(match[1]!).split('/').map(decodeURIComponent).join('/'))

const hrefsWithRel = (html: string, rel: string) => [...html.matchAll(new RegExp(`<a rel="${rel}" href="([^"]+)"`, 'g'))].map((match) => unescape(match[1]!))

describe('results page /search', () => {
  it('lists the same hits as the API, with highlighted snippets, counts and a rel="next" link carrying the page', async () => {
    const api = await apiSearch('q=police&limit=10')
    expect(api.total).toBeGreaterThan(10)
    const { response, html } = await page('/search?q=police')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(resultIds(html)).toEqual(api.hits.map((hit) => hit.id))
    expect(html).toMatch(/<p class="snippet">[^]*?<mark>[Pp]olice<\/mark>/)
    expect(html).toContain(`1–10 of ${api.total} results for “police”`)
    expect(hrefsWithRel(html, 'next')).toEqual(['/search?q=police&page=2'])
    expect(hrefsWithRel(html, 'prev')).toEqual([])
    const second = await page('/search?q=police&page=2')
    expect(resultIds(second.html)).toEqual((await apiSearch('q=police&limit=10&offset=10')).hits.map((hit) => hit.id))
    expect(hrefsWithRel(second.html, 'prev')).toEqual(['/search?q=police'])
  })

  it('gives a long facet list a labelled filter box, hidden until its script runs, and a short one none', async () => {
    const api = await apiSearch('q=police&facetLimit=30')
    const { html } = await page('/search?q=police')
    const long = (['person', 'place', 'organization'] as const).filter((facet) => api.facets[facet]!.length > 10)
    expect(long.length).toBeGreaterThan(0)
    for (const facet of long) {
      expect(html).toContain(`<label for="facet-filter-${facet}" class="visually-hidden" hidden="">`)
      expect(html).toMatch(new RegExp(`<input type="search" id="facet-filter-${facet}" class="facet-filter"[^>]*hidden=""`))
    }
    expect(html).toContain("document.querySelectorAll('input.facet-filter')")
    const short = (['person', 'place', 'organization', 'country', 'year'] as const).filter(
      (facet) => api.facets[facet]!.length > 0 && api.facets[facet]!.length <= 10,
    )
    for (const facet of short) expect(html).not.toContain(`id="facet-filter-${facet}"`)
  })

  it('shows facets with their counts, and a facet link filters with the filter visible and removable', async () => {
    const api = await apiSearch('q=police&facetLimit=30')
    const place = api.facets.place![0]!
    const { html } = await page('/search?q=police')
    const facetLink = `/search?q=police&place=${encodeURIComponent(place.value).replace(/%20/g, '+')}`
    expect(unescape(html)).toContain(`<a href="${facetLink}">${place.value}</a> <span class="count">${place.count}</span>`)
    if (api.facets.place!.length > 5) expect(html).toContain('<summary>More places')
    const filtered = await page(facetLink)
    const filteredApi = await apiSearch(`q=police&place=${encodeURIComponent(place.value)}`)
    expect(filteredApi.total).toBe(place.count)
    expect(filtered.html).toContain(`of ${place.count} results`)
    expect(resultIds(filtered.html)).toEqual(filteredApi.hits.map((hit) => hit.id))
    expect(unescape(filtered.html)).toContain(`<a href="/search?q=police" aria-label="Remove filter Places: ${place.value}">`)
    // The search form keeps the filter when the words change.
    expect(unescape(filtered.html)).toContain(`<input type="hidden" name="place" value="${place.value}"/>`)
  })

  it('sorts by date and keeps a date range, as the API does', async () => {
    const query = 'q=election&sort=date&from=2020-01-01&to=2030-12-31'
    const api = await apiSearch(`${query}&limit=10`)
    expect(api.total).toBeGreaterThan(0)
    const { html } = await page(`/search?${query}`)
    expect(resultIds(html)).toEqual(api.hits.map((hit) => hit.id))
    expect(html).toContain('<option value="date" selected="">')
    expect(unescape(html)).toContain('<a href="/search?q=election&sort=date&to=2030-12-31" aria-label="Remove filter From 2020-01-01">')
    // A date left blank in the form arrives as an empty field, which means no limit.
    expect((await page('/search?q=election&from=&to=')).response.status).toBe(200)
  })

  it('shows the results of the correction, with a link to search instead for the words as typed, which offers it back', async () => {
    const api = await apiSearch('q=Balochistn')
    expect(api.correctedQuery).toBe('Balochistan')
    const { html } = await page('/search?q=Balochistn')
    expect(resultIds(html)).toEqual(api.hits.map((hit) => hit.id))
    expect(html).toContain('Showing results for <b>Balochistan</b>. Search instead for <a href="/search?q=Balochistn&amp;autocorrect=false">Balochistn</a>.')
    const asTyped = await page('/search?q=Balochistn&autocorrect=false')
    expect(asTyped.html).toContain('Did you mean <a href="/search?q=Balochistan">Balochistan</a>?')
  })

  it('answers bad parameters with a 400 page naming each one and what to give', async () => {
    for (const [query, name, message] of [
      ['q=a&page=0', 'page', 'must be at least 1'],
      ['q=a&page=two', 'page', 'must be a whole number'],
      ['q=a&sort=best', 'sort', 'must be &quot;relevance&quot; or &quot;date&quot;'],
      ['q=a&from=2024-02-30', 'from', 'must be a real calendar date'],
      ['q=a&from=2025-01-01&to=2024-01-01', 'to', 'must not be before &quot;from&quot;'],
      ['q=a&q=b', 'q', 'is given 2 times: give it once'],
      ['q=a&year=24', 'year', 'must be a year of four digits'],
    ]) {
      const { response, html } = await page(`/search?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(html, query).toContain(`<code>${name}</code> ${message}`)
    }
  })

  it('without words shows the form alone, and a page past the end links back to the first', async () => {
    const empty = await page('/search')
    expect(empty.response.status).toBe(200)
    expect(empty.html).toContain('<form class="search-form" method="get" action="/search"')
    const past = await page('/search?q=police&page=1001')
    expect(past.response.status).toBe(200)
    expect(past.html).toContain('<a href="/search?q=police">Go to the first page</a>')
  })
})

describe('/instantsearch-client.js', () => {
  it('is served as a JavaScript module with a default export, importable from another origin', async () => {
    const response = await exports.default.fetch('http://x/instantsearch-client.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(await response.text()).toMatch(/export\s*\{[^}]*as default\s*\}/)
  })
})
