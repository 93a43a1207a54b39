/**
 * Valibot schemas of what the API answers: they document the responses in
 * `/openapi.json` (through hono-openapi's `resolver`) and the tests check real
 * answers against them, so the documentation cannot drift from the code.
 * The search, listing and suggest answers' schemas live beside the code that answers (src/search/), which
 * infers its types from them.
 * Objects are loose: the API may add fields (see API.md), never remove them.
 */
import * as v from 'valibot'
import { ENTITY_TYPES } from '../analysis/facts/types'
import { IsoDateString, SpanEntries } from '../search/response-schema'
import { ListingResponseSchema } from '../search/listing'
import { SuggestResponseSchema } from '../search/suggest'

export { ListingResponseSchema, SuggestResponseSchema }

export const ProblemSchema = v.pipe(
  v.looseObject({
    type: v.pipe(v.string(), v.description('`/problems/<kind>`: a page that explains this kind of problem.')),
    title: v.string(),
    status: v.pipe(v.number(), v.integer()),
    detail: v.pipe(v.string(), v.description('What went wrong and what to change.')),
    errors: v.optional(
      v.pipe(
        v.array(v.object({ name: v.string(), in: v.string(), message: v.string() })),
        v.description('For invalid parameters: every bad field, where it is and why.'),
      ),
    ),
  }),
  v.description('An RFC 9457 problem, sent as application/problem+json.'),
)

const RelatedArticleSchema = v.looseObject({
  id: v.string(),
  title: v.string(),
  date: v.optional(IsoDateString),
  url: v.optional(v.string()),
  score: v.number(),
  sharedEntities: v.pipe(v.array(v.string()), v.description('People, organizations and places both articles name.')),
})

export const RelatedResponseSchema = v.looseObject({
  id: v.string(),
  related: v.pipe(v.array(RelatedArticleSchema), v.description('Best first; never the article itself.')),
})

const CitedSpan = {
  id: v.pipe(v.string(), v.description('The cited article.')),
  title: v.string(),
  date: v.optional(IsoDateString),
  text: v.string(),
  ...SpanEntries,
}
const EntityCountSchema = v.object({ name: v.string(), articles: v.number(), mentions: v.number() })

export const BriefResponseSchema = v.looseObject({
  query: v.string(),
  total: v.pipe(v.number(), v.integer(), v.description('Articles matching the query.')),
  articles: v.pipe(v.number(), v.integer(), v.description('Articles the brief is made of (the best matches).')),
  digest: v.object({
    sentences: v.pipe(v.array(v.looseObject(CitedSpan)), v.description('Each sentence cites its article; `start`/`end` index that article’s text.')),
    text: v.string(),
  }),
  timeline: v.array(v.looseObject({ date: v.optional(IsoDateString), id: v.string(), title: v.string() })),
  entities: v.looseObject({ people: v.array(EntityCountSchema), organizations: v.array(EntityCountSchema), places: v.array(EntityCountSchema) }),
  casualties: v.array(
    v.looseObject({ event: v.string(), figures: v.array(v.looseObject({ value: v.number(), who: v.string(), place: v.optional(v.string()), ...CitedSpan })) }),
  ),
})

const SummarySentenceSchema = v.object({ text: v.string(), ...SpanEntries })

export const SummarySchema = v.object({
  sentences: v.pipe(v.array(SummarySentenceSchema), v.description('In article order; `text.slice(start, end)` is each sentence.')),
  text: v.pipe(v.string(), v.description('The sentences joined with spaces.')),
})

export const KeywordSchema = v.object({ text: v.string(), score: v.number() })

export const ArticleSchema = v.looseObject({
  id: v.string(),
  title: v.string(),
  titleGenerated: v.optional(v.pipe(v.boolean(), v.description('True when the corpus had no title and this one was written from the text.'))),
  date: v.optional(IsoDateString),
  url: v.optional(v.string()),
  source: v.optional(v.string()),
  license: v.optional(v.pipe(v.string(), v.description('The licence of the text, e.g. "CC BY 2.5": attribute accordingly.'))),
  text: v.pipe(v.string(), v.description('The full text; every offset in this API indexes it (UTF-16 code units).')),
  summary: SummarySchema,
  keywords: v.pipe(v.array(KeywordSchema), v.description('Best first.')),
  related: v.optional(v.pipe(v.array(RelatedArticleSchema), v.description('A few related articles, best first.'))),
})

export const ArticleSummarySchema = v.object({ id: v.string(), ...SummarySchema.entries })

/** The fields of each kind of fact, shared by an article's `Facts` and the items of `GET /api/facts`. */
const EntityEntries = {
  name: v.pipe(v.string(), v.description('The name alone, e.g. "Mohsin Naqvi".')),
  role: v.optional(v.pipe(v.string(), v.description('Title or office, e.g. "Interior Minister".'))),
  country: v.optional(v.string()),
  lat: v.optional(v.number()),
  lon: v.optional(v.number()),
  mentions: v.array(v.object(SpanEntries)),
}
const QuoteEntries = { text: v.string(), speaker: v.optional(v.string()), ...SpanEntries }
const QuantityEntries = {
  value: v.number(),
  who: v.string(),
  event: v.optional(v.string()),
  place: v.optional(v.string()),
  kind: v.optional(
    v.pipe(
      v.picklist(['hypothetical', 'historical', 'cumulative']),
      v.description('Set when the figure is not a count of the article’s own event: a conditional, another year’s toll, a running total.'),
    ),
  ),
  ...SpanEntries,
}
const DateEntries = {
  text: v.string(),
  iso: v.pipe(
    v.string(),
    v.regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?)$/),
    v.description(
      'As much of the date as the text and the publication date give, in ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY; --MM-DD or --MM when no year is known (docs/facts-dates.md).',
    ),
  ),
  ...SpanEntries,
}
const StatementEntries = { actor: v.string(), verb: v.string(), target: v.optional(v.string()), ...SpanEntries }

