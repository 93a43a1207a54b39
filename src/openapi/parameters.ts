/**
 * What each request parameter and body means, for the document. The validators give
 * names, types, patterns and defaults; query integers are validated as strings
 * and bounded after conversion, which JSON Schema cannot see, so their bounds
 * are stated here (and the tests check them against the validators' answers).
 */
import type { OpenAPIV3_1 } from 'openapi-types'

type ParameterDoc = { description: string; example?: string; minimum?: number; maximum?: number }

const FACET_FILTER = (what: string): ParameterDoc => ({
  description: `Only articles naming this ${what}; repeat the parameter for alternatives. Values are facet values as search returns them.`,
})

const COMMON: Record<string, ParameterDoc> = {
  from: { description: 'Only articles published on or after this day (YYYY-MM-DD).' },
  to: { description: 'Only articles published on or before this day (YYYY-MM-DD); not before `from`.' },
  person: FACET_FILTER('person'),
  organization: FACET_FILTER('organization'),
  place: FACET_FILTER('place'),
  country: FACET_FILTER('country'),
  year: { description: 'Only articles of this year (four digits); repeat for alternatives.' },
}

const BY_PATH: Record<string, Record<string, ParameterDoc>> = {
  '/api/search': {
    q: {
      description:
        'The words to search for. "Quoted phrases" and -excluded words are understood; close spellings of every word match at a lower weight, and a query whose misspelt words find too little is corrected (`correctedQuery`).',
      example: 'Balochistan',
    },
    limit: { description: 'Hits per page.', minimum: 1, maximum: 100 },
    offset: { description: 'Hits to skip, for paging.', minimum: 0, maximum: 10_000 },
    sort: { description: '`relevance` (best first) or `date` (newest first; undated last).' },
    recency: {
      description: 'Half-life in days of a recency boost: a score times 1 + 0.5^(age/recency), age in days before `now`.',
      minimum: 1,
      maximum: 36_500,
    },
    now: { description: "The query's time for `recency` (YYYY-MM-DD); today when absent." },
    autocorrect: { description: '`false`: search the words as typed even when a correction would find more (the correction is then offered as `suggestion`).' },
    facetLimit: { description: 'How many values each facet lists (the most frequent).', minimum: 1, maximum: 100 },
  },
  '/api/suggest': {
    q: { description: 'What the user has typed so far.', example: 'balo' },
    limit: { description: 'Completions to return.', minimum: 1, maximum: 20 },
  },
  '/api/articles': {
    limit: { description: 'Articles per page.', minimum: 1, maximum: 100 },
    offset: { description: 'Articles to skip, for paging.', minimum: 0, maximum: 100_000 },
    sort: { description: '`date` (newest first), `oldest` or `title`.' },
  },
  '/api/articles/{id}/summary': { sentences: { description: 'How many sentences the summary has.', minimum: 1, maximum: 50 } },
  '/api/articles/{id}/related': { limit: { description: 'Related articles to return.', minimum: 1, maximum: 20 } },
  '/api/brief': {
    q: { description: 'The subject: the brief covers the articles that best match these words.', example: 'Balochistan' },
    sentences: { description: 'Sentences in the digest.', minimum: 1, maximum: 20 },
    articles: { description: 'How many of the best-matching articles the brief draws on.', minimum: 1, maximum: 30 },
  },
  '/api/facts': {
    type: { description: 'Only facts of this kind.' },
    q: { description: 'Only facts whose words include these (a speaker, a place, a name), case-insensitive.', example: 'Lin Jian' },
    limit: { description: 'Facts per page.', minimum: 1, maximum: 100 },
    offset: { description: 'Facts to skip, for paging.', minimum: 0, maximum: 100_000 },
    speaker: { description: 'Only quotes by this entity, under any of its names in the entity registry ("Biden" finds Joe Biden’s).', example: 'Lin Jian' },
    actor: { description: 'Only statements made by this entity (any of its names).' },
    target: { description: 'Only statements about this entity (any of its names): a target that contains the name counts.' },
    place: { description: 'Only quantities at this place or at a place inside it (a region’s towns, a country’s places).', example: 'Balochistan' },
    entity: { description: 'Only facts naming this registry id (from `GET /api/entities`).', example: 'person-lin-jian' },
  },
  '/api/live/export': {
    after: { description: 'Where this page starts: the `next` of the page before (absent for the first page).' },
    limit: { description: 'Live articles per page at most (a page also stops before 8 MiB of articles).', minimum: 1, maximum: 1000 },
  },
  '/api/entities': {
    q: { description: 'A name or part of one; aliases count ("ISIL" finds the Islamic State).', example: 'Lin Jian' },
    type: { description: 'Only entities of this type.' },
    limit: { description: 'Entities per page.', minimum: 1, maximum: 100 },
    offset: { description: 'Entities to skip, for paging.', minimum: 0, maximum: 100_000 },
  },
}

export function parameterDoc(path: string, name: string): ParameterDoc | undefined {
  return BY_PATH[path]?.[name] ?? COMMON[name]
}

/** Adds descriptions, examples and integer bounds to the generated query parameters, in place. */
export function describeParameters(paths: OpenAPIV3_1.PathsObject): void {
  for (const [path, item] of Object.entries(paths)) {
    for (const operation of Object.values(item ?? {})) {
      for (const parameter of (operation as OpenAPIV3_1.OperationObject).parameters ?? []) {
        if ('$ref' in parameter || parameter.in !== 'query') continue
        const doc = parameterDoc(path, parameter.name)
        if (!doc) continue
        parameter.description ??= doc.description
        if (doc.example !== undefined) parameter.example ??= doc.example
        const schema = parameter.schema as OpenAPIV3_1.SchemaObject | undefined
        if (schema && (doc.minimum !== undefined || doc.maximum !== undefined)) {
          parameter.schema = {
            type: 'integer',
            ...(doc.minimum !== undefined ? { minimum: doc.minimum } : {}),
            ...(doc.maximum !== undefined ? { maximum: doc.maximum } : {}),
            ...(schema.default !== undefined ? { default: Number(schema.default) } : {}),
          }
        }
      }
    }
  }
}

/**
 * Request body examples. The validator documents the body's schema and would
 * replace a `describeRoute` body (hono-openapi merges per media type), so they are added afterwards.
 */
const BODY_EXAMPLES: Record<string, Record<string, unknown>> = {
  '/api/extract': {
    post: { text: 'China condemned the attacks in Balochistan on Tuesday, its foreign ministry said.', date: '2026-02-05', summary: { sentences: 1 } },
  },
}

export function addBodyExamples(paths: OpenAPIV3_1.PathsObject): void {
  for (const [path, methods] of Object.entries(BODY_EXAMPLES)) {
    for (const [method, example] of Object.entries(methods)) {
      const body = (paths[path]?.[method as OpenAPIV3_1.HttpMethods] as OpenAPIV3_1.OperationObject | undefined)?.requestBody
      const media = body && !('$ref' in body) ? body.content['application/json'] : undefined
      if (media) media.example ??= example
    }
  }
}
