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
export function describeIssues(issues: readonly Issue[], target: keyof ValidationTargets) {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key)).join('.')
    return { name: path || '(body)', in: TARGET_NAMES[target] ?? target, message: issue.message }
  })
}

/**
 * Validates one part of the request against a valibot schema (the same schema
 * documents the route in OpenAPI) and answers a 400 problem that lists every
 * bad field when it fails.
 */
export function validate<Schema extends StandardSchemaV1, Target extends keyof ValidationTargets>(target: Target, schema: Schema) {
  return openApiValidator(target, schema, (result) => {
    if (result.success) return
    const errors = describeIssues(result.error as readonly Issue[], target)
    const detail = errors.map((error) => `${error.in} "${error.name}": ${error.message}`).join('; ')
    throw new ProblemError('invalid-parameters', detail, { errors })
  })
}
