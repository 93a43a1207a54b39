/**
 * The `describeRoute(...)` of every API endpoint: summary, description,
 * response schemas (./schemas.ts, or beside the code that answers) with examples, and the
 * problems it may answer. Each is one middleware argument in its route chain;
 * request parameters document themselves through `validate(...)`.
 */
import { describeRoute, resolver } from 'hono-openapi'
import type { GenericSchema } from 'valibot'
import { MAX_ARTICLE_ID_LENGTH } from '../corpus/article'
import type { ProblemKind } from '../http/problem'
import { problemResponses } from './problems'
import {
  ArticleFactsSchema,
  ArticleSchema,
  ArticleSummarySchema,
  EntityDetailSchema,
  EntityPageSchema,
  ExtractResponseSchema,
  HealthSchema,
  RelatedResponseSchema,
} from './schemas'
import { BriefResponseSchema } from '../corpus-services/brief'
import { FactPageSchema } from '../corpus-services/fact-catalog'
import { ListingResponseSchema } from '../search/listing'
import { SearchResponseSchema } from '../search/response-schema'
import { SuggestResponseSchema } from '../search/suggest'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

/** Every API path can be rate limited, and answers 405 to a method it does not serve. */
const ALWAYS: ProblemKind[] = ['method-not-allowed', 'rate-limited']

const ID_PROBLEMS: ProblemKind[] = ['not-found', 'invalid-parameters']

const ID_PARAMETER = {
  name: 'id',
  in: 'path' as const,
  required: true,
  description: 'The article id, from a search hit. Ids may contain `/`: send it URL-encoded (`seed%2F000_7b2b9cd25cf26eb6`) or as path segments.',
  // No control characters: http/article-id.ts refuses them with a 400.
  schema: { type: 'string' as const, minLength: 1, maxLength: MAX_ARTICLE_ID_LENGTH, pattern: '^[^\\u0000-\\u001f\\u007f]+$' },
  example: SEED_ID,
}

function json(schema: GenericSchema, description: string, example: unknown) {
  return { description, content: { 'application/json': { schema: resolver(schema), example } } }
}

function describe(options: { tag: string; summary: string; description: string; ok: ReturnType<typeof json>; problems: ProblemKind[]; withId?: boolean }) {
  return describeRoute({
    tags: [options.tag],
    summary: options.summary,
    description: options.description,
    ...(options.withId ? { parameters: [ID_PARAMETER] } : {}),
    // An id no article can have (too long, control characters) is refused before the route runs (http/article-id.ts).
    responses: { 200: options.ok, ...problemResponses(...options.problems, ...(options.withId ? ID_PROBLEMS : []), ...ALWAYS) },
  })
}

const seedHit = {
  id: SEED_ID,
  title: 'China condemns recent large-scale coordinated attacks in Balochistan',
  date: '2026-02-03',
  score: 46.861,
  snippet: '…condemned the recent large-scale coordinated attacks in Balochistan and reaffirmed its firm support for Pakistan in combating terrorism…',
  highlights: { title: [{ start: 57, end: 68 }], snippet: [{ start: 57, end: 68 }] },
  terms: ['balochistan'],
}

export const searchDoc = describe({
  tag: 'Search',
  summary: 'Search the articles',
  description:
    'Full-text search, best match first (or newest first with `sort=date`), forgiving typos (a close spelling of any word matches at a lower weight; a misspelt query that finds too little is corrected), with highlight ranges, facet counts and facet filters (`person`, `organization`, `place`, `country`, `year`: repeat a parameter for alternatives; different facets combine with AND).',
  ok: json(SearchResponseSchema, 'One page of hits, the total, facet counts and, for a misspelt query, the correction applied (correctedQuery).', {
    query: 'Balochistan',
    total: 1,
    offset: 0,
    limit: 10,
    hits: [seedHit],
    facets: {
      person: [{ value: 'Lin Jian', count: 1 }],
      organization: [],
      place: [{ value: 'Quetta', count: 1 }],
      country: [{ value: 'Pakistan', count: 1 }],
      year: [{ value: '2026', count: 1 }],
    },
  }),
  problems: ['invalid-parameters'],
})

export const suggestDoc = describe({
  tag: 'Search',
  summary: 'Complete what the user is typing',
  description: 'Completions from indexed words, entity names and titles, for a search box: cheap enough for every keystroke.',
  ok: json(SuggestResponseSchema, 'Completions, most frequent first.', {
    query: 'balo',
    suggestions: [{ text: 'Balochistan', kind: 'place', count: 1 }],
  }),
  problems: ['invalid-parameters'],
})

