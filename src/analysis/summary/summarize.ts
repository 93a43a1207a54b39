import * as v from 'valibot'
import { asDocument, type TextDocument } from '../../text/document'
import { SpanEntries } from '../../text/span'
import { isBoilerplate, spacedWords } from './boilerplate'
import { needsPredecessor } from './coherence'
import { extractKeywords, type Keyword } from './keywords'
import { contentTerms, countTerms, unitTermCounts } from './terms'
import { sentenceUnits } from './units'
import { dot, normalize } from './similarity'

/** A summary as the API gives it (an article's `summary`, `GET /api/articles/{id}/summary`, `POST /api/extract`): the schema documents it, the types are inferred. */
export const SummarySchema = v.object({
  sentences: v.pipe(v.array(v.object({ text: v.string(), ...SpanEntries })), v.description('In article order; `text.slice(start, end)` is each sentence.')),
  text: v.pipe(v.string(), v.description('The sentences joined with spaces.')),
})
export type Summary = v.InferOutput<typeof SummarySchema>
export type SummarySentence = Summary['sentences'][number]
/** `keywords`: the text's keywords when already at hand (they are computed otherwise). */
export type SummaryOptions = { title?: string; keywords?: readonly Keyword[] }

export const DEFAULT_SUMMARY_SENTENCES = 3

const WEIGHTS = { centrality: 1, position: 0.35, title: 0.3, keywords: 0.5, redundancy: 0.3, duplicate: 0.6, lengthFloor: 8 }

type Candidate = SummarySentence & { first: number; last: number; vector: Map<string, number>; dependent: boolean; score: number }

/**
 * An extractive summary of `count` sentences in article order, each with its
 * offsets into `text`. Sentences are scored by centrality (cosine to the
 * document's TF-ISF centroid), position, overlap with the title and with the
 * text's keywords (weighted by their scores), then picked greedily with
 * maximal marginal relevance so that near-duplicates are left out; a sentence
 * that points back to its predecessor ("He added…") comes only together with
 * that predecessor. Weights were set once on principle and checked with
 * `npm run eval:summary`, not searched.
 */
export function summarize(source: string | TextDocument, count = DEFAULT_SUMMARY_SENTENCES, options: SummaryOptions = {}): Summary {
  const document = asDocument(source)
  const candidates = scoreCandidates(document, options.title, options.keywords ?? extractKeywords(document))
  const chosen = select(candidates, count)
  const sentences = chosen.map(({ text: sentence, start, end }) => ({ text: sentence, start, end }))
  return { sentences, text: sentences.map((sentence) => sentence.text).join(' ') }
}

