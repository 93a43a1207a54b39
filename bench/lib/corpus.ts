import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import { BUNDLE_PATH, readBundledArticles } from '../../scripts/lib/bundle-files'
import { splitSentences } from '../../src/text/sentences'
import { pick, random } from '../../scripts/lib/random'

/** The shipped corpus as `npm run build` analysed it. */
export function bundledArticles(path = BUNDLE_PATH): StoredArticle[] {
  return readBundledArticles(path)
}

/** What `POST /api/extract` would be given for a stored article: its text, its title unless generated, its date. */
export function analyzeInput(article: StoredArticle): AnalyzeInput {
  return { text: article.text, ...(article.titleGenerated ? {} : { title: article.title }), ...(article.date ? { date: article.date } : {}) }
}

/**
 * Every `.txt` file under `dir` (sorted by path), as `POST /api/extract` would
 * be given it: a first line followed by a blank line is the title (the layout
 * of the evaluation sets, headline then body), the rest the text. For timing
 * extraction on news the rules were not written on; read by path, never copied.
 */
export function textsUnder(dir: string): AnalyzeInput[] {
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => name.endsWith('.txt')).sort()
  return files.map((name) => {
    const content = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n')
    const [first, second] = content.split('\n', 2)
    return second === '' && first ? { title: first.trim(), text: content.slice(first.length + 2).trim() } : { text: content.trim() }
  })
}

export type SyntheticOptions = {
  seed: number
  /** Run the whole analysis (summary, keywords, facts) on every new article; otherwise borrow the source article's. */
  analyse: boolean
}

/**
 * `count` new articles made of the shipped corpus's sentences, shuffled across
 * articles: each takes a real article's length, title and entities mix, new
 * sentences drawn from the whole corpus, a new id and a date in 2000–2025.
 * Deterministic for a given seed.
 */
export function syntheticArticles(sources: readonly StoredArticle[], count: number, { seed, analyse }: SyntheticOptions): StoredArticle[] {
  const next = random(seed)
  const sentences = sources.flatMap((article) => splitSentences(article.text).map((span) => article.text.slice(span.start, span.end)))
  return Array.from({ length: count }, (_, i) => {
    const source = pick(next, sources)
    const length = Math.max(2, splitSentences(source.text).length)
    const text = Array.from({ length }, () => pick(next, sentences)).join(' ')
    const date = `${2000 + Math.floor(next() * 26)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`
    const title = `${source.title} (${i})`
    const id = `synthetic/${seed}/${i}`
    if (analyse) return { id, date, text, ...analyzeArticle({ text, title, date }) }
    const { id: _id, date: _date, text: _text, title: _title, url: _url, ...analysis } = source
    return { ...analysis, id, date, text, title }
  })
}
