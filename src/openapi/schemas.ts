/**
 * Valibot schemas of what the API answers: they document the responses in
 * `/openapi.json` (through hono-openapi's `resolver`) and the tests check real
 * answers against them, so the documentation cannot drift from the code.
 * Objects are loose: the API may add fields (see API.md), never remove them.
 */
import * as v from 'valibot'

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0))
const SpanEntries = { start: Offset, end: Offset }
const IsoDateString = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/), v.description('A calendar date, YYYY-MM-DD.'))

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

export const SearchHitSchema = v.looseObject({
  id: v.pipe(v.string(), v.description('The article id; may contain `/`: URL-encode it in paths.')),
  title: v.string(),
  date: v.optional(IsoDateString),
  url: v.optional(v.pipe(v.string(), v.description('The original article, where the corpus has it.'))),
  score: v.pipe(v.number(), v.description('Relevance; only comparable within one answer.')),
  snippet: v.pipe(v.string(), v.description('A short plain-text passage around the best match.')),
  highlights: v.optional(
    v.pipe(
      v.object({ title: v.array(v.object(SpanEntries)), snippet: v.array(v.object(SpanEntries)) }),
      v.description('Ranges to wrap in <mark>: offsets into `title` and into `snippet`.'),
    ),
  ),
  terms: v.optional(v.pipe(v.array(v.string()), v.description('The query words this article matched (directly, by stem, prefix, typo or synonym).'))),
})

const FacetCountsSchema = v.pipe(
  v.record(v.string(), v.array(v.object({ value: v.string(), count: v.pipe(v.number(), v.integer()) }))),
  v.description('For each facet (person, organization, place, country, year), its most frequent values over all matches; a facet’s counts honour every other active filter.'),
)

export const SearchResponseSchema = v.looseObject({
  query: v.string(),
  total: v.pipe(v.number(), v.integer(), v.description('How many articles match, over all pages.')),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  hits: v.array(SearchHitSchema),
  facets: v.optional(FacetCountsSchema),
  typoTolerance: v.optional(v.pipe(v.boolean(), v.description('True when some hits match a query word only by a close spelling of it.'))),
  correctedQuery: v.optional(
    v.pipe(
      v.string(),
      v.description('Showing results for: the query with its misspelt words corrected, when the query as typed found too little; `autocorrect=false` searches instead for the words as typed.'),
    ),
  ),
  suggestion: v.optional(v.pipe(v.string(), v.description('Did you mean: a correction that finds more, when `autocorrect=false` kept the words as typed.'))),
  hint: v.optional(v.pipe(v.string(), v.description('Why nothing was searched: the query has only stop words (such as "the").'))),
})

export const SuggestResponseSchema = v.looseObject({
  query: v.string(),
  suggestions: v.array(
    v.looseObject({
      text: v.string(),
      kind: v.pipe(v.string(), v.description('"term" (a word completed), "phrase" (a corpus phrase continuing the typed words), "title", or an entity type: "person", "organization", "place", "country".')),
      count: v.pipe(v.number(), v.description('How many articles it occurs in.')),
      id: v.optional(v.pipe(v.string(), v.description('For titles: the article id.'))),
    }),
  ),
})

export const ListingResponseSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  articles: v.array(
    v.looseObject({ id: v.string(), title: v.string(), date: v.optional(IsoDateString), url: v.optional(v.string()), source: v.optional(v.string()), summary: v.string() }),
  ),
})

const RelatedArticleSchema = v.looseObject({
  id: v.string(),
  title: v.string(),
  date: v.optional(IsoDateString),
  url: v.optional(v.string()),
  score: v.number(),
  sharedEntities: v.pipe(v.array(v.string()), v.description('People, organizations and places both articles name.')),
})

export const RelatedResponseSchema = v.looseObject({ id: v.string(), related: v.pipe(v.array(RelatedArticleSchema), v.description('Best first; never the article itself.')) })

const CitedSpan = { id: v.pipe(v.string(), v.description('The cited article.')), title: v.string(), date: v.optional(IsoDateString), text: v.string(), ...SpanEntries }
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
  casualties: v.array(v.looseObject({ event: v.string(), figures: v.array(v.looseObject({ value: v.number(), who: v.string(), place: v.optional(v.string()), ...CitedSpan })) })),
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

const EntitySchema = v.looseObject({
  name: v.pipe(v.string(), v.description('The name alone, e.g. "Mohsin Naqvi".')),
  type: v.picklist(['person', 'organization', 'place', 'country']),
  role: v.optional(v.pipe(v.string(), v.description('Title or office, e.g. "Interior Minister".'))),
  country: v.optional(v.string()),
  lat: v.optional(v.number()),
  lon: v.optional(v.number()),
  mentions: v.array(v.object(SpanEntries)),
})

export const FactsSchema = v.looseObject({
  date: v.optional(IsoDateString),
  dateline: v.optional(v.object({ place: v.string(), country: v.optional(v.string()) })),
  entities: v.array(EntitySchema),
  quotes: v.array(v.looseObject({ text: v.string(), speaker: v.optional(v.string()), ...SpanEntries })),
  quantities: v.array(
    v.looseObject({ value: v.number(), who: v.string(), event: v.optional(v.string()), place: v.optional(v.string()), ...SpanEntries }),
  ),
  dates: v.array(v.looseObject({ text: v.string(), iso: v.string(), ...SpanEntries })),
  statements: v.array(v.looseObject({ actor: v.string(), verb: v.string(), target: v.optional(v.string()), ...SpanEntries })),
})

export const FactPageSchema = v.looseObject({
  total: v.pipe(v.number(), v.integer()),
  offset: v.pipe(v.number(), v.integer()),
  limit: v.pipe(v.number(), v.integer()),
  facts: v.pipe(
    v.array(
      v.looseObject({
        type: v.pipe(v.picklist(['quote', 'quantity', 'statement', 'date', 'person', 'organization', 'place', 'country']), v.description('What kind of fact; its other fields are those of that kind in `Facts`.')),
        article: v.object({ id: v.string(), title: v.string(), date: v.optional(IsoDateString) }),
      }),
    ),
    v.description('Offsets (`start`/`end`, `mentions`) index the text of `article`.'),
  ),
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
