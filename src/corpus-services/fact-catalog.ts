import * as v from 'valibot'
import type { StoredArticle } from '../article'
import { DateEntries, ENTITY_TYPES, EntityEntries, QuantityEntries, QuoteEntries, StatementEntries } from '../analysis/facts/types'
import { IsoDateString } from '../text/calendar'

export const FACT_TYPES = ['quote', 'quantity', 'statement', 'date', 'person', 'organization', 'place', 'country'] as const
export type FactType = (typeof FACT_TYPES)[number]

/** The article a fact is of, as a link to it shows it. */
export const ArticleRefSchema = v.object({ id: v.string(), title: v.string(), date: v.optional(IsoDateString) })
export type ArticleRef = v.InferOutput<typeof ArticleRefSchema>

/** One fact of one article, as `GET /api/facts` lists it: its kind in `type`, its article, then that kind's own fields (plain objects: see analysis/facts/types.ts; facts come from shards over RPC). */
const CatalogFactSchema = v.variant('type', [
  v.object({ type: v.literal('quote'), article: ArticleRefSchema, ...QuoteEntries }),
  v.object({ type: v.literal('quantity'), article: ArticleRefSchema, ...QuantityEntries }),
  v.object({ type: v.literal('statement'), article: ArticleRefSchema, ...StatementEntries }),
  v.object({ type: v.literal('date'), article: ArticleRefSchema, ...DateEntries }),
  v.object({ type: v.picklist(ENTITY_TYPES), article: ArticleRefSchema, ...EntityEntries }),
])
export type CatalogFact = v.InferOutput<typeof CatalogFactSchema>

/** `GET /api/facts`'s answer: it documents the route in `/openapi.json`, and `FactPage` is inferred from it. */
export const FactPageSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  facts: v.pipe(v.array(CatalogFactSchema), v.description('Offsets (`start`/`end`, `mentions`) index the text of `article`.')),
})
export type FactPage = v.InferOutput<typeof FactPageSchema>

/** `only`: the catalogue numbers of the facts to consider (sorted; from the entity registry's filters), or every fact. */
export type FactQuery = {
  type?: FactType
  q?: string
  from?: string
  to?: string
  limit: number
  offset: number
  only?: readonly number[]
  /** Articles whose facts are left out: base articles a live one replaces or deletes (src/live/merge.ts). */
  hidden?: (id: string) => boolean
}

/**
 * What a fact query matches on, for every fact of every article, computed at
 * build time so that a query reads no article but the ones on its page. Facts
 * come newest article first (then by id), each article's in `factsOf` order.
 */
export type StoredFactTable = {
  /** Article numbers (bundle order), newest first. */
  articles: number[]
  /** The dates of those articles ('' when unknown). */
  dates: string[]
  /** How many facts each of those articles has. */
  counts: number[]
  /** One character per fact: its type's position in FACT_TYPES. */
  types: string
  /** Each fact's haystack (lower-cased: see `factsOf`), one after another, and their lengths. */
  haystack: string
  lengths: number[]
}

/** Where `GET /api/facts` reads article bodies: only those of the page it returns. */
export type ArticleSource = { readonly ids: readonly string[]; articlesById(ids: readonly string[]): Promise<Map<string, StoredArticle>> }

type ArticleFact = { fact: CatalogFact; haystack: string }

/**
 * Every fact of one article in catalogue order, each with the lower-cased text
 * a query matches against (speaker and words of a quote, who/event/place of a
 * quantity, actor/verb/target of a statement, name/role/country of an entity).
 * The build and the query share it, so a fact's position means the same to both.
 */
