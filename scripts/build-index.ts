/**
 * Builds the search bundle the Worker serves: reads the corpus, analyses every
 * article (summary, keywords, facts, a headline where there is no title),
 * indexes it with MiniSearch and writes `generated/search.bundle` atomically.
 *
 *   npm run build                 # the bundled corpus/
 *   CORPUS=path npm run build     # another folder (read recursively) or .jsonl file
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { analyzeArticle } from '../src/analyze'
import { serializeBundle } from '../src/bundle/format'
import type { StoredArticle } from '../src/bundle/types'
import { serializeCompactIndex } from '../src/search/compact-index'
import { buildIndex } from '../src/search/search'
import { formatCorpusError, readCorpus } from './lib/read-corpus'

const BUNDLE_PATH = resolve(process.env.BUNDLE_PATH ?? 'generated/search.bundle')
/** The compact index's bytes, next to the bundle (a Data module for the Worker). */
const INDEX_PATH = `${BUNDLE_PATH.replace(/\.bundle$/, '')}.bin`

function main(): number {
  const started = performance.now()
  const corpus = resolve(process.env.CORPUS ?? 'corpus')
  if (!existsSync(corpus)) {
    console.error(`build failed: CORPUS "${corpus}" does not exist. Give a folder or a .jsonl file.`)
    return 1
  }
  const { articles: inputs, errors, files } = readCorpus(corpus)
  if (errors.length > 0) {
    const bad = new Set(errors.map((error) => error.file)).size
    console.error(`build failed: ${errors.length} problem(s) in ${bad} file(s) of ${corpus}; the previous bundle is unchanged.`)
    for (const error of errors) console.error(`  ${formatCorpusError(error)}`)
    return 1
  }
  if (inputs.length === 0) {
    console.error(`build failed: no articles (.txt, .md, .jsonl) found in ${corpus}; the previous bundle is unchanged.`)
    return 1
  }

  const progress = createProgress(inputs.length)
  const articles: StoredArticle[] = inputs.map((input, done) => {
    progress(done)
    const { title, ...rest } = input
    return { ...rest, ...analyzeArticle({ text: input.text, ...(title ? { title } : {}), ...(input.date ? { date: input.date } : {}) }) }
  })
  progress(inputs.length)

  const index = serializeCompactIndex(buildIndex(articles))
  const version = createHash('sha256').update(JSON.stringify([articles, index.header])).update(index.binary).digest('hex').slice(0, 16)
  const text = serializeBundle({ version, builtAt: new Date().toISOString(), index: index.header }, articles)

  mkdirSync(dirname(BUNDLE_PATH), { recursive: true })
  const temporary = `${BUNDLE_PATH}.${process.pid}.tmp`
  const temporaryIndex = `${INDEX_PATH}.${process.pid}.tmp`
  try {
    // The index bytes first: the bundle names their length, so a half-done pair is refused at load, never misread.
    writeFileSync(temporaryIndex, index.binary)
    writeFileSync(temporary, text)
    renameSync(temporaryIndex, INDEX_PATH)
    renameSync(temporary, BUNDLE_PATH)
  } catch (error) {
    rmSync(temporary, { force: true })
    rmSync(temporaryIndex, { force: true })
    console.error(`build failed: cannot write ${BUNDLE_PATH}: ${(error as Error).message}; the previous bundle is unchanged.`)
    return 1
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  console.log(
    `built ${BUNDLE_PATH}: ${articles.length} articles from ${files} file(s) of ${corpus}, ` +
      `${((Buffer.byteLength(text) + index.binary.length) / 1024 / 1024).toFixed(2)} MiB with the index, version ${version}, in ${seconds} s`,
  )
  return 0
}

/** Prints a progress line every 10% on corpora large enough to make the wait noticeable. */
function createProgress(total: number): (done: number) => void {
  if (total < 500) return () => {}
  const step = Math.ceil(total / 10)
  return (done) => {
    if (done % step === 0 || done === total) console.log(`  analysed ${done}/${total} articles (${Math.round((done / total) * 100)}%)`)
  }
}

process.exitCode = main()