export const listingDoc = describe({
  tag: 'Articles',
  summary: 'List the articles',
  description: 'Browse every article, newest first (or oldest first, or by title), with the same date and facet filters as search.',
  ok: json(ListingResponseSchema, 'One page of articles with their summaries.', {
    total: 292,
    offset: 0,
    limit: 20,
    articles: [
      { id: SEED_ID, title: seedHit.title, date: '2026-02-03', summary: 'China strongly condemned the recent large-scale coordinated attacks in Balochistan…' },
    ],
  }),
  problems: ['invalid-parameters'],
})

export const articleDoc = describe({
  tag: 'Articles',
  summary: 'Read one article',
  description:
    'The article’s text and metadata (with source and licence: attribute CC BY texts), its summary, keywords and related articles. Its facts are at `/facts`.',
  withId: true,
  ok: json(ArticleSchema, 'The article.', {
    id: SEED_ID,
    title: seedHit.title,
    date: '2026-02-03',
    text: 'ISLAMABAD: China strongly condemned the recent large-scale coordinated attacks in Balochistan…',
    summary: {
      sentences: [{ text: 'ISLAMABAD: China strongly condemned the recent large-scale coordinated attacks in Balochistan…', start: 0, end: 215 }],
      text: '…',
    },
    keywords: [{ text: 'Balochistan', score: 1 }],
  }),
  problems: [],
})

export const summaryDoc = describe({
  tag: 'Articles',
  summary: 'Summarize one article',
  description: 'An extractive summary of `sentences` sentences in article order, each with its offsets into the article text.',
  withId: true,
  ok: json(ArticleSummarySchema, 'The summary.', {
    id: SEED_ID,
    sentences: [{ text: 'ISLAMABAD: China strongly condemned the recent large-scale coordinated attacks in Balochistan…', start: 0, end: 215 }],
    text: 'ISLAMABAD: China strongly condemned the recent large-scale coordinated attacks in Balochistan…',
  }),
  problems: ['invalid-parameters'],
})

export const factsDoc = describe({
  tag: 'Articles',
  summary: 'The facts of one article',
  description:
    'People (with roles), organizations, places and countries with every mention, quotes with their speakers, counts of people (killed, injured…), dates resolved to calendar days, and who did what. Offsets index the article text.',
  withId: true,
  ok: json(ArticleFactsSchema, 'The facts.', {
    id: SEED_ID,
    date: '2026-02-03',
    dateline: { place: 'Islamabad', country: 'Pakistan' },
    entities: [{ name: 'Lin Jian', type: 'person', role: 'Chinese Foreign Ministry Spokesperson', mentions: [{ start: 196, end: 204 }] }],
    quotes: [
      {
        text: 'We mourn for the lives lost, and our hearts go out to the injured and those who lost their loved ones,',
        speaker: 'Lin Jian',
        start: 339,
        end: 441,
      },
    ],
    quantities: [{ value: 92, who: 'terrorists', event: 'killed', start: 1256, end: 1279 }],
    dates: [{ text: 'on Tuesday', iso: '2026-02-03', start: 210, end: 220 }],
    statements: [{ actor: 'China', verb: 'condemned', target: 'attacks', start: 11, end: 90 }],
  }),
  problems: [],
})

export const corpusFactsDoc = describe({
  tag: 'Analysis',
  summary: 'Facts across all articles',
  description:
    'Every quote, figure, statement, date and entity of the corpus as one list, newest article first: filter by `type`, by words in the fact (`q`: a speaker, a place, a name), by the article’s date, and through the entity registry by `speaker`, `actor`, `target`, `place` (a name or alias; a place includes the places inside it: a name that matches nothing gives an empty page) and `entity` (a registry id: one the registry does not have is a 404); each fact names its article.',
  ok: json(FactPageSchema, 'One page of facts.', {
    total: 1,
    offset: 0,
    limit: 20,
    facts: [
      {
        type: 'quote',
        article: { id: SEED_ID, title: seedHit.title, date: '2026-02-03' },
        text: 'We mourn for the lives lost, and our hearts go out to the injured and those who lost their loved ones,',
        speaker: 'Lin Jian',
        start: 339,
        end: 441,
      },
    ],
  }),
  problems: ['invalid-parameters', 'not-found'],
})

export const relatedDoc = describe({
  tag: 'Articles',
  summary: 'Articles related to one article',
  description: 'Other articles on the same subject, by shared words and shared people, organizations and places; best first.',
  withId: true,
  ok: json(RelatedResponseSchema, 'The related articles.', {
    id: SEED_ID,
    related: [{ id: 'Example_article', title: 'An article on a related subject', score: 3.2, sharedEntities: ['Pakistan'] }],
  }),
  problems: ['invalid-parameters'],
})

