import type { EntityRegistry, EntitySummary, StoredEntity } from './entity-registry'
import type { ArticleRef, CatalogFact, FactCatalog } from './fact-catalog'

/** How many facts of each kind, articles and companions an entity's answer lists (the totals count them all). */
export const DETAIL_FACTS = 20
export const DETAIL_ARTICLES = 50

export type FactList = { total: number; facts: CatalogFact[] }

/** `GET /api/entities/:id` and the entity page: who or what it is, where and when the corpus names it, and its facts. */
export type EntityDetail = EntitySummary & {
  countryCode?: string
  firstSeen?: string
  lastSeen?: string
  /** Articles naming it per month (`YYYY-MM`), oldest first; undated articles are left out. */
  months: Array<{ month: string; articles: number }>
  /** Newest first, at most DETAIL_ARTICLES. */
  articleList: ArticleRef[]
  seenWith: Array<{ id: string; name: string; type: StoredEntity['type']; articles: number }>
  quotesBy: FactList
  statementsBy: FactList
  statementsAbout: FactList
  /** Figures at a place or at a place inside it (a region's towns, a country's places). */
  figuresAt: FactList
  /** How many of the corpus's places lie inside it. */
  placesInside: number
}

/** What the detail reads besides the registry and the catalogue: article titles and dates by bundle number. */
export type ArticleTable = { readonly ids: readonly string[]; readonly titles: readonly string[]; readonly dates: readonly (string | undefined)[] }

export async function entityDetail(entity: StoredEntity, registry: EntityRegistry, catalog: FactCatalog, table: ArticleTable): Promise<EntityDetail> {
  const ref = (article: number): ArticleRef => {
    const date = table.dates[article]
    return { id: table.ids[article]!, title: table.titles[article]!, ...(date ? { date } : {}) }
  }
  const list = async (numbers: readonly number[] = []): Promise<FactList> => ({
    total: numbers.length,
    facts: await catalog.factsAt(numbers.slice(0, DETAIL_FACTS)),
  })
  const [quotesBy, statementsBy, statementsAbout, figuresAt] = await Promise.all([
    list(entity.facts.speaker),
    list(entity.facts.actor),
    list(entity.facts.target),
    list(registry.figuresAt(entity)),
  ])
  return {
    ...registry.summary(entity),
    ...(entity.countryCode ? { countryCode: entity.countryCode } : {}),
    ...seenOver(entity.articles.map((article) => table.dates[article])),
    articleList: entity.articles.slice(0, DETAIL_ARTICLES).map(ref),
    seenWith: registry.seenWith(entity).map(({ entity: other, articles }) => ({ id: other.id, name: other.name, type: other.type, articles })),
    quotesBy,
    statementsBy,
    statementsAbout,
    figuresAt,
    placesInside: registry.within(entity).length - 1,
  }
}

/** When the corpus names an entity, from the dates of its articles (undated ones left out): first and last seen, and articles per month. */
export function seenOver(articleDates: readonly (string | undefined)[]): Pick<EntityDetail, 'firstSeen' | 'lastSeen' | 'months'> {
  const dates = articleDates.filter((date): date is string => !!date)
  const months = new Map<string, number>()
  for (const date of dates) months.set(date.slice(0, 7), (months.get(date.slice(0, 7)) ?? 0) + 1)
  const sorted = [...dates].sort()
  return {
    ...(sorted.length > 0 ? { firstSeen: sorted[0]!, lastSeen: sorted.at(-1)! } : {}),
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, articles]) => ({ month, articles })),
  }
}
