/**
 * The sharded build at scale (issue 13), on a corpus file (`npm run corpus:synth`):
 * the build as `npm run build` runs it (time, peak RSS, shards) of the corpus's
 * first 99%, again after the last 1% is appended (new articles at the end, as a
 * newsroom's archive grows), again after 1% of the articles changed (spread over
 * the corpus), with what each warm build still paid by phase and which of each
 * Worker's files came out byte-identical to the previous build's, each shard's
 * Worker data modules and assets, then search
 * p50/p99 end to end through the front Worker under `wrangler dev` beside one
 * index of the corpus's first `oneIndex` articles in the same run, and each
 * Worker's heap in workerd after the requests (read through workerd's inspector).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { loadavg } from 'node:os'
import type { StoredArticle } from '../../src/article'
import { jsonlLines } from '../../scripts/lib/read-corpus'
import { shardedConfigs, shardedDir } from '../../scripts/lib/sharded-build'
import type { FrontManifest } from '../../src/shards/front-worker'
import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev'
import { scaleQueries, searchPath } from '../lib/queries'
import { summarize, type Figure } from '../lib/stats'

/** `reusedShards`: the shards the build took from the previous build's folder as they were (its report says how many). */
export type BuildRun = {
  seconds: number
  peakRssMiB: number
  analysed: number
  cached: number
  reusedShards: number
  phases: string
  loadAverage: number[]
}
/**
 * One Worker folder of a warm build (`front`, `shard-N`) against the previous build's folder of the same name:
 * files at the same path with the same bytes, files whose bytes the previous folder held under another path
 * (an assets folder renamed), and the rest (changed or new), with the top-level files (modules, entry, config)
 * that stayed byte-identical named; `linked`: of the identical ones, those that are the previous build's very
 * file (the same inode: hard-linked, not written again).
 */
export type FolderReuse = {
  folder: string
  files: number
  identical: number
  linked: number
  moved: number
  differ: number
  differBytes: number
  identicalTopLevel: string[]
}
/** A warm build and how much of the previous build's files it left byte-identical. */
export type WarmBuild = BuildRun & { reuse: FolderReuse[] }
export type ShardSize = { articles: number; modulesBytes: number; assetBytes: number; assetFiles: number; largestAssetBytes: number }
export type ShardedScalePoint = {
  corpus: string
  articles: number
  shards: number
  /** The cold build, of the corpus's first 99% (the appended build adds the rest). */
  first: BuildRun & { articles: number }
  appended: WarmBuild & { articlesAppended: number }
  changed: WarmBuild & { articlesChanged: number }
  sizes: ShardSize[]
  /** Undefined with `buildsOnly`, as the heaps. */
  search?: { front: Figure; oneIndex: Figure; oneIndexArticles: number; requests: number; loadAverage: number[] }
  /** Used JS heap (Runtime.getHeapUsage, no forced GC) per Worker after the requests: the one index's, the front's, each shard's. */
  heapBytes?: { oneIndex?: number; front?: number; shards: (number | undefined)[] }
  /** The same after the inspector's HeapProfiler.collectGarbage (undefined where workerd's inspector did not answer). */
  heapAfterGcBytes?: { oneIndex?: number; front?: number; shards: (number | undefined)[] }
  /**
   * After the GC, the ArrayBuffers' backing stores outside the JS heap (the inspector's `backingStorageSize`: the
   * Data modules' bytes among them), which Cloudflare's 128 MB per isolate may count too (see docs/scaling.md).
   */
  backingAfterGcBytes?: { oneIndex?: number; front?: number; shards: (number | undefined)[] }
}

/** `shards`: SHARDS for the sharded build (default: as many as the corpus needs). */
export type ShardedScaleOptions = {
  work: string
  cache: string
  oneIndex: number
  queries: number
  changedShare: number
  threads?: number
  shards?: string
  /** Serve the sharded build already in the work folder; build nothing but the one index. */
  servingOnly?: boolean
  /** The builds and their files only: no one index, nothing served. */
  buildsOnly?: boolean
}