export const extractDoc = describe({
  tag: 'Analysis',
  summary: 'Analyse any text',
  description:
    'Summary, keywords, facts and (without a title) a headline of the posted text, computed at the edge. `date` is the publication date that "on Tuesday"-style mentions resolve against. The body is JSON of at most 256 KiB.',
  ok: json(ExtractResponseSchema, 'The analysis; offsets index the posted text.', {
    title: 'China condemns attacks in Balochistan',
    titleGenerated: true,
    summary: {
      sentences: [{ text: 'China condemned the attacks in Balochistan on Tuesday.', start: 0, end: 54 }],
      text: 'China condemned the attacks in Balochistan on Tuesday.',
    },
    keywords: [{ text: 'Balochistan', score: 1 }],
    facts: {
      entities: [{ name: 'China', type: 'country', mentions: [{ start: 0, end: 5 }] }],
      quotes: [],
      quantities: [],
      dates: [{ text: 'on Tuesday', iso: '2026-02-03', start: 43, end: 53 }],
      statements: [],
    },
  }),
  problems: ['invalid-parameters', 'malformed-json', 'payload-too-large', 'unsupported-media-type'],
})

export const healthDoc = describe({
  tag: 'Service',
  summary: 'Is the service up, and which index does it serve?',
  description: 'Never cached. `version` changes whenever the indexed content does.',
  ok: json(HealthSchema, 'The service is up.', { status: 'ok', documents: 292, version: '82f06033a973f8d9', builtAt: '2026-11-26T12:33:33.294Z' }),
  problems: [],
})

export const briefDoc = describe({
  tag: 'Analysis',
  summary: 'A brief on a subject',
  description:
    'A cited digest of the articles that best match a query: the most informative non-redundant sentences (each citing its article and offsets), a timeline, the people, organizations and places they name most, and casualty figures grouped by event.',
  ok: json(BriefResponseSchema, 'The brief.', {
    query: 'Balochistan',
    total: 1,
    articles: 1,
    digest: {
      sentences: [{ id: SEED_ID, title: seedHit.title, date: '2026-02-03', text: 'China strongly condemned…', start: 11, end: 215 }],
      text: 'China strongly condemned…',
    },
    timeline: [{ date: '2026-02-03', id: SEED_ID, title: seedHit.title }],
    entities: { people: [{ name: 'Lin Jian', articles: 1, mentions: 3 }], organizations: [], places: [{ name: 'Quetta', articles: 1, mentions: 1 }] },
    casualties: [],
  }),
  problems: ['invalid-parameters'],
})

const linJian = { id: 'person-lin-jian', name: 'Lin Jian', type: 'person', aliases: [], role: 'Chinese Foreign Ministry Spokesperson', articles: 1 }

export const entitiesDoc = describe({
  tag: 'Entities',
  summary: 'Find people, organisations and places',
  description:
    'The corpus-wide entity registry: the names of one person, organisation or place merged across articles (surname → full name where the corpus is unambiguous, acronyms, "U.S." forms, aliases such as ISIS/ISIL/Islamic State). Best match first; filter by `type`.',
  ok: json(EntityPageSchema, 'One page of entities.', { total: 1, offset: 0, limit: 20, entities: [linJian] }),
  problems: ['invalid-parameters'],
})

export const entityDoc = describeRoute({
  tags: ['Entities'],
  summary: 'One entity: aliases, articles, companions and facts',
  description:
    'Who or what it is, when the corpus names it (first and last seen, articles per month), the entities seen with it, quotes by it, statements by and about it, and, for a place, the figures there or at a place inside it.',
  parameters: [
    {
      name: 'id',
      in: 'path' as const,
      required: true,
      description: 'The registry id, from `GET /api/entities`.',
      schema: { type: 'string' as const, pattern: '^[a-z]+-[a-z0-9-]+$', maxLength: 200 },
      example: 'person-lin-jian',
    },
  ],
  responses: {
    200: json(EntityDetailSchema, 'The entity.', {
      ...linJian,
      firstSeen: '2026-02-03',
      lastSeen: '2026-02-03',
      months: [{ month: '2026-02', articles: 1 }],
      articleList: [{ id: SEED_ID, title: seedHit.title, date: '2026-02-03' }],
      seenWith: [{ id: 'country-china', name: 'China', type: 'country', articles: 1 }],
      quotesBy: { total: 2, facts: [] },
      statementsBy: { total: 0, facts: [] },
      statementsAbout: { total: 0, facts: [] },
      figuresAt: { total: 0, facts: [] },
      placesInside: 0,
    }),
    ...problemResponses('invalid-parameters', 'not-found', ...ALWAYS),
  },
})
