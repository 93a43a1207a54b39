import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { analyzeArticle } from '../../src/analysis/analyze'
import { bundleOfArticles } from '../../src/bundle/memory'
import type { AppEnv } from '../../src/http/app-env'
import { checkArticleId } from '../../src/http/article-id'
import { httpCache } from '../../src/http/cache'
import { provideCorpus, provideReader } from '../../src/http/corpus'
import { liveReader } from '../../src/live/reader'
import { ProblemError } from '../../src/http/problem'
import { requestId } from '../../src/http/request-id'

// Each middleware of src/http on a bare app of its own, with a one-article corpus in memory.
const text = 'The harbour council of Port Quillan approved the ferry plan on Tuesday.'
const corpusAt = (version: string) => bundleOfArticles([{ id: 'desk/ferry', text, ...analyzeArticle({ text }) }], version)

function appWith(version: string) {
  return (
    new Hono<AppEnv>()
      .use(provideCorpus(() => corpusAt(version)))
      // The ETag names what the reader's answers are made of (here the bundle's version).
      .use(provideReader((c) => liveReader(c.env, c.var.corpus)))
      .use(requestId)
      .use('/api/*', httpCache)
      .use('/api/*', checkArticleId)
      .get('/api/count', (c) => c.json({ documents: c.var.corpus.ids.length }))
      .get('/api/articles/:id{.+}', (c) => c.json({ id: c.req.param('id') }))
      .onError((error) => (error instanceof ProblemError ? error.toResponse() : new Response('unexpected', { status: 500 })))
  )
}

const NO_BINDINGS = {}

describe('provideCorpus', () => {
  it('hands the routes the corpus it was given', async () => {
    const response = await appWith('v1').request('http://news.test/api/count', undefined, NO_BINDINGS)
    expect(await response.json()).toEqual({ documents: 1 })
  })
})

describe('httpCache', () => {
  it('tags an answer by the corpus version, and answers a matching If-None-Match with a bodiless 304', async () => {
    const app = appWith('v1')
    const first = await app.request('http://news.test/api/count', undefined, NO_BINDINGS)
    const tag = first.headers.get('ETag')!
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/)
    expect(first.headers.get('Cache-Control')).toContain('max-age')
    const again = await app.request('http://news.test/api/count', { headers: { 'If-None-Match': tag } }, NO_BINDINGS)
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const otherVersion = await appWith('v2').request('http://news.test/api/count', undefined, NO_BINDINGS)
    expect(otherVersion.headers.get('ETag')).not.toBe(tag)
  })

  it('never caches an error', async () => {
    const response = await appWith('v1').request(`http://news.test/api/articles/${'x'.repeat(600)}`, undefined, NO_BINDINGS)
    expect(response.status).toBe(400)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('ETag')).toBeNull()
  })
})

describe('checkArticleId', () => {
  it('refuses an id no article can have with a problem naming the parameter, and lets a plain one through', async () => {
    const app = appWith('v1')
    const control = await app.request('http://news.test/api/articles/desk%2Ffer%07ry', undefined, NO_BINDINGS)
    expect(control.status).toBe(400)
    expect(control.headers.get('Content-Type')).toContain('application/problem+json')
    expect(((await control.json()) as { errors: { name: string }[] }).errors[0]!.name).toBe('id')
    const plain = await app.request('http://news.test/api/articles/desk/ferry', undefined, NO_BINDINGS)
    expect(await plain.json()).toEqual({ id: 'desk/ferry' })
  })
})

describe('requestId', () => {
  it('echoes a sane caller id and replaces one a log line could choke on', async () => {
    const app = appWith('v1')
    const sane = await app.request('http://news.test/api/count', { headers: { 'X-Request-Id': 'client-42' } }, NO_BINDINGS)
    expect(sane.headers.get('X-Request-Id')).toBe('client-42')
    const hostile = await app.request('http://news.test/api/count', { headers: { 'X-Request-Id': 'a b;c' } }, NO_BINDINGS)
    expect(hostile.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})