export async function shardedScalePoint(corpus: string, options: ShardedScaleOptions): Promise<ShardedScalePoint> {
  const dir = join(options.work, basename(corpus, '.jsonl'))
  mkdirSync(dir, { recursive: true })
  // Read and written a piece at a time: 250,000 synthetic articles are about 1 GB, twice the longest string V8 makes.
  const lines = jsonlLines(readFileSync(corpus))
  const bundlePath = join(dir, 'search.bundle')
  console.log(`\n# ${corpus}: ${lines.length} articles`)
  const serving = options.servingOnly ? servingOnly(dir) : undefined

  // The cold build holds the first 99%; the rest is appended after: new articles at the end, analysed for the first
  // time, the shards filled in turn before them left with the same articles (the newsroom's daily case).
  const kept = lines.length - Math.round(lines.length * options.changedShare)
  const firstPath = join(dir, 'first.jsonl')
  writeLines(firstPath, lines.slice(0, kept))
  const first = serving?.first ?? { ...runBuild(firstPath, bundlePath, options), articles: kept }
  console.log(
    `  first build (the first ${kept} articles): ${first.seconds.toFixed(1)} s, ${first.analysed} analysed, ${first.cached} cached, peak RSS ${first.peakRssMiB} MiB; ${first.phases}`,
  )
  const appended = serving?.appended ?? { ...warmBuild(corpus, dir, bundlePath, options), articlesAppended: lines.length - kept }
  printWarm(`after ${appended.articlesAppended} appended (the last articles of the corpus)`, appended)

  // 1% of the articles changed: a sentence added to every hundredth, as an edited correction would. Spread over the
  // corpus, so every shard has changed articles: the case where reusing unchanged shards would save nothing.
  const step = Math.round(1 / options.changedShare)
  const changedPath = join(dir, 'changed.jsonl')
  let articlesChanged = 0
  writeLines(
    changedPath,
    lines.map((line, i) => {
      if (i % step !== step - 1) return line
      articlesChanged++
      const article = JSON.parse(line) as { text: string }
      return JSON.stringify({ ...article, text: `${article.text}\n\nThis article was updated on revision ${i}.` })
    }),
  )
  const changed = serving?.changed ?? { ...warmBuild(changedPath, dir, bundlePath, options), articlesChanged }
  printWarm(`after ${articlesChanged} changed (every hundredth, spread over the corpus)`, changed)
  const configs = shardedConfigs(dir)
  if (configs.length === 0) throw new Error(`${corpus}: the build made one Worker, not shards`)
  const manifest = JSON.parse(readFileSync(join(configs[0]!, '..', 'manifest.json'), 'utf8')) as FrontManifest
  const sizes = configs.slice(1).map((config, shard) => shardSize(join(config, '..'), manifest.shards[shard]!.documents))

  const builds = { corpus, articles: lines.length, shards: sizes.length, first, appended, changed, sizes }
  if (options.buildsOnly) return builds

  // One index of the corpus's first articles, in a copy of the project (its generated/ is the Worker's import).
  const project = oneIndexProject(options.work)
  const oneCorpus = join(options.work, `first-${options.oneIndex}.jsonl`)
  writeLines(oneCorpus, lines.slice(0, options.oneIndex))
  runBuild(oneCorpus, join(project, 'generated', 'search.bundle'), { ...options, shards: '1' })

  const articles = lines.slice(0, options.oneIndex).map((line) => JSON.parse(line) as StoredArticle)
  const paths = scaleQueries(articles, options.queries).map(searchPath)
  const one = await served([benchConfigIn(project)], paths)
  const front = await served(configs, paths)
  return {
    ...builds,
    search: { front: front.figure, oneIndex: one.figure, oneIndexArticles: articles.length, requests: paths.length, loadAverage: loadavg() },
    heapBytes: {
      oneIndex: one.heaps.get('core:user:news-edge'),
      front: front.heaps.get('core:user:news-edge'),
      shards: sizes.map((_, shard) => front.heaps.get(`core:user:news-edge-shard-${shard}`)),
    },
    heapAfterGcBytes: {
      oneIndex: one.afterGc.get('core:user:news-edge'),
      front: front.afterGc.get('core:user:news-edge'),
      shards: sizes.map((_, shard) => front.afterGc.get(`core:user:news-edge-shard-${shard}`)),
    },
    backingAfterGcBytes: {
      oneIndex: one.backing.get('core:user:news-edge'),
      front: front.backing.get('core:user:news-edge'),
      shards: sizes.map((_, shard) => front.backing.get(`core:user:news-edge-shard-${shard}`)),
    },
  }
}

