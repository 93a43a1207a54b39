import type { EntityMention, MentionIndex } from './mention-index'
import { SPEECH_VERBS, speechVerbWord } from './speech-verbs'
import { paragraphStart } from './subject'
import type { Entity } from './types'
import { insideQuote, type QuotedSpan } from '../../text/quoted-spans'
import { sentenceIndexAt } from '../../text/sentences'
import type { Span } from '../../text/span'

/**
 * A small learned speaker ranker for quotes (issue 17): the people, organisations and countries in sight of a quote
 * (its sentence, the one before and the one after, within the paragraph), the rules' own speaker and the one a pronoun
 * resolves to are candidates, each described by features the rules already read (side and distance, a speech verb
 * between, the verb's form, "according to", a colon, an apposition or title…); "no speaker" is one more candidate, so
 * its score is the threshold a person must pass. A linear score over those features, with weights an averaged
 * perceptron learned (`npm run train:quotes`).
 */
export type SpeakerCandidate = { entity: Entity | undefined; features: string[] }

/** What the rules know of one quote when the ranker is asked. */
export type QuoteSituation = {
  text: string
  sentences: Span[]
  index: MentionIndex
  spans: QuotedSpan[]
  span: QuotedSpan
  /** The speaker the rules gave, if any. */
  rules: Entity | undefined
  /** Whom a "he"/"she" beside the quote resolves to, if one stands there. */
  pronoun: Entity | undefined
}

