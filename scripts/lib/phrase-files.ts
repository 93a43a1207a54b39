/**
 * The corpus's phrase counts on disk: the sharded build counts a shard's
 * phrases (`PhraseCounts`, src/search/suggest.ts), writes them sorted by key to
 * a file of their own and forgets them, then merges the files, summing each
 * phrase's counts, into the phrases kept (`keptPhrases`). Every phrase of the
 * corpus has to be counted to keep the most frequent: millions of them, which
 * held in memory were most of what grew with the corpus (docs/scaling.md).
 * A shard's file depends on its articles alone (its phrases' sights count from
 * 0 in it), so the build keeps it beside the shard under the shard's key and a
 * later build whose shard has that key merges the kept file instead of reading
 * the shard's articles and counting them again.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import type { StoredArticle } from '../../src/article'
import { PhraseCounts, type PhraseCount } from '../../src/search/suggest'
import { tsWorker } from './ts-worker'

/** Lines written at a time. */
const WRITE_LINES = 10_000
/**
 * What the merge adds to a phrase's sight per file before it: a file's sights order its own phrases, and every
 * phrase first seen in an earlier file comes before (ties in `keptPhrases` keep the corpus's first sighting).
 * More than any shard's phrases; the shards' files times this stay under 2^53.
 */
const SIGHTS_PER_FILE = 2 ** 32

export class PhraseFiles {
  private readonly files: string[] = []

  /** `dir`: where the files go, a temporary folder of their own unless given (`PhraseThread` gives its thread one). */
  constructor(private readonly dir = phrasesDir()) {}

  /** One shard's counts, sorted by key (as `PhraseCounts.take` gives them), the shards in corpus order, to a file of this folder; its path. */
  write(counts: readonly PhraseCount[]): string {
    const path = join(this.dir, `${this.files.length}.tsv`)
    writePhraseFile(counts, path)
    this.files.push(path)
    return path
  }

  /** A shard's counts written earlier (`write`, a build before this one kept them), next in corpus order. */
  add(path: string) {
    this.files.push(path)
  }