/** `--serving-only`: the sharded build already in the work folder is served as it is; the build figures are not measured (NaN). */
function servingOnly(dir: string): Pick<ShardedScalePoint, 'first' | 'appended' | 'changed'> {
  if (shardedConfigs(dir).length === 0) throw new Error(`--serving-only: no sharded build in ${dir}`)
  const none: BuildRun = {
    seconds: NaN,
    peakRssMiB: NaN,
    analysed: NaN,
    cached: NaN,
    reusedShards: NaN,
    phases: 'not measured (--serving-only)',
    loadAverage: [],
  }
  return { first: { ...none, articles: NaN }, appended: { ...none, reuse: [], articlesAppended: 0 }, changed: { ...none, reuse: [], articlesChanged: 0 } }
}

/** A build over the previous one in `dir`: its run, and each Worker folder's files against the previous build's. */
function warmBuild(corpus: string, dir: string, bundlePath: string, options: ShardedScaleOptions): WarmBuild {
  const before = fileHashes(dir)
  const run = runBuild(corpus, bundlePath, options)
  const after = fileHashes(dir)
  const reuse = [...after].map(([folder, files]): FolderReuse => {
    const previous = before.get(folder) ?? new Map<string, FileState>()
    const previousHashes = new Set([...previous.values()].map(({ hash }) => hash))
    const counts: FolderReuse = { folder, files: files.size, identical: 0, linked: 0, moved: 0, differ: 0, differBytes: 0, identicalTopLevel: [] }
    for (const [path, { hash, bytes, inode }] of files) {
      if (previous.get(path)?.hash === hash) {
        counts.identical++
        if (previous.get(path)?.inode === inode) counts.linked++
        if (!path.includes('/')) counts.identicalTopLevel.push(path)
      } else if (previousHashes.has(hash)) counts.moved++
      else {
        counts.differ++
        counts.differBytes += bytes
      }
    }
    counts.identicalTopLevel.sort()
    return counts
  })
  return { ...run, reuse }
}

type FileState = { hash: string; bytes: number; inode: number }

/** The served sharded build's files, by Worker folder (`front`, `shard-N`), then path inside it: each file's SHA-256, size and inode. */
function fileHashes(dir: string): Map<string, Map<string, FileState>> {
  const folders = new Map<string, Map<string, FileState>>()
  const root = shardedDir(dir)
  if (!existsSync(root)) return folders
  for (const folder of readdirSync(root)) {
    const files = new Map<string, FileState>()
    const walk = (path: string) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const full = join(path, entry.name)
        if (entry.isDirectory()) walk(full)
        else {
          const bytes = readFileSync(full)
          files.set(relative(join(root, folder), full), {
            hash: createHash('sha256').update(bytes).digest('hex'),
            bytes: bytes.length,
            inode: statSync(full).ino,
          })
        }
      }
    }
    walk(join(root, folder))
    folders.set(folder, files)
  }
  return folders
}

function printWarm(what: string, build: WarmBuild) {
  console.log(
    `  ${what}: ${build.seconds.toFixed(1)} s, ${build.analysed} analysed, ${build.cached} cached, ${build.reusedShards} shard(s) reused, peak RSS ${build.peakRssMiB} MiB (load ${build.loadAverage.map((value) => value.toFixed(1)).join(' ')})`,
  )
  console.log(`    phases: ${build.phases}`)
  for (const reuse of build.reuse) console.log(`    ${reuseLine(reuse)}`)
}

/** One Worker folder's files against the previous build's, as the bench prints it and the doc's table shows it. */
export function reuseLine({ folder, files, identical, linked, moved, differ, differBytes, identicalTopLevel }: FolderReuse): string {
  return (
    `${folder}: ${identical} of ${files} files byte-identical at the same path (${identicalTopLevel.join(', ') || 'no module, entry or config'}; ` +
    `${linked} of them the previous build's own file, linked), ` +
    `${moved} the same bytes under another path, ${differ} changed or new (${(differBytes / 1024 / 1024).toFixed(2)} MiB)`
  )
}

