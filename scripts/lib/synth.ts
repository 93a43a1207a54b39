/**
 * A synthetic news corpus whose statistics follow a real one (`npm run corpus:synth`).
 *
 * Shuffling a small corpus's sentences gives a vocabulary that stops growing, which
 * flatters every index size and latency measured on it. Here the real articles are
 * only templates of shape (sentence lengths, where names and function words go):
 * each content word is redrawn from an open vocabulary whose rank-frequency law is
 * fitted to the real corpus (Zipf), so the vocabulary keeps growing with the corpus
 * the way real news does (Heaps); names are redrawn from first-name lists, surnames
 * and a world gazetteer, dates spread over years. Within one article a template
 * word always maps to the same new word, so words still repeat inside an article
 * (term frequencies stay realistic), and a person keeps one name.
 */
import type { ArticleInput } from '../../src/corpus/article'
import type { Entity } from '../../src/analysis/facts/types'
import { STOP_WORDS } from '../../src/text/stop-words'
import { tokensWithOffsets } from '../../src/search/terms'
import { pick, random } from './random'

export type Template = { title: string; text: string; entities: readonly Pick<Entity, 'name' | 'type'>[] }

export type NamePools = { firstNames: readonly string[]; surnames: readonly string[]; places: readonly string[] }

export type VocabularyFit = {
  /** Heaps' law V = K·n^β fitted on the real corpus (n tokens, V distinct words). */
  heaps: { K: number; beta: number }
  /** Zipf exponent of content-word ranks (first s = 1/β, the exponent that gives that growth; then calibrated). */
  zipf: number
  /** The share of content tokens that are the commonest content word, in the real corpus. */
  headShare: number
}

export type SynthModel = {
  fit: VocabularyFit
  /** The real corpus's content words, most frequent first: the head of the open vocabulary. */
  contentWords: readonly string[]
  /** Words kept as they are: function words and the corpus's most frequent words ("said", "people"). */
  keep: ReadonlySet<string>
  templates: readonly Template[]
  names: NamePools
}

/** The corpus's commonest words ("said", "people") stay as they are: 1% of its distinct words, 150 at most. */
const KEEP_MOST_FREQUENT = 150
const ORGANISATION_NOUNS = [
  'Party',
  'Ministry',
  'Council',
  'Police',
  'Agency',
  'Committee',
  'Group',
  'Union',
  'Institute',
  'Army',
  'Court',
  'Bank',
  'Company',
  'Association',
  'Front',
]

/** Distinct-word counts at growing token counts, in the order given: the curve Heaps' law is fitted to. */
export function vocabularyCurve(texts: Iterable<string>, points = 12): { tokens: number; vocabulary: number }[] {
  const seen = new Set<string>()
  const curve: { tokens: number; vocabulary: number }[] = []
  let tokens = 0
  let next = 1000
  for (const text of texts) {
    for (const { text: word } of tokensWithOffsets(text)) {
      tokens++
      seen.add(word.toLowerCase())
      if (tokens >= next) {
        curve.push({ tokens, vocabulary: seen.size })
        next = Math.ceil(next * 1.6)
      }
    }
  }
  curve.push({ tokens, vocabulary: seen.size })
  return curve.length > points ? curve.filter((_, i) => i % Math.ceil(curve.length / points) === 0 || i === curve.length - 1) : curve
}

/** Least squares of log V on log n. */
export function fitHeaps(curve: readonly { tokens: number; vocabulary: number }[]): { K: number; beta: number } {
  const xs = curve.map((point) => Math.log(point.tokens))
  const ys = curve.map((point) => Math.log(point.vocabulary))
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const [mx, my] = [mean(xs), mean(ys)]
  const beta = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0)
  return { K: Math.exp(my - beta * mx), beta }
}