// A relative clause of speech is its name speaking: "Ana Ruiz who said", "Ana Ruiz, who told reporters".
const SPEECH_AFTER = new RegExp(`^\\s*(?:,[^,;"“”]{1,80},)?\\s*(?:,?\\s*who\\s+)?(?:\\p{Ll}+ly\\s+|also\\s+|has\\s+|had\\s+)?${speechVerbWord('verb')}`, 'u')
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS})\\s+[^,.;:"“”]{0,50}$`, 'u')
const SPEECH_ANYWHERE = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`)
const ACCORDING_BEFORE = /\baccording\s+to\s+(?:the\s+|a\s+|an\s+)?$/i
const ADDRESSEE_BEFORE = /\b(?:(?<![Aa]ccording\s)to|told|with|of|for|against)\s+(?:\p{Ll}+\s+){0,2}$/u
const PRONOUN = /\b(?:he|she|He|She)\b/
// "Peter Iseley of worldwide victim group Ending Clergy Abuse", "Mark Hay, a professor at GT": a body someone belongs to.
const AFFILIATION_BEFORE = /\b(?:of|at|from|for)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}$/u
// "Pelosi accused Trump of …", "lashed out at Bowser": the one a verb acts on, not its subject. A passive's agent
// ("was drafted by Ana Ruiz") is who acted, so "by" is no object.
const OBJECT_BEFORE = /\b\p{Ll}{3,}(?:ed|es)\s+(?:(?:at|on|out\s+at)\s+)?(?:(?!by\s)\p{Ll}+\s+)?$/u
// Nothing but punctuation and a speech verb between a name and the quote: '", said X', '", X said', 'X said: "'.
const BESIDE = new RegExp(`^[\\s,.;:!?—–-]*(?:(?:\\p{Ll}+ly\\s+)?${speechVerbWord('verb')})?[\\s,.;:!?—–-]*$`, 'u')

/** Candidates for the speaker of one quote, the "no speaker" one last. */
export function speakerCandidates(situation: QuoteSituation): SpeakerCandidate[] {
  const { text, sentences, index, spans, span, rules, pronoun } = situation
  const own = sentenceIndexAt(sentences, span.open)
  const ownEnd = sentenceIndexAt(sentences, Math.max(span.open, span.close - 1))
  const ownFrom = sentences[own]?.start ?? span.open
  const ownTo = Math.max(sentences[ownEnd]?.end ?? span.close, span.close + 1)
  const paragraph = paragraphStart(text, span.open)
  const nextParagraph = /\n[^\S\n]*\n/.exec(text.slice(span.close))
  const paragraphEnd = nextParagraph ? span.close + nextParagraph.index : text.length
  const from = Math.max(paragraph, sentences[own - 1]?.start ?? ownFrom)
  const to = Math.min(paragraphEnd, sentences[ownEnd + 1]?.end ?? ownTo)
  const mentions = index
    .within(Math.min(from, ownFrom), Math.max(to, ownTo), ['person', 'organization', 'country'])
    .filter((mention) => !insideQuote(spans, mention))
  const nearest = new Map<Entity, { mention: EntityMention; distance: number }>()
  for (const mention of mentions) {
    const distance = mention.end <= span.open ? span.open - mention.end : mention.start - span.close
    const known = nearest.get(mention.entity)
    if (!known || Math.abs(distance) < Math.abs(known.distance)) nearest.set(mention.entity, { mention, distance })
  }
  const closest = [...nearest.values()].sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance))[0]?.mention.entity
  const candidates: SpeakerCandidate[] = [...nearest.values()].map(({ mention }) => {
    const entity = mention.entity
    const before = mention.end <= span.open
    const where = before ? (mention.start >= ownFrom ? 'before' : 'prev') : mention.end <= ownTo ? 'after' : 'next'
    const between = before ? text.slice(mention.end, span.open) : text.slice(span.close + 1, mention.start)
    const words = between.split(/\s+/).filter(Boolean).length
    const lead = text.slice(Math.max(0, mention.start - 60), mention.start)
    const trail = text.slice(mention.end, mention.end + 100)
    const sentence = sentences[sentenceIndexAt(sentences, mention.start)]
    const base = [
      `type=${entity.type}`,
      `words=${bucket(words, [0, 2, 5, 10, 20])}`,
      ...(SPEECH_ANYWHERE.test(between) ? ['verb-between'] : []),
      ...(SPEECH_AFTER.test(trail) ? ['x-said'] : []),
      ...(SPEECH_BEFORE.test(lead) ? ['said-x'] : []),
      ...(BESIDE.test(between) ? ['adjacent'] : []),
      ...(before && between.trimEnd().endsWith(':') ? ['colon'] : []),
      ...(ACCORDING_BEFORE.test(lead) ? ['according-to'] : []),
      ...(/^['’]s\b/.test(trail) ? ['owner'] : []),
      ...(ADDRESSEE_BEFORE.test(lead.slice(-40)) ? ['addressee'] : []),
      ...(/\bby\s+$/.test(lead) ? ['agent'] : []),
      ...(AFFILIATION_BEFORE.test(lead.slice(-50)) ? ['affiliation'] : []),
      ...(OBJECT_BEFORE.test(lead.slice(-40)) && !SPEECH_BEFORE.test(lead) ? ['object'] : []),
      ...(entity.role ? ['role'] : []),
      ...(entity.mentions[0]?.start === mention.start ? ['first-mention'] : []),
      `mentions=${bucket(entity.mentions.length, [1, 3])}`,
      ...(sentence && opensSentence(index, sentence, mention) ? ['opens-sentence'] : []),
      ...(entity === closest ? ['closest'] : []),
      ...(entity === rules ? ['rules'] : []),
      ...(entity === pronoun ? ['pronoun'] : []),
    ]
    return { entity, features: ['bias', `where=${where}`, ...base, ...base.map((feature) => `${where}|${feature}`)] }
  })
  // A speaker the rules or a pronoun gave from further away (a quote going on, "the ministry said", "he" two sentences on).
  for (const entity of new Set([rules, pronoun])) {
    if (entity && !nearest.has(entity)) {
      const base = [`type=${entity.type}`, ...(entity.role ? ['role'] : []), ...(entity === rules ? ['rules'] : []), ...(entity === pronoun ? ['pronoun'] : [])]
      candidates.push({ entity, features: ['bias', 'where=far', ...base, ...base.map((feature) => `far|${feature}`)] })
    }
  }
  const outside = text.slice(ownFrom, span.open) + ' ' + text.slice(span.close + 1, ownTo)
  const quoteWords = text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length
  candidates.push({
    entity: undefined,
    features: [
      'none',
      `none|rules=${rules ? 'some' : 'none'}`,
      `none|candidates=${bucket(candidates.length, [0, 1, 2, 4])}`,
      ...(SPEECH_ANYWHERE.test(outside) ? ['none|verb-in-sentence'] : []),
      ...(PRONOUN.test(outside) ? ['none|pronoun-in-sentence'] : []),
      ...(quoteWords < 4 ? ['none|short'] : []),
      ...(span.continued ? ['none|continued'] : []),
    ],
  })
  return candidates
}

/** The weighted sum of a candidate's features. */
export function scoreOf(features: readonly string[], weights: Readonly<Record<string, number>>): number {
  let score = 0
  for (const feature of features) score += weights[feature] ?? 0
  return score
}

/** The best-scoring candidate; on a tie the rules' own choice, so the model only overrides the rules when it prefers another. */
export function chooseSpeaker(
  candidates: readonly SpeakerCandidate[],
  rules: Entity | undefined,
  weights: Readonly<Record<string, number>>,
): Entity | undefined {
  let best = candidates.find((candidate) => candidate.entity === rules)
  let bestScore = best ? scoreOf(best.features, weights) : -Infinity
  for (const candidate of candidates) {
    const score = scoreOf(candidate.features, weights)
    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best?.entity
}

/**
 * How far a name's score must pass the "no speaker" candidate's before the model gives a quote the rules left
 * without a speaker: a wrong speaker is worse than none. Chosen by reading the corpus quotes it attributes (docs/facts-eval.md).
 */
export const SPEAKER_MARGIN = 2

/** The speaker of a quote the rules leave without one: the best-scoring name, if it passes "no speaker" by the margin. */
export function fallbackSpeaker(candidates: readonly SpeakerCandidate[], weights: Readonly<Record<string, number>>): Entity | undefined {
  const none = candidates.find((candidate) => !candidate.entity)
  const threshold = (none ? scoreOf(none.features, weights) : 0) + SPEAKER_MARGIN
  let best: Entity | undefined
  let bestScore = threshold
  for (const candidate of candidates) {
    const score = scoreOf(candidate.features, weights)
    if (candidate.entity && score >= bestScore) {
      best = candidate.entity
      bestScore = score
    }
  }
  return best
}

/** The mention is the first name its sentence gives, within its opening words ("Mayor Ana Ruiz, 54, said …"). */
function opensSentence(index: MentionIndex, sentence: Span, mention: EntityMention): boolean {
  return mention.start - sentence.start <= 60 && index.within(sentence.start, mention.start)[0] === undefined
}

/** The first of `bounds` (ascending) that `value` does not exceed, as a label; "more" past the last. */
function bucket(value: number, bounds: readonly number[]): string {
  const bound = bounds.find((limit) => value <= limit)
  return bound === undefined ? `>${bounds[bounds.length - 1]}` : `<=${bound}`
}