/** `lines` as a JSON Lines file, a thousand at a time (the whole file as one string would pass V8's 512 MiB). */
function writeLines(path: string, lines: readonly string[]): void {
  const file = openSync(path, 'w')
  try {
    for (let at = 0; at < lines.length; at += 1000) writeSync(file, lines.slice(at, at + 1000).join('\n') + '\n')
  } finally {
    closeSync(file)
  }
}

function runBuild(corpus: string, bundlePath: string, options: ShardedScaleOptions): BuildRun {
  // The build's output goes to a file beside its bundle as it runs, so that a long build's progress lines can be watched.
  const logPath = join(dirname(bundlePath), `${basename(corpus, '.jsonl')}.build.log`)
  const log = openSync(logPath, 'w')
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-index.ts'], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      CORPUS: corpus,
      BUNDLE_PATH: bundlePath,
      ANALYSIS_CACHE: options.cache,
      ...(options.threads ? { THREADS: String(options.threads) } : {}),
      ...(options.shards ? { SHARDS: options.shards } : { SHARDS: '' }),
    },
  })
  const seconds = (performance.now() - started) / 1000
  closeSync(log)
  const output = readFileSync(logPath, 'utf8')
  if (result.status !== 0) throw new Error(`build of ${corpus} failed (${result.signal ?? `exit code ${result.status}`}; ${logPath}):\n${output.slice(-4000)}`)
  const analysed = /\((\d+) articles analysed on \d+ thread\(s\), (\d+) from the analysis cache\)/.exec(output)
  return {
    seconds,
    peakRssMiB: Number(/peak RSS (\d+) MiB/.exec(output)?.[1] ?? NaN),
    analysed: Number(analysed?.[1] ?? NaN),
    cached: Number(analysed?.[2] ?? NaN),
    // A build before shards were reused does not say: none were.
    reusedShards: Number(/(\d+) of them reused from the previous build/.exec(output)?.[1] ?? 0),
    phases: /phases: ([^;]*);/.exec(output)?.[1] ?? '',
    loadAverage: loadavg(),
  }
}

function shardSize(dir: string, articles: number): ShardSize {
  const assets = filesUnder(join(dir, 'assets'))
  return {
    articles,
    modulesBytes: statSync(join(dir, 'search.bundle')).size + statSync(join(dir, 'search.bin')).size,
    assetBytes: assets.reduce((sum, bytes) => sum + bytes, 0),
    assetFiles: assets.length,
    largestAssetBytes: Math.max(0, ...assets),
  }
}

function filesUnder(dir: string): number[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [statSync(join(dir, entry.name)).size],
  )
}

/** A copy of the project's Worker (src, the generated files but the corpus's assets, configs) whose generated/ a build can replace. */
function oneIndexProject(work: string): string {
  const project = join(work, 'one-index')
  rmSync(project, { recursive: true, force: true })
  cpSync('src', join(project, 'src'), { recursive: true })
  cpSync('generated', join(project, 'generated'), {
    recursive: true,
    filter: (source) => !/^generated\/(assets|sharded|\.analysis-cache)/.test(source),
  })
  for (const file of ['wrangler.toml', 'package.json', 'tsconfig.json']) cpSync(file, join(project, file))
  symlinkSync(resolve('node_modules'), join(project, 'node_modules'))
  return project
}

