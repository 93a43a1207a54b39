import type { StoredArticle } from '../bundle/types'
import type { DateMention, Entity, EntityType, Quantity, Quote, Statement } from './types'

export const FACT_TYPES = ['quote', 'quantity', 'statement', 'date', 'person', 'organization', 'place', 'country'] as const
export type FactType = (typeof FACT_TYPES)[number]

export type ArticleRef = { id: string; title: string; date?: string }

/** One fact of one article, as `GET /api/facts` lists it: its type, its article, then the fact's own fields. */
export type CatalogFact =
  | ({ type: 'quote'; article: ArticleRef } & Quote)
  | ({ type: 'quantity'; article: ArticleRef } & Quantity)
  | ({ type: 'statement'; article: ArticleRef } & Statement)
  | ({ type: 'date'; article: ArticleRef } & DateMention)
  | ({ type: EntityType; article: ArticleRef } & Omit<Entity, 'type'>)

type Entry = { fact: CatalogFact; date: string; haystack: string }

export type FactQuery = { type?: FactType; q?: string; from?: string; to?: string; limit: number; offset: number }
export type FactPage = { total: number; offset: number; limit: number; facts: CatalogFact[] }

/**
 * Every fact of every article, newest article first, each with the lower-cased
 * text a query matches against (speaker and words of a quote, who/event/place
 * of a quantity, actor/verb/target of a statement, name/role/country of an
 * entity). Built once from the articles and then only filtered.
 */
export class FactCatalog {
  private readonly entries: Entry[]

  constructor(articles: Iterable<StoredArticle>) {
    const sorted = [...articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id))
    this.entries = sorted.flatMap(entriesOf)
  }

  query({ type, q, from, to, limit, offset }: FactQuery): FactPage {
    const needle = q?.toLowerCase()
    const matching = this.entries.filter(
      (entry) =>
        (!type || entry.fact.type === type) &&
        (!from || (entry.date !== '' && entry.date >= from)) &&
        (!to || (entry.date !== '' && entry.date <= to)) &&
        (!needle || entry.haystack.includes(needle)),
    )
    return { total: matching.length, offset, limit, facts: matching.slice(offset, offset + limit).map((entry) => entry.fact) }
  }
}

function entriesOf(article: StoredArticle): Entry[] {
  const ref: ArticleRef = { id: article.id, title: article.title, ...(article.date ? { date: article.date } : {}) }
  const { facts } = article
  const entry = (fact: CatalogFact, ...fields: Array<string | undefined>): Entry => ({
    fact,
    date: article.date ?? '',
    haystack: fields.filter((field) => field !== undefined).join('\n').toLowerCase(),
  })
  return [
    ...facts.quotes.map((quote) => entry({ type: 'quote', article: ref, ...quote }, quote.speaker, quote.text)),
    ...facts.quantities.map((quantity) => entry({ type: 'quantity', article: ref, ...quantity }, quantity.who, quantity.event, quantity.place)),
    ...facts.statements.map((statement) => entry({ type: 'statement', article: ref, ...statement }, statement.actor, statement.verb, statement.target)),
    ...facts.dates.map((date) => entry({ type: 'date', article: ref, ...date }, date.text, date.iso)),
    ...facts.entities.map(({ type, ...entity }) => entry({ type, article: ref, ...entity }, entity.name, entity.role, entity.country)),
  ]
}
