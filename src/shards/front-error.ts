import { HTTPException } from 'hono/http-exception'
import { ProblemError, problemResponse } from '../http/problem'
import { ShardsUnavailable } from './gather'

/**
 * The front Worker's answer to an error: a shard that failed or did not answer
 * is a 503 with `Retry-After` (no partial answer: a total that misses a shard
 * would look complete); the rest as the one Worker answers them.
 */
export function frontError(error: Error): Response {
  if (error instanceof ProblemError) return error.toResponse()
  if (error instanceof ShardsUnavailable)
    return problemResponse('shards-unavailable', `${error.message}. No partial answer is given; try again shortly.`, {}, { 'Retry-After': '5' })
  if (error instanceof HTTPException && error.status < 500)
    return problemResponse('invalid-parameters', error.message || 'The request could not be understood.')
  console.error(error)
  return problemResponse('internal-error', 'The service failed to answer this request; it has been logged. Try again later.')
}
