/**
 * The built bundle on the file system, for Node (bench, tests, eval scripts):
 * the same `openBundle` as the Worker's, with the static assets read from the
 * assets folder next to the bundle instead of through `env.ASSETS`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { articleInPack, packAsset, parseBundle, type BundleFiles } from '../../src/bundle/format'
import { openBundle, type LoadedBundle, type OpenOptions } from '../../src/bundle/open'
import type { AssetReader } from '../../src/bundle/packs'
import type { StoredArticle } from '../../src/article'

export const BUNDLE_PATH = 'generated/search.bundle'

/** Where the build puts a bundle's static assets: `assets/` next to it (wrangler.toml's `[assets] directory`). */
export function assetsDirOf(bundlePath: string): string {
  return join(dirname(bundlePath), 'assets')
}

/** The compact index's bytes, next to the bundle (a Data module for the Worker). */
export function indexPathOf(bundlePath: string): string {
  return `${bundlePath.replace(/\.bundle$/, '')}.bin`
}

export function fileAssetReader(assetsDir: string): AssetReader {
  return (name) => readFile(join(assetsDir, name), 'utf8')
}

/** A shard's corpus figures, next to its bundle (a Data module for the shard Worker: src/search/index/shard-figures.ts). */
export function figuresPathOf(bundlePath: string): string {
  return join(dirname(bundlePath), 'figures.bin')
}

/** Opens a built bundle (a shard's with its figures) as the Worker does, packs read from disk on demand. */
export function openBundleFiles(bundlePath = BUNDLE_PATH, options: OpenOptions = {}): LoadedBundle {
  const figures = existsSync(figuresPathOf(bundlePath)) ? { figures: new Uint8Array(readFileSync(figuresPathOf(bundlePath))) } : {}
  return openBundle(readFileSync(bundlePath, 'utf8'), readFileSync(indexPathOf(bundlePath)), fileAssetReader(assetsDirOf(bundlePath)), {
    ...figures,
    ...options,
  })
}

/** Every article of a built bundle, in bundle order (pack by pack: for tools that need them all at once). */
export function readBundledArticles(bundlePath = BUNDLE_PATH): StoredArticle[] {
  const { header } = parseBundle(readFileSync(bundlePath, 'utf8'))
  const articles: StoredArticle[] = []
  for (let first = 0; first < header.index.ids.length; first += header.packSize) {
    const packText = readFileSync(join(assetsDirOf(bundlePath), packAsset(header.version, first / header.packSize)), 'utf8')
    for (let i = first; i < Math.min(first + header.packSize, header.index.ids.length); i++) articles.push(articleInPack(header, packText, i))
  }
  return articles
}

/** Writes a bundle's files in place, not atomically: for scratch folders (the scale bench), never for generated/. */
export function writeBundleFiles(bundlePath: string, files: BundleFiles, indexBytes: Uint8Array) {
  mkdirSync(dirname(bundlePath), { recursive: true })
  writeFileSync(bundlePath, files.text)
  writeFileSync(indexPathOf(bundlePath), indexBytes)
  for (const [name, text] of files.assets) {
    const path = join(assetsDirOf(bundlePath), name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
}
