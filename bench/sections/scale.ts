import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { StoredArticle } from '../../src/article'
import { serializeBundle, type BundleFiles } from '../../src/bundle/format'
import { writeBundleFiles } from '../../scripts/lib/bundle-files'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import { buildIndex } from '../../src/search/search'
import { syntheticArticles } from '../lib/corpus'
import { querySet } from '../lib/queries'
import type { Figure } from '../lib/stats'

/** The Worker upload limit (uncompressed): a bundle above it cannot be deployed as one Worker. */
export const WORKER_SIZE_LIMIT = 64 * 1024 * 1024

export type ScalePoint = {
  articles: number
  seed: number
  analysed: boolean
  generateSeconds: number
  indexBuildSeconds: number
  compactSeconds: number
  /** The Worker's data modules: the bundle text (header, corpus tables) + the index bytes. */
  bundleBytes: number
  /** The same, gzipped (what the compressed upload limit counts). */
  bundleGzipBytes: number
  indexBytes: number
  /** The static assets: article packs and the facts table. */
  assets: { files: number; bytes: number; largestBytes: number }
  probe: {
    /** Bundle text + index bytes, as the Worker's modules hold them (the text is a two-byte string when any character is not Latin-1). */
    modulesBytes: number
    indexStartMs: number
    /** Added by opening the compact index and answering one query. */
    indexOpenBytes: number
    firstProductSearchMs: number
    /** Added by the first /api/search: the page's packs and the search context (facets, lexicon, suggestions). */
    productSearchBytes: number
    indexQuery: Figure
    /** /api/search's work in process, bodies read from the packs on disk (during the mix). */
    productQuery: Figure
    /** Searches, articles and facts queries one after another; heap = everything the process holds after it, modules included, less the empty process. */
    mix: { requests: number; article: Figure; facts: Figure; heapBytes: number }
    miniSearch?: { loadMs: number; heapBytes: number; queryP99: number }
  }
  wrangler?: { activeMs: number; bundleKiB: number } | { skipped: string }
}

export type ScaleOptions = { sizes: number[]; seed: number; analyseUpTo: number; miniSearchUpTo: number; wranglerUpTo: number }

export function scaleCurve(sources: readonly StoredArticle[], options: ScaleOptions, report: (point: ScalePoint) => void): ScalePoint[] {
  const work = mkdtempSync(join(tmpdir(), 'news-edge-scale-'))
  try {
    return options.sizes.map((size) => {
      const point = measure(sources, size, options, work)
      report(point)
      return point
    })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function measure(sources: readonly StoredArticle[], size: number, options: ScaleOptions, work: string): ScalePoint {
  const analysed = size <= options.analyseUpTo
  let start = performance.now()
  const articles = syntheticArticles(sources, size, { seed: options.seed, analyse: analysed })
  const generateSeconds = (performance.now() - start) / 1000
  start = performance.now()
  const index = buildIndex(articles)
  const indexBuildSeconds = (performance.now() - start) / 1000
  start = performance.now()
  const compact = serializeCompactIndex(index)
  const files = serializeBundle({ version: `scale-${size}`, builtAt: new Date(0).toISOString(), index: compact.header }, articles)
  const compactSeconds = (performance.now() - start) / 1000

  const bundlePath = join(work, String(size), 'search.bundle')
  writeBundleFiles(bundlePath, files, compact.binary)
  const miniSearchPath = join(work, String(size), 'minisearch.json')
  if (size <= options.miniSearchUpTo) writeFileSync(miniSearchPath, JSON.stringify(index))
  const queriesPath = join(work, String(size), 'queries.json')
  writeFileSync(queriesPath, JSON.stringify(querySet(articles, 60, options.seed).faceted))

  const probe = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      'bench/scale-probe.ts',
      bundlePath,
      size <= options.miniSearchUpTo ? miniSearchPath : '-',
      queriesPath,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  if (probe.status !== 0) throw new Error(`scale probe failed at ${size} articles: ${probe.stderr}`)
  const bundleBytes = Buffer.byteLength(files.text) + compact.binary.length
  const assetSizes = [...files.assets.values()].map((asset) => Buffer.byteLength(asset))
  return {
    articles: size,
    seed: options.seed,
    analysed,
    generateSeconds,
    indexBuildSeconds,
    compactSeconds,
    bundleBytes,
    bundleGzipBytes: gzipSync(files.text).length + gzipSync(compact.binary).length,
    assets: { files: assetSizes.length, bytes: assetSizes.reduce((sum, bytes) => sum + bytes, 0), largestBytes: Math.max(...assetSizes) },
    indexBytes: Buffer.byteLength(JSON.stringify(compact.header)) + compact.binary.length,
    probe: JSON.parse(probe.stdout.trim().split('\n').pop()!),
    wrangler:
      size > options.wranglerUpTo
        ? { skipped: `above --wrangler-up-to ${options.wranglerUpTo}` }
        : bundleBytes > WORKER_SIZE_LIMIT
          ? { skipped: 'bundle above the 64 MiB Worker size limit' }
          : wranglerStartup(work, { files, indexBytes: compact.binary }),
  }
}

/** `wrangler check startup` on a copy of the project, with this corpus's bundle when given (the shared generated/ is left alone). */
export function wranglerStartup(
  work: string,
  bundle?: { files: BundleFiles; indexBytes: Uint8Array },
): { activeMs: number; bundleKiB: number } | { skipped: string } {
  const project = join(work, 'worker')
  rmSync(project, { recursive: true, force: true })
  cpSync('src', join(project, 'src'), { recursive: true })
  cpSync('generated', join(project, 'generated'), { recursive: true, filter: (source) => !bundle || !/^generated\/assets(\/|$)/.test(source) })
  for (const file of ['wrangler.toml', 'package.json', 'tsconfig.json']) cpSync(file, join(project, file))
  symlinkSync(resolve('node_modules'), join(project, 'node_modules'))
  if (bundle) writeBundleFiles(join(project, 'generated', 'search.bundle'), bundle.files, bundle.indexBytes)
  const result = spawnSync('npx', ['wrangler', 'check', 'startup'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
    timeout: 300_000,
  })
  const output = `${result.stdout}\n${result.stderr}`
  const active = /Active:\s*([\d.]+)\s*ms/.exec(output)
  const size = /Bundle:\s*([\d.]+)\s*KiB/.exec(output)
  if (!active || !size) return { skipped: `wrangler check startup printed no figure: ${output.slice(-300).replace(/\s+/g, ' ')}` }
  return { activeMs: Number(active[1]), bundleKiB: Number(size[1]) }
}