const EntitySchema = v.looseObject({ ...EntityEntries, type: v.picklist(ENTITY_TYPES) })

export const FactsSchema = v.looseObject({
  date: v.optional(IsoDateString),
  dateline: v.optional(v.object({ place: v.string(), country: v.optional(v.string()) })),
  entities: v.array(EntitySchema),
  quotes: v.array(v.looseObject(QuoteEntries)),
  quantities: v.array(v.looseObject(QuantityEntries)),
  dates: v.array(v.looseObject(DateEntries)),
  statements: v.array(v.looseObject(StatementEntries)),
})

const ArticleRefSchema = v.object({ id: v.string(), title: v.string(), date: v.optional(IsoDateString) })

/** One fact of `GET /api/facts`: its kind in `type`, its article, then that kind's own fields. */
const CatalogFactSchema = v.variant('type', [
  v.looseObject({ type: v.literal('quote'), article: ArticleRefSchema, ...QuoteEntries }),
  v.looseObject({ type: v.literal('quantity'), article: ArticleRefSchema, ...QuantityEntries }),
  v.looseObject({ type: v.literal('statement'), article: ArticleRefSchema, ...StatementEntries }),
  v.looseObject({ type: v.literal('date'), article: ArticleRefSchema, ...DateEntries }),
  v.looseObject({ type: v.picklist(ENTITY_TYPES), article: ArticleRefSchema, ...EntityEntries }),
])

export const FactPageSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  facts: v.pipe(v.array(CatalogFactSchema), v.description('Offsets (`start`/`end`, `mentions`) index the text of `article`.')),
})

export const ArticleFactsSchema = v.looseObject({ id: v.string(), ...FactsSchema.entries })

export const ExtractResponseSchema = v.looseObject({
  title: v.string(),
  titleGenerated: v.optional(v.boolean()),
  summary: SummarySchema,
  keywords: v.array(KeywordSchema),
  facts: FactsSchema,
})

export const HealthSchema = v.looseObject({
  status: v.literal('ok'),
  documents: v.pipe(v.number(), v.integer(), v.description('Articles in the index.')),
  version: v.pipe(v.string(), v.description('Changes whenever the indexed content changes.')),
  builtAt: v.pipe(v.string(), v.description('When the index was built (ISO 8601).')),
})

const EntityTypeSchema = v.picklist(['person', 'organization', 'place', 'country'])
const EntityIdSchema = v.pipe(
  v.string(),
  v.description('The registry id: type and canonical name, e.g. `person-lin-jian`. Stable across builds while the name is.'),
)

export const EntitySummarySchema = v.looseObject({
  id: EntityIdSchema,
  name: v.pipe(v.string(), v.description('The canonical name: the full name the corpus uses most.')),
  type: EntityTypeSchema,
  aliases: v.pipe(v.array(v.string()), v.description('Other names the corpus uses for it: surname, acronym, "U.S." forms, spellings, alias-table names.')),
  role: v.optional(v.string()),
  country: v.optional(v.string()),
  lat: v.optional(v.number()),
  lon: v.optional(v.number()),
  articles: v.pipe(v.number(), v.integer(), v.description('Articles naming it.')),
})

export const EntityPageSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  entities: v.pipe(
    v.array(EntitySummarySchema),
    v.description('Best match first: a name equal to `q`, then starting with it, then containing it; ties by articles.'),
  ),
})

const FactListSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  facts: v.pipe(
    v.array(v.looseObject({ type: v.string(), article: ArticleRefSchema })),
    v.description('Newest article first; the first 20 (the rest through `GET /api/facts`).'),
  ),
})

export const EntityDetailSchema = v.looseObject({
  ...EntitySummarySchema.entries,
  countryCode: v.optional(v.string()),
  firstSeen: v.optional(IsoDateString),
  lastSeen: v.optional(IsoDateString),
  months: v.pipe(v.array(v.object({ month: v.string(), articles: v.number() })), v.description('Articles naming it per month, oldest first.')),
  articleList: v.pipe(v.array(ArticleRefSchema), v.description('Newest first, at most 50.')),
  seenWith: v.pipe(
    v.array(v.object({ id: v.string(), name: v.string(), type: EntityTypeSchema, articles: v.number() })),
    v.description('Entities named in the same articles, most shared first.'),
  ),
  quotesBy: FactListSchema,
  statementsBy: FactListSchema,
  statementsAbout: FactListSchema,
  figuresAt: v.pipe(FactListSchema, v.description('Quantities at this place or a place inside it (a region’s towns, a country’s places).')),
  placesInside: v.pipe(v.number(), v.integer()),
})