  /**
   * Every phrase once, in key order, with its counts summed over the files and the
   * sight and spelling of the first file that has it (the first in the corpus).
   */
  *merged(): Generator<PhraseCount> {
    const readers = this.files.map((path) => new LineReader(path))
    const next = (file: number) => parse(readers[file]!.next(), file * SIGHTS_PER_FILE)
    const heads = readers.map((_, file) => next(file))
    // A heap of the files by their next key, then by file (so the corpus's first sighting comes out first).
    const before = (a: number, b: number) => {
      const x = heads[a]!.key
      const y = heads[b]!.key
      return x < y || (x === y && a < b)
    }
    const heap = heads.flatMap((head, file) => (head ? [file] : []))
    const down = (at: number) => {
      for (;;) {
        const left = 2 * at + 1
        const right = left + 1
        let first = at
        if (left < heap.length && before(heap[left]!, heap[first]!)) first = left
        if (right < heap.length && before(heap[right]!, heap[first]!)) first = right
        if (first === at) return
        ;[heap[at], heap[first]] = [heap[first]!, heap[at]!]
        at = first
      }
    }
    for (let at = Math.floor(heap.length / 2) - 1; at >= 0; at--) down(at)
    const pop = (): PhraseCount => {
      const file = heap[0]!
      const head = heads[file]!
      const following = next(file)
      if (following) heads[file] = following
      else {
        heads[file] = undefined
        heap[0] = heap[heap.length - 1]!
        heap.pop()
      }
      down(0)
      return head
    }
    while (heap.length > 0) {
      const phrase = { ...pop() }
      while (heap.length > 0 && heads[heap[0]!]!.key === phrase.key) phrase.count += pop().count
      yield phrase
    }
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/**
 * Counts, sorted by key (as `PhraseCounts.take` gives them), to `path`. Keys are words and spaces, so a tab ends
 * them; a spelling may hold a tab, so it comes last. The merge reads each file in key order: `take` sorts the keys
 * by their words' numbers, without comparing strings (sorting the lines here, millions a shard, was a fifth of the
 * phrase thread's time).
 */
function writePhraseFile(counts: readonly PhraseCount[], path: string) {
  const lines = counts.map(({ key, count, sight, spelling }) => `${key}\t${count}\t${sight}\t${spelling ?? ''}\n`)
  const file = openSync(path, 'w')
  try {
    for (let at = 0; at < lines.length; at += WRITE_LINES) writeSync(file, lines.slice(at, at + WRITE_LINES).join(''))
  } finally {
    closeSync(file)
  }
}

/**
 * A shard's phrases counted afresh, so that its file's sights count from 0 and the file is the same wherever the
 * shard is, and written to `path`: the phrase thread's work for each shard, or a shard thread's in the threaded pass.
 */
export function writeShardPhrases(articles: readonly Pick<StoredArticle, 'title' | 'text'>[], path: string): string {
  const phrases = new PhraseCounts()
  phrases.add(articles)
  writePhraseFile(phrases.take(), path)
  return path
}

function phrasesDir(): string {
  return mkdtempSync(join(tmpdir(), 'news-edge-phrases-'))
}

/**
 * What the phrase thread is sent: a shard's articles to count (as much of them as phrases read) into file `to`,
 * a shard's counts kept by an earlier build (`counted`, its file), or the end of the corpus.
 */
export type PhraseMessage = { articles: Pick<StoredArticle, 'title' | 'text'>[]; to: string } | { counted: string } | { end: true }
/** The phrases kept, once the corpus is counted (`keptPhrases`). */
export type KeptPhrases = { text: string; count: number }[]

/**
 * The corpus's phrases counted on a thread of their own (scripts/lib/phrase-thread.ts), a shard at a time in
 * corpus order, written to phrase files and merged there: the build's first pass goes on with the shard's index
 * meanwhile (counting the phrases took about as long as everything else of that pass). At most one shard waits
 * for the thread behind the one it counts, so the build holds at most two shards' texts more. A shard whose
 * counts an earlier build kept is merged from its file (`addCounted`), its articles not sent.
 */
export class PhraseThread {
  readonly dir = phrasesDir()
  private readonly worker = tsWorker(new URL('./phrase-thread.ts', import.meta.url).href, { dir: this.dir })
  private readonly replies: { resolve: (reply: unknown) => void; reject: (error: Error) => void }[] = []
  private failure: Error | undefined
  /** The last shard sent, counted when this settles. */
  private counting: Promise<unknown> = Promise.resolve()
  private shards = 0

  constructor() {
    this.worker.on('message', (reply: unknown) => this.replies.shift()?.resolve(reply))
    this.worker.on('error', (error: Error) => this.fail(error))
    this.worker.on('exit', () => this.fail(new Error('the phrase thread stopped')))
  }

  /**
   * Sends the corpus's next shard's articles once the previous ones are counted (they are counted on the thread
   * meanwhile); the file its counts go to, in this thread's folder, for the build to keep (`close(true)`).
   */
  async add(articles: readonly StoredArticle[]): Promise<string> {
    const to = join(this.dir, `${this.shards++}.tsv`)
    await this.send({ articles: articles.map(({ title, text }) => ({ title, text })), to })
    return to
  }

  /** The corpus's next shard, counted by an earlier build: its kept file (`add`'s), merged in its turn. */
  async addCounted(file: string): Promise<void> {
    this.shards++
    await this.send({ counted: file })
  }

  /** The phrases kept of the whole corpus, once every shard is counted. */
  async kept(): Promise<KeptPhrases> {
    await this.counting
    return (await this.ask({ end: true })) as KeptPhrases
  }

  /** Stops the thread and removes its files, whether the corpus was counted or not, unless `keepFiles` (then the build removes `dir`). */
  async close(keepFiles = false): Promise<void> {
    this.failure ??= new Error('the phrase thread was closed')
    await this.worker.terminate()
    if (!keepFiles) rmSync(this.dir, { recursive: true, force: true })
  }

  private async send(message: PhraseMessage) {
    await this.counting
    this.counting = this.ask(message)
    // Awaited by the next `add` or by `kept`; a failure before then is theirs to throw, not an unhandled rejection.
    this.counting.catch(() => {})
  }

  private ask(message: PhraseMessage): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.replies.push({ resolve, reject })
      this.worker.postMessage(message)
    })
  }

  private fail(error: Error) {
    this.failure ??= error
    for (const reply of this.replies.splice(0)) reply.reject(this.failure)
  }
}

/** A line of a phrase file, its sight moved on by `sights` (`SIGHTS_PER_FILE` per file before it). */
function parse(line: string | undefined, sights: number): PhraseCount | undefined {
  if (line === undefined) return undefined
  const keyEnd = line.indexOf('\t')
  const countEnd = line.indexOf('\t', keyEnd + 1)
  const sightEnd = line.indexOf('\t', countEnd + 1)
  const spelling = line.slice(sightEnd + 1)
  return {
    key: line.slice(0, keyEnd),
    count: Number(line.slice(keyEnd + 1, countEnd)),
    sight: sights + Number(line.slice(countEnd + 1, sightEnd)),
    ...(spelling === '' ? {} : { spelling }),
  }
}

/** A file's lines, read a megabyte at a time. */
class LineReader {
  private readonly file: number
  private readonly buffer = Buffer.alloc(1024 * 1024)
  private readonly decoder = new StringDecoder('utf8')
  private lines: string[] = []
  private at = 0
  private rest = ''
  private done = false

  constructor(path: string) {
    this.file = openSync(path, 'r')
  }

  next(): string | undefined {
    while (this.at >= this.lines.length) {
      if (this.done) return undefined
      const read = readSync(this.file, this.buffer, 0, this.buffer.length, null)
      if (read === 0) {
        this.done = true
        closeSync(this.file)
        this.lines = this.rest === '' ? [] : [this.rest]
        this.rest = ''
      } else {
        const text = this.rest + this.decoder.write(this.buffer.subarray(0, read))
        const lines = text.split('\n')
        this.rest = lines.pop()!
        this.lines = lines
      }
      this.at = 0
    }
    return this.lines[this.at++]
  }
}
