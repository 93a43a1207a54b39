/**
 * Valibot schemas of what the API answers: they document the responses in
 * `/openapi.json` (through hono-openapi's `resolver`) and the tests check real
 * answers against them, so the documentation cannot drift from the code.
 * Each answer's schema lives beside the code that produces it, which infers its
 * types from it (search, listing and suggest in src/search/, facts in
 * analysis/facts/types.ts, summaries and keywords in analysis/summary/, related
 * articles in article.ts, briefs and the fact catalogue in corpus-services/);
 * here are the route-level answers made of them.
 * Objects are loose: the API may add fields (see API.md), never remove them.
 */
import * as v from 'valibot'
import { RelatedArticleSchema } from '../article'
import { AnalysisSchema } from '../analysis/analyze'
import { ENTITY_TYPES, FactsSchema } from '../analysis/facts/types'
import { KeywordSchema } from '../analysis/summary/keywords'
import { SummarySchema } from '../analysis/summary/summarize'
import { ArticleRefSchema } from '../corpus-services/fact-catalog'
import { IsoDateString } from '../text/calendar'

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

export const RelatedResponseSchema = v.looseObject({
  id: v.string(),
  related: v.pipe(v.array(RelatedArticleSchema), v.description('Best first; never the article itself.')),
})

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

export const ArticleFactsSchema = v.looseObject({ id: v.string(), ...FactsSchema.entries })

export const ExtractResponseSchema = v.looseObject(AnalysisSchema.entries)

export const HealthSchema = v.looseObject({
  status: v.literal('ok'),
  documents: v.pipe(v.number(), v.integer(), v.description('Articles in the index.')),
  version: v.pipe(v.string(), v.description('Changes whenever the indexed content changes.')),
  builtAt: v.pipe(v.string(), v.description('When the index was built (ISO 8601).')),
})

const EntityTypeSchema = v.picklist(ENTITY_TYPES)
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
