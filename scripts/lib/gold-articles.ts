import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ArticleInput } from '../../src/corpus/article'
import { parseCorpusFile } from '../../src/corpus/parse'
import type { FactsGold } from './facts-gold'
import { readCorpus } from './read-corpus'

export type GoldFile = { file: string; gold: FactsGold }

/** Every `*.json` gold file in `dir`, sorted by name. */
export function readGoldFiles(dir: string): GoldFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: join(dir, name), gold: JSON.parse(readFileSync(join(dir, name), 'utf8')) as FactsGold }))
}

/**
 * Finds the article a gold file is about: `article` is a path below the
 * corpus folder ("seed/000_7b2b9cd25cf26eb6.txt"), an article id, or a text
 * beside the gold file ("./texts/strike-summary.txt", read from `goldFile`'s
 * folder: invented texts that no corpus holds, as `gold-counts` has).
 */
export function createArticleFinder(corpusDir: string): (article: string, goldFile?: string) => ArticleInput | undefined {
  let byId: Map<string, ArticleInput> | undefined
  return (article, goldFile) => {
    if (article.startsWith('./')) return goldFile === undefined ? undefined : readText(join(dirname(goldFile), article), article)
    const path = join(corpusDir, article)
    if (existsSync(path) && /\.(?:txt|md)$/i.test(path)) return readText(path, article)
    byId ??= new Map(readCorpus(corpusDir).articles.map((input) => [input.id, input]))
    return byId.get(article)
  }
}

function readText(path: string, article: string): ArticleInput | undefined {
  return existsSync(path) ? parseCorpusFile(article, readFileSync(path, 'utf8')).articles[0] : undefined
}