export function factsOf(article: Pick<StoredArticle, 'id' | 'title' | 'date' | 'facts'>): ArticleFact[] {
  const ref: ArticleRef = { id: article.id, title: article.title, ...(article.date ? { date: article.date } : {}) }
  const { facts } = article
  const entry = (fact: CatalogFact, ...fields: Array<string | undefined>): ArticleFact => ({
    fact,
    haystack: fields
      .filter((field) => field !== undefined)
      .join('\n')
      .toLowerCase(),
  })
  return [
    ...facts.quotes.map((quote) => entry({ type: 'quote', article: ref, ...quote }, quote.speaker, quote.text)),
    ...facts.quantities.map((quantity) => entry({ type: 'quantity', article: ref, ...quantity }, quantity.who, quantity.event, quantity.place)),
    ...facts.statements.map((statement) => entry({ type: 'statement', article: ref, ...statement }, statement.actor, statement.verb, statement.target)),
    ...facts.dates.map((date) => entry({ type: 'date', article: ref, ...date }, date.text, date.iso)),
    ...facts.entities.map(({ type, ...entity }) => entry({ type, article: ref, ...entity }, entity.name, entity.role, entity.country)),
  ]
}

/** How many facts `factsOf` lists for the article, without making them: what numbering the catalogue needs. */
export function factCount({ facts }: Pick<StoredArticle, 'facts'>): number {
  return facts.quotes.length + facts.quantities.length + facts.statements.length + facts.dates.length + facts.entities.length
}

/** Catalogue order: article numbers (bundle order) newest first, then by id. A fact's number counts facts in this order. */
export function catalogOrder(articles: readonly Pick<StoredArticle, 'id' | 'date'>[]): number[] {
  const key = (i: number) => ({ id: articles[i]!.id, date: articles[i]!.date ?? '' })
  return articles.map((_, i) => i).sort((a, b) => catalogArticleOrder(key(a), key(b)))
}

/** The catalogue's order of articles: newest first ('' for no date: last), then by id. */
export function catalogArticleOrder(a: { id: string; date: string }, b: { id: string; date: string }): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id)
}

/**
 * The page of `query` over disjoint parts of one corpus (a bundle and its live
 * segment, or shards), each part's answer holding its first `offset + limit`
 * facts: merged in catalogue order (newest article first, then by id; a stable
 * sort keeps each article's facts in their order), totals summed.
 */
export function mergeFactPages(pages: readonly FactPage[], query: Pick<FactQuery, 'offset' | 'limit'>): FactPage {
  const facts = pages
    .flatMap((page) => page.facts)
    .sort((a, b) => catalogArticleOrder({ id: a.article.id, date: a.article.date ?? '' }, { id: b.article.id, date: b.article.date ?? '' }))
    .slice(query.offset, query.offset + query.limit)
  return { total: pages.reduce((sum, page) => sum + page.total, 0), offset: query.offset, limit: query.limit, facts }
}

/** The build's half: the table of every fact of `articles` (given in bundle order). */
export function storeFactTable(articles: readonly StoredArticle[]): StoredFactTable {
  const order = catalogOrder(articles)
  const table: StoredFactTable = { articles: order, dates: [], counts: [], types: '', haystack: '', lengths: [] }
  const types: string[] = []
  const haystacks: string[] = []
  for (const i of order) {
    const article = articles[i]!
    const facts = factsOf(article)
    table.dates.push(article.date ?? '')
    table.counts.push(facts.length)
    for (const { fact, haystack } of facts) {
      types.push(String(FACT_TYPES.indexOf(fact.type)))
      haystacks.push(haystack)
      table.lengths.push(haystack.length)
    }
  }
  return { ...table, types: types.join(''), haystack: haystacks.join('') }
}

/**
 * `GET /api/facts` over the build-time table: the filters run on the table
 * alone (a query word is found with `indexOf` over one string of every
 * haystack, then placed in its fact), and only the page's articles are read.
 */
export class FactCatalog {
  /** Per fact: where its haystack starts (one more entry marks the end), its article's rank in `articles`, its position among that article's facts. */
  private readonly starts: Int32Array
  private readonly ranks: Int32Array
  private readonly positions: Int32Array
  /** What the queries read of the table (its lengths and counts live on only as the arrays above). */
  private readonly table: Pick<StoredFactTable, 'articles' | 'dates' | 'types' | 'haystack'>

