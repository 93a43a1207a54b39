/**
 * Builds the search bundle the Worker serves: reads the corpus, analyses every
 * article (summary, keywords, facts, a headline where there is no title),
 * indexes it with MiniSearch and writes `generated/search.bundle` atomically.
 *
 *   npm run build                 # the bundled corpus/
 *   CORPUS=path npm run build     # another folder (read recursively) or .jsonl file
 */
import { createHash } from 'node:crypto'
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
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
  removeStaleTemporaries()
  const temporary = `${BUNDLE_PATH}.${process.pid}.tmp`
  const temporaryIndex = `${INDEX_PATH}.${process.pid}.tmp`
  try {
    // The index bytes first: the bundle names their length, so a half-done pair is refused at load, never misread.
    writeFileSync(temporaryIndex, index.binary)
    writeFileSync(temporary, text)
    replacePair(temporaryIndex, temporary)
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

/**
 * Renames the new index, then the new bundle, into place. If the bundle cannot
 * be renamed (say, a folder has taken its name), the previous index goes back
 * too, so the previous pair stays a pair.
 */
function replacePair(temporaryIndex: string, temporary: string) {
  const previousIndex = `${INDEX_PATH}.${process.pid}.previous.tmp`
  const hadIndex = existsSync(INDEX_PATH)
  if (hadIndex) linkSync(INDEX_PATH, previousIndex)
  try {
    renameSync(temporaryIndex, INDEX_PATH)
    renameSync(temporary, BUNDLE_PATH)
  } catch (error) {
    if (hadIndex) renameSync(previousIndex, INDEX_PATH)
    else rmSync(INDEX_PATH, { force: true })
    throw error
  } finally {
    rmSync(previousIndex, { force: true })
  }
}

/**
 * A build killed while writing leaves its `<bundle or index>.<pid>.tmp` behind
 * (the files themselves are only ever replaced by a rename, so they stay whole). Remove
 * those of processes that are gone; a concurrent build's file is left alone.
 */
function removeStaleTemporaries() {
  for (const prefix of [`${basename(BUNDLE_PATH)}.`, `${basename(INDEX_PATH)}.`]) {
    for (const name of readdirSync(dirname(BUNDLE_PATH))) {
      const pid = Number.parseInt(name.slice(prefix.length), 10)
      if (name.startsWith(prefix) && name.endsWith('.tmp') && pid > 0 && pid !== process.pid && !isRunning(pid)) {
        rmSync(join(dirname(BUNDLE_PATH), name), { force: true })
      }
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// Whatever fails (a folder that cannot be created, a bug in the analysis), say what and that nothing was replaced.
try {
  process.exitCode = main()
} catch (error) {
  console.error(`build failed: ${(error as Error).message}; the previous bundle is unchanged.`)
  console.error((error as Error).stack)
  process.exitCode = 1
}