function scoreCandidates(document: TextDocument, title: string | undefined, keywords: readonly Keyword[]): Candidate[] {
  const candidates: Candidate[] = []
  // Each candidate's count of white-space-separated words, for its brevity.
  const spacedCounts: number[] = []
  for (const unit of sentenceUnits(document)) {
    const { start, end, first, last } = unit
    const sentence = document.text.slice(start, end)
    const spaced = spacedWords(sentence)
    if (isBoilerplate(sentence, spaced)) continue
    spacedCounts.push(spaced)
    candidates.push({
      text: sentence,
      start,
      end,
      first,
      last,
      vector: unitTermCounts(document, unit) ?? countTerms(contentTerms(sentence)),
      dependent: first > 0 && needsPredecessor(sentence),
      score: 0,
    })
  }
  const n = candidates.length
  const sentenceFrequency = new Map<string, number>()
  for (const { vector } of candidates) for (const term of vector.keys()) sentenceFrequency.set(term, (sentenceFrequency.get(term) ?? 0) + 1)
  const centroid = new Map<string, number>()
  for (const candidate of candidates) {
    // Term counts become TF-ISF weights, then unit length, in place: one map per sentence, not three.
    const vector = candidate.vector
    for (const [term, tf] of vector) {
      const weight = tf * Math.log(1 + n / sentenceFrequency.get(term)!)
      vector.set(term, weight)
      centroid.set(term, (centroid.get(term) ?? 0) + weight)
    }
    // Unit length from here on: similarity between sentences is then a dot product.
    normalize(vector)
  }
  // The centroid at unit length too: its dot product with a sentence is their cosine.
  normalize(centroid)
  const titleTerms = new Set(contentTerms(title ?? ''))
  const keyPhrases = keywords.map((keyword) => ({ terms: contentTerms(keyword.text), score: keyword.score }))
  const keywordTotal = keyPhrases.reduce((sum, phrase) => sum + phrase.score, 0)
  for (let rank = 0; rank < candidates.length; rank++) {
    const candidate = candidates[rank]!
    let titleShared = 0
    for (const term of titleTerms) if (candidate.vector.has(term)) titleShared++
    const titleOverlap = titleTerms.size === 0 ? 0 : titleShared / titleTerms.size
    let keywordShared = 0
    for (const phrase of keyPhrases) if (hasEvery(candidate.vector, phrase.terms)) keywordShared += phrase.score
    const keywordOverlap = keywordTotal === 0 ? 0 : keywordShared / keywordTotal
    const brevity = Math.min(1, spacedCounts[rank]! / WEIGHTS.lengthFloor)
    candidate.score =
      brevity *
      (WEIGHTS.centrality * dot(candidate.vector, centroid) +
        WEIGHTS.position / (1 + rank) ** 0.5 +
        WEIGHTS.title * titleOverlap +
        WEIGHTS.keywords * keywordOverlap)
  }
  return candidates
}

/** Whether the vector holds every term: asked for each keyword of each candidate, so a loop, no closure. */
function hasEvery(vector: ReadonlyMap<string, number>, terms: readonly string[]): boolean {
  for (const term of terms) if (!vector.has(term)) return false
  return true
}

/**
 * Greedy maximal marginal relevance; a dependent sentence is taken with the
 * chain of predecessors it needs. Each candidate's similarity to the chosen
 * set is updated with the newest picks only, so a step costs O(candidates).
 */
function select(candidates: readonly Candidate[], count: number): Candidate[] {
  const byLast = new Map(candidates.map((candidate) => [candidate.last, candidate]))
  const chosen = new Set<Candidate>()
  const similarity = new Map<Candidate, number>(candidates.map((candidate) => [candidate, 0]))
  const value = (candidate: Candidate) => {
    const closest = similarity.get(candidate)!
    return closest > WEIGHTS.duplicate ? undefined : candidate.score - WEIGHTS.redundancy * closest
  }
  while (chosen.size < count) {
    let best: { unit: Candidate[]; value: number } | undefined
    for (const candidate of candidates) {
      if (chosen.has(candidate)) continue
      const unit = unitOf(candidate, byLast, chosen)
      if (!unit || unit.length > count - chosen.size) continue
      const values = unit.map(value)
      if (values.some((v) => v === undefined)) continue
      const mean = (values as number[]).reduce((sum, v) => sum + v, 0) / unit.length
      if (!best || mean > best.value) best = { unit, value: mean }
    }
    if (!best) break
    for (const member of best.unit) chosen.add(member)
    for (const candidate of candidates) {
      if (chosen.has(candidate)) continue
      let closest = similarity.get(candidate)!
      for (const member of best.unit) closest = Math.max(closest, dot(candidate.vector, member.vector))
      similarity.set(candidate, closest)
    }
  }
  return [...chosen].sort((a, b) => a.start - b.start)
}

/** The candidate plus the not-yet-chosen predecessors it leans on, or undefined when a link of the chain is missing. */
function unitOf(candidate: Candidate, byLast: ReadonlyMap<number, Candidate>, chosen: ReadonlySet<Candidate>): Candidate[] | undefined {
  const unit = [candidate]
  let current = candidate
  while (current.dependent) {
    const previous = byLast.get(current.first - 1)
    if (!previous) return undefined
    if (chosen.has(previous)) break
    unit.push(previous)
    if (unit.length > 3) return undefined
    current = previous
  }
  return unit
}