/** The copy's wrangler.toml without its rate limits (a run of searches would meet them), paths absolute. */
export function benchConfigIn(project: string): string {
  const kept: string[] = []
  let skipping = false
  for (const line of readFileSync(join(project, 'wrangler.toml'), 'utf8').split('\n')) {
    if (/^\s*\[/.test(line)) skipping = /^\s*\[\[ratelimits\]\]/.test(line)
    if (!skipping) kept.push(line.replace(/^(main|directory)\s*=\s*"(.*)"/, (_, key: string, path: string) => `${key} = "${resolve(project, path)}"`))
  }
  const path = join(project, 'wrangler.bench.toml')
  writeFileSync(path, kept.join('\n'))
  return path
}

export type WorkerHeaps = { heaps: Map<string, number>; afterGc: Map<string, number>; backing: Map<string, number> }

/** The requests one after another (after a warm-up of the first twenty), then every Worker's heap as workerd reports it. */
export async function served(configs: readonly string[], paths: readonly string[]): Promise<{ figure: Figure } & WorkerHeaps> {
  const worker = await startWranglerDev({ configs, timeoutMs: 600_000 })
  try {
    for (const path of paths.slice(0, 20)) await (await fetch(worker.origin + path)).arrayBuffer()
    const samples: number[] = []
    for (const path of paths) {
      const start = performance.now()
      const response = await fetch(worker.origin + path)
      const body = await response.text()
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 300)}`)
      samples.push(performance.now() - start)
    }
    return { figure: summarize(samples), ...(await workerHeaps(worker)) }
  } finally {
    await worker.stop()
  }
}

/**
 * Each Worker's used heap, from the inspector of the workerd that `wrangler dev`
 * runs (wrangler's own inspector port shows the first Worker only): workerd lists
 * every Worker on its own port, found among the ports its process listens on.
 * Then again after a forced GC (`HeapProfiler.collectGarbage`): workerd's
 * inspector answers an isolate only while the isolate runs something, so
 * requests to `/api/health` (which reaches every shard) go on meanwhile.
 */
async function workerHeaps(worker: WranglerDev): Promise<WorkerHeaps> {
  const heaps = new Map<string, number>()
  const afterGc = new Map<string, number>()
  const backing = new Map<string, number>()
  const workerd = spawnSync('pgrep', ['-g', String(worker.process.pid), 'workerd'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
  const listening = spawnSync('ss', ['-ltnpH'], { encoding: 'utf8' }).stdout.split('\n')
  const ports = listening.filter((line) => workerd.some((pid) => line.includes(`pid=${pid},`))).map((line) => /127\.0\.0\.1:(\d+)/.exec(line)?.[1])
  let pumping = true
  const pump = (async () => {
    while (pumping) {
      await (await fetch(`${worker.origin}/api/health`)).arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  try {
    for (const port of ports) {
      if (port === undefined) continue
      let targets: { id: string; webSocketDebuggerUrl: string }[]
      try {
        const response = await fetch(`http://127.0.0.1:${port}/json`, { signal: AbortSignal.timeout(2000) })
        targets = (await response.json()) as typeof targets
        if (!Array.isArray(targets) || !targets.some((target) => target.id?.startsWith('core:user:'))) continue
      } catch {
        continue
      }
      for (const target of targets.filter((target) => target.id.startsWith('core:user:news-edge'))) {
        // A second session where the first got no answer (the last Worker listed often answers only the second).
        let [used, collected] = await heapUsage(target.webSocketDebuggerUrl)
        if (collected === undefined) [used = used, collected] = await heapUsage(target.webSocketDebuggerUrl)
        if (used !== undefined) heaps.set(target.id, used)
        else console.error(`  no heap figure from ${target.id} (${target.webSocketDebuggerUrl})`)
        if (collected !== undefined) afterGc.set(target.id, collected.usedSize)
        if (collected?.backingStorageSize !== undefined) backing.set(target.id, collected.backingStorageSize)
      }
    }
  } finally {
    pumping = false
    await pump
  }
  return { heaps, afterGc, backing }
}

/** What `Runtime.getHeapUsage` answers: the JS heap used, and (V8 12.2 on) the ArrayBuffers' backing stores outside it. */
type HeapUsage = { usedSize: number; backingStorageSize?: number }

/**
 * `Runtime.getHeapUsage` of one isolate, then again after `HeapProfiler.collectGarbage`
 * (undefined where the inspector did not answer within 15 s).
 */
function heapUsage(url: string): Promise<[number | undefined, HeapUsage | undefined]> {
  return new Promise((done) => {
    const socket = new WebSocket(url)
    let used: number | undefined
    const finish = (collected?: HeapUsage) => {
      clearTimeout(timer)
      socket.close()
      done([used, collected])
    }
    const timer = setTimeout(() => finish(), 15_000)
    socket.addEventListener('open', () => socket.send(JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage', params: {} })))
    socket.addEventListener('message', (event: { data: unknown }) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: HeapUsage }
      if (message.id === 1) {
        used = message.result?.usedSize
        socket.send(JSON.stringify({ id: 2, method: 'HeapProfiler.collectGarbage', params: {} }))
      } else if (message.id === 2) socket.send(JSON.stringify({ id: 3, method: 'Runtime.getHeapUsage', params: {} }))
      else if (message.id === 3) finish(message.result)
    })
    socket.addEventListener('error', () => finish())
  })
}

