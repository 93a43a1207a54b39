import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import type { LoadedBundle } from '../bundle/open'
import type { CorpusReader } from '../bundle/corpus-reader'
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

/**
 * Puts the request's reader on `c.var.reader`: the one Worker's bundle and live
 * segment, or a sharded build's shards behind its front. The API and the pages
 * read through it, so one set of routes serves both.
 */
export function provideReader(reader: (c: Context<AppEnv>) => CorpusReader) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('reader', reader(c))
    await next()
  })
}
