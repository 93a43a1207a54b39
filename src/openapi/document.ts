import { toJsonSchema } from '@valibot/to-json-schema'
import type { GenerateSpecOptions } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import { problemResponses } from './problems'
import { ProblemSchema } from './schemas'

const DESCRIPTION = `Search news articles, read them with their summaries, keywords and extracted facts
(people with their roles, places, quotes with their speakers, casualty figures, dates),
and analyse any text at the edge.

Every offset (\`start\`, \`end\`) is a JavaScript string index (UTF-16 code units) into the exact
text it was computed on: \`text.slice(start, end)\` is the evidence.

Errors are [RFC 9457](https://www.rfc-editor.org/rfc/rfc9457) problems
(\`application/problem+json\`) whose \`type\` names the kind of problem: see the problem types below.
GET endpoints answer any origin (CORS); POST origins are configured in \`wrangler.toml\`.`

/**
 * How `/openapi.json` is generated: the API's paths only (pages, docs and the
 * widget are not API), every 400 from a validator documented as our problem.
 */
export const OPENAPI_OPTIONS: Partial<GenerateSpecOptions> = {
  documentation: {
    info: {
      title: 'News Edge API',
      version: '1.0.0',
      description: DESCRIPTION,
      // The project declares no licence yet (package.json is private, no LICENSE file): say so rather than invent one.
      license: { name: 'No licence declared; article texts keep the licence each answer names' },
      contact: { name: 'News Edge maintainers' },
    },
    // Relative, so the document is right wherever the Worker is deployed; the API needs no credentials.
    servers: [{ url: '/' }],
    security: [],
    tags: [
      { name: 'Search', description: 'Full-text search over the indexed articles.' },
      { name: 'Articles', description: 'One article: text, summary, keywords and facts.' },
      { name: 'Analysis', description: 'Summaries, keywords and facts of any text, computed at the edge.' },
      { name: 'Service', description: 'Health and version of the deployed index.' },
      { name: 'Live', description: 'Publish, replace and delete articles without a rebuild (needs the ingest token).' },
    ],
    components: {
      schemas: { Problem: withoutDialect(toJsonSchema(ProblemSchema, { errorMode: 'ignore' })) as OpenAPIV3_1.SchemaObject },
    },
  },
  includeEmptyPaths: true,
  exclude: [/^(?!\/api\/)/],
  defaultValidationErrorResponse: problemResponses('invalid-parameters')['400']!,
}

/** A 3.1 document has its own dialect: a draft-07 `$schema` inside it is an error to the linters. */
function withoutDialect<T extends { $schema?: unknown }>(schema: T): Omit<T, '$schema'> {
  const { $schema: _dialect, ...rest } = schema
  return rest
}
