import type { OpenAPIV3_1 } from 'openapi-types'
import { PROBLEMS } from '../http/problem'
import { problemHelp, problemKinds } from '../openapi/problems'
import { TRY_IT_SCRIPT } from './docs-try-it'
import { Layout } from './layout'

type Document = Pick<OpenAPIV3_1.Document, 'info' | 'paths' | 'tags'>
type Operation = OpenAPIV3_1.OperationObject
type Parameter = OpenAPIV3_1.ParameterObject
type Schema = OpenAPIV3_1.SchemaObject

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** `/docs`: every operation of the OpenAPI document, readable without JavaScript, with a "try it" form. */
export function DocsPage(props: { document: Document }) {
  const { info, paths = {} } = props.document
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method] as Operation | undefined
      return operation ? [{ path, method, operation, anchor: anchorOf(method, path) }] : []
    }),
  )
  return (
    <Layout title="API documentation" description={info.title}>
      <h1>{info.title}</h1>
      {paragraphs(info.description ?? '')}
      <p>
        The machine-readable description is at <a href="/openapi.json">/openapi.json</a> (OpenAPI {'3.1'}); every example below can be sent from this page.
      </p>
      <nav aria-label="Endpoints">
        <ul>
          {operations.map(({ path, method, operation, anchor }) => (
            <li>
              <a href={`#${anchor}`}>
                <span class="method">{method}</span>
                <code>{path}</code>
              </a>{' '}
              {operation.summary}
            </li>
          ))}
          <li>
            <a href="#problems">Problem types</a>
          </li>
        </ul>
      </nav>
      {operations.map((entry) => (
        <OperationSection {...entry} />
      ))}
      <section id="problems">
        <h2>Problem types</h2>
        <p>
          Every error is a <code>application/problem+json</code> body <code>{'{ type, title, status, detail }'}</code>; its <code>type</code> is one of these.
        </p>
        <table>
          <thead>
            <tr>
              <th>type</th>
              <th>status</th>
              <th>meaning</th>
            </tr>
          </thead>
          <tbody>
            {problemKinds().map((kind) => (
              <tr id={`problem-${kind}`}>
                <td>
                  <code>/problems/{kind}</code>
                </td>
                <td>{PROBLEMS[kind].status}</td>
                <td>
                  <b>{PROBLEMS[kind].title}.</b> {problemHelp(kind)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <script dangerouslySetInnerHTML={{ __html: TRY_IT_SCRIPT }} />
    </Layout>
  )
}

function OperationSection(props: { path: string; method: string; operation: Operation; anchor: string }) {
  const { path, method, operation, anchor } = props
  const parameters = (operation.parameters ?? []).filter((parameter): parameter is Parameter => !('$ref' in parameter))
  const body = requestBody(operation)
  return (
    <section class="operation" id={anchor}>
      <h2>
        <span class="method">{method}</span>
        <code>{path}</code>
      </h2>
      {operation.summary ? (
        <p>
          <b>{operation.summary}</b>
        </p>
      ) : null}
      {paragraphs(operation.description ?? '')}
      {parameters.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>parameter</th>
              <th>in</th>
              <th>type</th>
              <th>description</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((parameter) => (
              <tr>
                <td>
                  <code>{parameter.name}</code>
                  {parameter.required ? ' (required)' : ''}
                </td>
                <td>{parameter.in}</td>
                <td>{describeSchema(parameter.schema as Schema | undefined)}</td>
                <td>{parameter.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? (
        <details>
          <summary>Request body ({body.mediaType})</summary>
          <pre tabindex={0}>{JSON.stringify(body.schema, null, 2)}</pre>
        </details>
      ) : null}
      <h3>Responses</h3>
      <dl>
        {Object.entries(operation.responses ?? {}).map(([status, response]) => (
          <ResponseEntry status={status} response={response as OpenAPIV3_1.ResponseObject} />
        ))}
      </dl>
      <TryIt path={path} method={method} parameters={parameters} example={body?.example} />
    </section>
  )
}

function ResponseEntry(props: { status: string; response: OpenAPIV3_1.ResponseObject }) {
  const [mediaType, media] = Object.entries(props.response.content ?? {})[0] ?? []
  const examples = media ? exampleValues(media) : []
  return (
    <>
      <dt>
        <b>{props.status}</b> {mediaType ? <code>{mediaType}</code> : null}
      </dt>
      <dd>
        {paragraphs(props.response.description ?? '')}
        {examples.map((value) => (
          <pre tabindex={0}>{JSON.stringify(value, null, 2)}</pre>
        ))}
        {media?.schema ? (
          <details>
            <summary>Schema</summary>
            <pre tabindex={0}>{JSON.stringify(media.schema, null, 2)}</pre>
          </details>
        ) : null}
      </dd>
    </>
  )
}

/** A form that works without JavaScript for GET (the browser shows the JSON); the script sends it in place. */
function TryIt(props: { path: string; method: string; parameters: Parameter[]; example: unknown }) {
  const hasPathParameters = props.parameters.some((parameter) => parameter.in === 'path')
  const action = hasPathParameters || props.method !== 'get' ? undefined : props.path
  return (
    <form class="try" method="get" action={action} data-path={props.path} data-method={props.method.toUpperCase()}>
      <h3>Try it</h3>
      {props.parameters.map((parameter) => (
        <label>
          <code>{parameter.name}</code> ({parameter.in})
          <input
            name={parameter.name}
            data-in={parameter.in}
            required={parameter.required === true}
            value={String(parameter.example ?? (parameter.schema as Schema | undefined)?.default ?? '')}
          />
        </label>
      ))}
      {props.method !== 'get' ? (
        <label>
          body (JSON)
          <textarea name="body" rows={6}>
            {JSON.stringify(props.example ?? {}, null, 2)}
          </textarea>
        </label>
      ) : null}
      <button type="submit">Send {props.method.toUpperCase()}</button>
      <output aria-live="polite"></output>
    </form>
  )
}

function requestBody(operation: Operation) {
  const body = operation.requestBody
  if (!body || '$ref' in body) return undefined
  const [mediaType, media] = Object.entries(body.content)[0] ?? []
  if (!mediaType || !media) return undefined
  return { mediaType, schema: media.schema, example: exampleValues(media)[0] }
}

function exampleValues(media: OpenAPIV3_1.MediaTypeObject): unknown[] {
  if (media.example !== undefined) return [media.example]
  return Object.values(media.examples ?? {}).map((example) => ('$ref' in example ? undefined : example.value))
}

/** "integer, 1 to 100, default 10" from a parameter's JSON schema. */
function describeSchema(schema: Schema | undefined): string {
  if (!schema) return ''
  const parts: string[] = [schema.enum ? schema.enum.map((value) => JSON.stringify(value)).join(' | ') : String(schema.type ?? 'string')]
  if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push(`${schema.minLength ?? 0} to ${schema.maxLength ?? '∞'} characters`)
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? '−∞'} to ${schema.maximum ?? '∞'}`)
  if (schema.pattern) parts.push(`pattern ${schema.pattern}`)
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`)
  return parts.join(', ')
}

function paragraphs(text: string) {
  return text
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => <p>{inlineMarkdown(paragraph.replace(/\s*\n\s*/g, ' '))}</p>)
}

/** The two bits of Markdown the descriptions use: `code` and [links](url). Everything else stays text (escaped). */
function inlineMarkdown(text: string) {
  const parts: unknown[] = []
  let at = 0
  for (const match of text.matchAll(/`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    parts.push(text.slice(at, match.index))
    parts.push(match[1] !== undefined ? <code>{match[1]}</code> : <a href={match[3]}>{match[2]}</a>)
    at = match.index + match[0].length
  }
  parts.push(text.slice(at))
  return parts
}

function anchorOf(method: string, path: string): string {
  return `${method}-${path.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}`
}