/** The measured table of docs/scaling.md, as Markdown. */
export function shardedScaleTable(points: readonly ShardedScalePoint[]): string {
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
  const range = (values: readonly number[], format: (value: number) => string) =>
    values.length === 0 ? '—' : `${format(Math.min(...values))}–${format(Math.max(...values))}`
  const load = (values: readonly number[]) => values.map((value) => value.toFixed(1)).join(' ')
  const warm = (build: WarmBuild) =>
    `${build.seconds.toFixed(0)} s (${build.analysed} analysed; ${build.reusedShards} shard(s) reused; ${build.phases}; peak RSS ${build.peakRssMiB} MiB; load ${load(build.loadAverage)}; ` +
    `files byte-identical at the same path: ${build.reuse.map(({ folder, identical, files }) => `${folder} ${identical}/${files}`).join(', ')})`
  const rows = points.map((point) => {
    const shardHeaps = (point.heapBytes?.shards ?? []).filter((bytes): bytes is number => bytes !== undefined)
    const afterGc = point.heapAfterGcBytes
    const shardsAfterGc = afterGc?.shards.filter((bytes): bytes is number => bytes !== undefined) ?? []
    const backing = point.backingAfterGcBytes
    const search = point.search
    const shardsBacking = backing?.shards.filter((bytes): bytes is number => bytes !== undefined) ?? []
    return [
      point.articles.toLocaleString('en'),
      Number.isNaN(point.first.seconds)
        ? 'not measured in this run'
        : `${point.first.seconds.toFixed(0)} s (${point.first.articles.toLocaleString('en')} articles, ${point.first.analysed} analysed, ${point.first.cached} cached; ${point.first.phases}; peak RSS ${point.first.peakRssMiB} MiB; load ${load(point.first.loadAverage)})`,
      Number.isNaN(point.appended.seconds) ? 'not measured in this run' : warm(point.appended),
      Number.isNaN(point.changed.seconds) ? 'not measured in this run' : warm(point.changed),
      String(point.shards),
      range(
        point.sizes.map((size) => size.modulesBytes),
        mib,
      ),
      `${range(
        point.sizes.map((size) => size.assetBytes),
        mib,
      )} (${range(
        point.sizes.map((size) => size.assetFiles),
        String,
      )} files, largest ${mib(Math.max(...point.sizes.map((size) => size.largestAssetBytes)))})`,
      `${range(shardHeaps, mib)} (front ${point.heapBytes?.front === undefined ? '—' : mib(point.heapBytes.front)}); after a GC ${range(shardsAfterGc, mib)} (${shardsAfterGc.length} of ${point.shards} shards; front ${afterGc?.front === undefined ? '—' : mib(afterGc.front)}); ArrayBuffers outside the heap ${range(shardsBacking, mib)} (front ${backing?.front === undefined ? '—' : mib(backing.front)})`,
      search === undefined ? 'not measured in this run' : `${search.front.median.toFixed(1)} / ${search.front.p99.toFixed(1)}`,
      search === undefined
        ? 'not measured in this run'
        : `${search.oneIndex.median.toFixed(1)} / ${search.oneIndex.p99.toFixed(1)} (heap ${point.heapBytes?.oneIndex === undefined ? '—' : mib(point.heapBytes.oneIndex)}, after a GC ${afterGc?.oneIndex === undefined ? '—' : mib(afterGc.oneIndex)}, ArrayBuffers ${backing?.oneIndex === undefined ? '—' : mib(backing.oneIndex)})`,
      search === undefined ? '—' : `${(search.front.p99 / search.oneIndex.p99).toFixed(2)} (load ${load(search.loadAverage)})`,
    ]
  })
  const header = [
    'articles',
    'first build (the first 99%)',
    'after the last 1% appended',
    'after 1% changed (every hundredth article: spread over the corpus)',
    'shards',
    'Worker data modules MiB per shard',
    'assets MiB per shard',
    'heap MiB per shard after the searches (workerd: used, then after a forced GC; then the ArrayBuffers outside the heap)',
    `search through the front p50 / p99 ms`,
    `one index of the first ${points.find((point) => point.search)?.search?.oneIndexArticles.toLocaleString('en') ?? '—'} p50 / p99 ms`,
    'p99 front / one index',
  ]
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
}