  private constructor(
    { lengths, counts, ...table }: StoredFactTable,
    private readonly source: ArticleSource,
  ) {
    this.table = table
    const count = lengths.length
    this.starts = new Int32Array(count + 1)
    this.ranks = new Int32Array(count)
    this.positions = new Int32Array(count)
    lengths.forEach((length, fact) => (this.starts[fact + 1] = this.starts[fact]! + length))
    let fact = 0
    counts.forEach((facts, rank) => {
      for (let position = 0; position < facts; position++, fact++) {
        this.ranks[fact] = rank
        this.positions[fact] = position
      }
    })
  }

  /** Opens the table's JSON text (the facts asset the build writes next to the article packs). */
  static open(text: string, source: ArticleSource): FactCatalog {
    return new FactCatalog(JSON.parse(text) as StoredFactTable, source)
  }

  /** A catalogue of articles in memory (the live segment's). */
  static ofArticles(articles: readonly StoredArticle[]): FactCatalog {
    const byId = new Map(articles.map((article) => [article.id, article]))
    const source: ArticleSource = {
      ids: articles.map((article) => article.id),
      articlesById: async (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
    }
    return new FactCatalog(storeFactTable(articles), source)
  }

  async query(query: FactQuery): Promise<FactPage> {
    const { total, page } = this.select(query)
    return { total, offset: query.offset, limit: query.limit, facts: await this.factsAt(page) }
  }

  /**
   * The query's page without reading any article: the catalogue numbers of its
   * facts, each with its article's id and date ('' when unknown: the catalogue's
   * order), and how many facts match in all.
   */
  window(query: FactQuery): { total: number; facts: { fact: number; id: string; date: string }[] } {
    const { total, page } = this.select(query)
    return { total, facts: page.map((fact) => ({ fact, id: this.articleIdOf(fact), date: this.table.dates[this.ranks[fact]!]! })) }
  }

  private articleIdOf(fact: number): string {
    return this.source.ids[this.table.articles[this.ranks[fact]!]!]!
  }

  private select({ type, q, from, to, limit, offset, only, hidden }: FactQuery): { total: number; page: number[] } {
    const typeCode = type === undefined ? undefined : String(FACT_TYPES.indexOf(type))
    const page: number[] = []
    let total = 0
    const visit = (fact: number) => {
      if (typeCode !== undefined && this.table.types[fact] !== typeCode) return
      const date = this.table.dates[this.ranks[fact]!]!
      if ((from && (date === '' || date < from)) || (to && (date === '' || date > to))) return
      if (hidden?.(this.articleIdOf(fact))) return
      if (total >= offset && total < offset + limit) page.push(fact)
      total++
    }
    if (only !== undefined) {
      const needle = q?.toLowerCase()
      for (const fact of only) if (needle === undefined || this.table.haystack.slice(this.starts[fact], this.starts[fact + 1]).includes(needle)) visit(fact)
    } else if (q === undefined) for (let fact = 0; fact < this.ranks.length; fact++) visit(fact)
    else this.eachMatch(q.toLowerCase(), visit)
    return { total, page }
  }

  /** Calls `visit` once for every fact whose haystack contains `needle`, in table order. */
  private eachMatch(needle: string, visit: (fact: number) => void) {
    const { haystack } = this.table
    let from = 0
    for (let at = haystack.indexOf(needle, from); at !== -1; at = haystack.indexOf(needle, from)) {
      const fact = this.factAt(at)
      const end = this.starts[fact + 1]!
      // A hit across two facts' haystacks is no match: look again one character on.
      if (at + needle.length <= end) {
        visit(fact)
        from = end
      } else from = at + 1
    }
  }

  /** The fact whose haystack holds character `at` (facts with empty haystacks hold none). */
  private factAt(at: number): number {
    let low = 0
    let high = this.ranks.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle]! <= at) low = middle
      else high = middle - 1
    }
    return low
  }

  /** The facts of those catalogue numbers, in that order (reading only their articles). */
  async factsAt(page: readonly number[]): Promise<CatalogFact[]> {
    const ids = page.map((fact) => this.articleIdOf(fact))
    const articles = await this.source.articlesById([...new Set(ids)])
    return page.map((fact, i) => factsOf(articles.get(ids[i]!)!)[this.positions[fact]!]!.fact)
  }
}
