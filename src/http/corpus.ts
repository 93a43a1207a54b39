import { createMiddleware } from 'hono/factory'
import type { LoadedBundle } from '../bundle/open'
import type { AppEnv } from './app-env'

/**
 * Puts the corpus on `c.var.corpus` for everything after it: the Worker's bundle
 * in production (opened on first use), any other corpus in a test. Routes read
 * the corpus only from there, so they run against whatever corpus the app is built with.
 */
export function provideCorpus(corpus: () => LoadedBundle) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('corpus', corpus())
    await next()
  })
}
