import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ValidationTargets } from 'hono'
import { validator as openApiValidator } from 'hono-openapi'
import { ProblemError } from './problem'

type Issue = StandardSchemaV1.Issue

const TARGET_NAMES: Partial<Record<keyof ValidationTargets, string>> = {
  query: 'query parameter',
  json: 'body field',
  param: 'path parameter',
}

/** "limit: must be an integer from 1 to 100" for each issue, naming where the bad value is. */
export function describeIssues(issues: readonly Issue[], target: keyof ValidationTargets, input?: unknown) {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key)).join('.')
    return { name: path || '(body)', in: TARGET_NAMES[target] ?? target, message: repeatedParameter(target, input, path) ?? issue.message }
  })
}

/** `?q=a&q=b` reaches the schema as an array; say that, not "must be a string". */
function repeatedParameter(target: keyof ValidationTargets, input: unknown, name: string): string | undefined {
  if (target !== 'query' || typeof input !== 'object' || input === null) return undefined
  const value = (input as Record<string, unknown>)[name]
  return Array.isArray(value) ? `is given ${value.length} times: give it once` : undefined
}

/**
 * Validates one part of the request against a valibot schema (the same schema
 * documents the route in OpenAPI) and answers a 400 problem that lists every
 * bad field when it fails.
 */
export function validate<Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(target: Target, schema: Schema) {
  return openApiValidator(target, schema, (result) => {
    if (result.success) return
    const errors = describeIssues(result.error as readonly Issue[], target, result.data)
    const detail = errors.map((error) => `${error.in} "${error.name}": ${error.message}`).join('; ')
    throw new ProblemError('invalid-parameters', detail, { errors })
  })
}