export function buildModel(articles: readonly ArticleInput[], entitiesOf: (article: ArticleInput) => Template['entities'], names: NamePools): SynthModel {
  const heaps = fitHeaps(vocabularyCurve(articles.map((article) => article.text)))
  const counts = new Map<string, number>()
  for (const article of articles) {
    for (const { text: word } of tokensWithOffsets(article.text)) {
      if (!isLowerWord(word)) continue
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const byFrequency = sorted.map(([word]) => word)
  const keep = new Set([...STOP_WORDS, ...byFrequency.slice(0, Math.min(KEEP_MOST_FREQUENT, Math.floor(byFrequency.length / 100)))])
  const content = sorted.filter(([word]) => !keep.has(word))
  const headShare = content.length > 0 ? content[0]![1] / content.reduce((sum, [, count]) => sum + count, 0) : 0
  return {
    fit: { heaps, zipf: 1 / heaps.beta, headShare },
    contentWords: byFrequency.filter((word) => !keep.has(word)),
    keep,
    templates: articles.map((article) => ({ title: article.title ?? '', text: article.text, entities: entitiesOf(article) })),
    names,
  }
}

/**
 * A Zipf–Mandelbrot rank ≥ 1 over an unbounded vocabulary, p(r) ∝ (r + q)^-s
 * (s > 1), drawn from its continuous approximation (a shifted Pareto): the
 * offset q flattens the head as real text's is (the commonest content word is a
 * percent or two of content tokens, not a quarter), s sets how fast new words
 * keep coming.
 */
export function zipfSampler(s: number, q: number, next: () => number): () => number {
  return () => Math.max(1, Math.floor((q + 1) * (1 - next()) ** (-1 / (s - 1)) - q))
}

/** The offset q at which rank 1 draws `share` of the draws: 1 − ((q+1)/(q+2))^(s−1) = share. */
export function mandelbrotOffset(s: number, share: number): number {
  const a = (1 - share) ** (1 / (s - 1))
  return share > 0 ? Math.max(0, (2 * a - 1) / (1 - a)) : 0
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'ch', 'dr', 'gr', 'pl', 'st', 'tr', 'sh']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io']

/** The word at a rank past the real vocabulary: pronounceable, distinct for every rank. */
export function inventedWord(rank: number): string {
  let word = ''
  let n = rank
  do {
    word += ONSETS[n % ONSETS.length]! + VOWELS[Math.floor(n / ONSETS.length) % VOWELS.length]!
    n = Math.floor(n / (ONSETS.length * VOWELS.length))
  } while (n > 0)
  return `${word}n`
}

function isLowerWord(word: string): boolean {
  return /^\p{Ll}+$/u.test(word)
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** `count` articles, deterministic for a seed; ids `synthetic/<seed>/<n>` from `first`. */
export function* synthesise(model: SynthModel, count: number, seed: number, first = 0): Generator<ArticleInput> {
  const next = random(seed)
  const rank = zipfSampler(model.fit.zipf, mandelbrotOffset(model.fit.zipf, model.fit.headShare), next)
  const contentWord = () => {
    const r = rank()
    return r <= model.contentWords.length ? model.contentWords[r - 1]! : inventedWord(r)
  }
  const { firstNames, surnames, places } = model.names
  const newName = (type: string): string => {
    if (type === 'person') return `${pick(next, firstNames)} ${pick(next, surnames)}`
    if (type === 'organization') return `${pick(next, places)} ${pick(next, ORGANISATION_NOUNS)}`
    return pick(next, places)
  }
  for (let n = first; n < first + count; n++) {
    const template = pick(next, model.templates)
    const words = new Map<string, string>()
    // Longest names first, so "Joe Biden" is replaced whole before "Biden" alone; a surname alone follows its person.
    const names = [...template.entities].sort((a, b) => b.name.length - a.name.length)
    const replacements = new Map<string, string>()
    for (const entity of names) {
      if (replacements.has(entity.name)) continue
      const name = newName(entity.type)
      replacements.set(entity.name, name)
      const parts = entity.name.split(' ')
      if (entity.type === 'person' && parts.length > 1 && !replacements.has(parts.at(-1)!)) replacements.set(parts.at(-1)!, name.split(' ').at(-1)!)
    }
    const byFirst = namesByFirstWord(replacements)
    const rewrite = (text: string) => {
      const pieces: string[] = []
      let at = 0
      for (const token of tokensWithOffsets(text)) {
        if (token.start < at) continue
        pieces.push(text.slice(at, token.start))
        const name = matchName(text, token.start, token.text, byFirst)
        if (name) {
          pieces.push(name.replacement)
          at = token.start + name.length
          continue
        }
        pieces.push(rewriteWord(token.text))
        at = token.end
      }
      pieces.push(text.slice(at))
      return pieces.join('')
    }
    const rewriteWord = (word: string) => {
      const lower = word.toLowerCase()
      if (model.keep.has(lower) || !/^\p{L}+$/u.test(word)) return word
      let replacement = words.get(lower)
      if (replacement === undefined) {
        replacement = contentWord()
        words.set(lower, replacement)
      }
      return word === lower ? replacement : word === word.toUpperCase() && word.length > 1 ? replacement.toUpperCase() : capitalise(replacement)
    }
    const year = 2000 + Math.floor(next() * 27)
    const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`
    yield { id: `synthetic/${seed}/${n}`, title: rewrite(template.title) || `Report ${n}`, date, source: 'synthetic', text: rewrite(template.text) }
  }
}

/** Names by their first word, longest first: a token is looked up once, not against every name. */
function namesByFirstWord(replacements: ReadonlyMap<string, string>): Map<string, { name: string; replacement: string }[]> {
  const byFirst = new Map<string, { name: string; replacement: string }[]>()
  for (const [name, replacement] of replacements) {
    const first = /^[\p{L}\p{M}\p{N}]+/u.exec(name)?.[0]
    if (!first) continue
    const list = byFirst.get(first) ?? []
    list.push({ name, replacement })
    byFirst.set(
      first,
      list.sort((a, b) => b.name.length - a.name.length),
    )
  }
  return byFirst
}

/** The replacement for a name starting at `start` with `word`, if one does (the longest that matches, on word boundaries). */
function matchName(
  text: string,
  start: number,
  word: string,
  byFirst: ReadonlyMap<string, readonly { name: string; replacement: string }[]>,
): { replacement: string; length: number } | undefined {
  for (const { name, replacement } of byFirst.get(word) ?? []) {
    if (text.startsWith(name, start) && !/[\p{L}\p{N}]/u.test(text.charAt(start + name.length))) return { replacement, length: name.length }
  }
  return undefined
}

/**
 * The Zipf exponent at which `sample` articles of the model reach the real
 * corpus's vocabulary at the real corpus's size (bisection): the model's words
 * are redrawn per article, so s = 1/β alone undershoots the level of the curve.
 */
export function calibrateZipf(model: SynthModel, target: { tokens: number; vocabulary: number }, seed: number): number {
  let [low, high] = [1.05, 4]
  for (let step = 0; step < 12; step++) {
    const s = (low + high) / 2
    const trial = { ...model, fit: { ...model.fit, zipf: s } }
    const seen = new Set<string>()
    let tokens = 0
    for (const article of synthesise(trial, Number.MAX_SAFE_INTEGER, seed)) {
      for (const { text: word } of tokensWithOffsets(article.text)) {
        tokens++
        seen.add(word.toLowerCase())
      }
      if (tokens >= target.tokens) break
    }
    // A smaller s draws rarer ranks more often: more distinct words.
    if (seen.size > target.vocabulary) low = s
    else high = s
  }
  return (low + high) / 2
}
