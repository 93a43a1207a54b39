import * as v from 'valibot'
import type { StoredArticle } from '../article'
import type { EntityType } from '../analysis/facts/types'
import { needsPredecessor } from '../analysis/summary/coherence'
import { cosine } from '../analysis/summary/similarity'
import { summarize } from '../analysis/summary/summarize'
import { contentTerms, countTerms } from '../analysis/summary/terms'
import { IsoDateString } from '../text/calendar'
import { SpanEntries } from '../text/span'

/** A sentence of an article a brief cites: the article, the sentence, and where it stands in that article's text. */
const CitedSpan = {
  id: v.pipe(v.string(), v.description('The cited article.')),
  title: v.string(),
  date: v.optional(IsoDateString),
  text: v.string(),
  ...SpanEntries,
}
const EntityCountSchema = v.object({ name: v.string(), articles: v.number(), mentions: v.number() })

/** `GET /api/brief`'s answer: it documents the route in `/openapi.json`, and the brief's types are inferred from it. */
export const BriefResponseSchema = v.looseObject({
  query: v.string(),
  total: v.pipe(v.number(), v.integer(), v.description('Articles matching the query.')),
  articles: v.pipe(v.number(), v.integer(), v.description('Articles the brief is made of (the best matches).')),
  digest: v.object({
    sentences: v.pipe(v.array(v.looseObject(CitedSpan)), v.description('Each sentence cites its article; `start`/`end` index that article’s text.')),
    text: v.string(),
  }),
  timeline: v.array(v.looseObject({ date: v.optional(IsoDateString), id: v.string(), title: v.string() })),
  entities: v.looseObject({ people: v.array(EntityCountSchema), organizations: v.array(EntityCountSchema), places: v.array(EntityCountSchema) }),
  casualties: v.array(
    v.looseObject({ event: v.string(), figures: v.array(v.looseObject({ value: v.number(), who: v.string(), place: v.optional(v.string()), ...CitedSpan })) }),
  ),
})

export type Brief = v.InferOutput<typeof BriefResponseSchema>
type BriefSentence = Brief['digest']['sentences'][number]
type EntityCount = Brief['entities']['people'][number]
type Figure = Brief['casualties'][number]['figures'][number]

const TOP_ENTITIES = 10
const DUPLICATE = 0.5
const REDUNDANCY = 0.5

type Candidate = BriefSentence & { vector: Map<string, number>; score: number }

/**
 * A digest of several articles, ranked best first by a search: each article
 * offers the sentences of its summary (the one stored at build time unless
 * few articles must fill a long digest), weighted by the article's rank, the
 * sentence's place in the summary and its overlap with the query; the digest
 * takes them by maximal marginal relevance, leaves out
 * near-duplicates across articles and sentences that lean on a predecessor,
 * and reads in date order. Entities and casualty figures come from the facts
 * stored with each article, so the brief invents nothing.
 */
export function buildBrief(articles: readonly StoredArticle[], query: string, sentences: number, total: number): Brief {
  return {
    query,
    total,
    articles: articles.length,
    digest: digest(articles, query, sentences),
    timeline: articles.map(({ date, id, title }) => ({ ...(date ? { date } : {}), id, title })).sort(byDate),
    entities: countEntities(articles),
    casualties: casualtiesByEvent(articles),
  }
}

function digest(articles: readonly StoredArticle[], query: string, count: number): Brief['digest'] {
  const queryTerms = new Set(contentTerms(query))
  // Each article offers at least its share of the digest (plus one to choose from); stored summaries usually suffice.
  const share = Math.ceil(count / Math.max(1, articles.length)) + 1
  const candidates: Candidate[] = []
  articles.forEach((article, articleRank) => {
    const summary =
      share <= article.summary.sentences.length
        ? article.summary
        : summarize(article.text, share, { ...(article.titleGenerated ? {} : { title: article.title }), keywords: article.keywords })
    summary.sentences.forEach((sentence, sentenceRank) => {
      if (needsPredecessor(sentence.text)) return
      const terms = contentTerms(sentence.text)
      const vector = countTerms(terms)
      const queryOverlap = queryTerms.size === 0 ? 0 : [...queryTerms].filter((term) => vector.has(term)).length / queryTerms.size
      const score = 1 / Math.sqrt(1 + articleRank) + 1 / (1 + sentenceRank) + queryOverlap
      candidates.push({ id: article.id, title: article.title, ...(article.date ? { date: article.date } : {}), ...sentence, vector, score })
    })
  })
  const chosen: Candidate[] = []
  while (chosen.length < count) {
    let best: { candidate: Candidate; value: number } | undefined
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue
      const similarity = Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector)))
      if (similarity > DUPLICATE) continue
      const value = candidate.score - REDUNDANCY * similarity
      if (!best || value > best.value) best = { candidate, value }
    }
    if (!best) break
    chosen.push(best.candidate)
  }
  const sentences = chosen
    .sort((a, b) => byDate(a, b) || a.id.localeCompare(b.id) || a.start - b.start)
    .map(({ vector: _vector, score: _score, ...sentence }) => sentence)
  return { sentences, text: sentences.map((sentence) => sentence.text).join(' ') }
}

/** Oldest first; undated last. */
function byDate(a: { date?: string }, b: { date?: string }): number {
  if (a.date === b.date) return 0
  if (a.date === undefined) return 1
  if (b.date === undefined) return -1
  return a.date < b.date ? -1 : 1
}

const GROUPS = { person: 'people', organization: 'organizations', place: 'places', country: 'places' } as const satisfies Record<EntityType, string>

/** Entities by the number of matching articles that name them, then by mentions. */
function countEntities(articles: readonly StoredArticle[]): Brief['entities'] {
  const tallies = { people: new Map<string, EntityCount>(), organizations: new Map<string, EntityCount>(), places: new Map<string, EntityCount>() }
  for (const article of articles) {
    for (const entity of article.facts.entities) {
      const tally = tallies[GROUPS[entity.type]]
      const count = tally.get(entity.name) ?? { name: entity.name, articles: 0, mentions: 0 }
      count.articles++
      count.mentions += entity.mentions.length
      tally.set(entity.name, count)
    }
  }
  const top = (tally: Map<string, EntityCount>) =>
    [...tally.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, TOP_ENTITIES)
  return { people: top(tallies.people), organizations: top(tallies.organizations), places: top(tallies.places) }
}

/** Events that harm people, in the order a brief lists them; arrests, releases and evacuations are counts but not casualties. */
export const CASUALTY_EVENTS = ['killed', 'injured', 'missing', 'kidnapped', 'shot', 'stabbed']

/** Every casualty figure of the reported events (no `kind`) with the article and passage it comes from, grouped by event (killed, injured…), oldest report first. */
function casualtiesByEvent(articles: readonly StoredArticle[]): Brief['casualties'] {
  const events = new Map<string, Figure[]>(CASUALTY_EVENTS.map((event) => [event, []]))
  for (const article of articles) {
    for (const { value, who, event, place, start, end, kind } of article.facts.quantities) {
      // A conditional, another year's toll or a running total is not a casualty of the reported event.
      if (kind) continue
      events.get(event ?? '')?.push({
        value,
        who,
        ...(place ? { place } : {}),
        id: article.id,
        title: article.title,
        ...(article.date ? { date: article.date } : {}),
        text: article.text.slice(start, end),
        start,
        end,
      })
    }
  }
  return [...events].filter(([, figures]) => figures.length > 0).map(([event, figures]) => ({ event, figures: figures.sort(byDate) }))
}
