import { canonicalEvent } from '../../src/analysis/facts/quantity-words'
import { countryOfDemonym } from '../../src/gazetteer'
import type { Facts } from '../../src/analysis/facts/types'

/** One gold file: what a careful reader extracts from one article (format of test/fixtures/gold/seed-facts.json). */
export type FactsGold = {
  article: string
  date?: string
  dateline?: { place: string; country?: string }
  people?: Array<{ name: string; role?: string }>
  organizations?: string[]
  countries?: string[]
  places?: Array<{ name: string; country?: string }>
  not_people?: string[]
  quotes?: Array<{ starts_with: string; speaker?: string }>
  quantities?: Array<{ value: number; who: string; event: string; place?: string }>
  dates?: Array<{ text: string; iso: string }>
  statements?: Array<{ actor: string; verb: string; target?: string }>
}

export const CATEGORIES = ['people', 'organizations', 'countries', 'places', 'quotes', 'quantities', 'dates', 'statements'] as const
export type Category = (typeof CATEGORIES)[number]

export type CategoryScore = {
  tp: number
  fp: number
  fn: number
  /** Extracted items that say the opposite of a gold item: the same quote with another speaker, the same number for other people. Also counted in `fp`. */
  contradictions: string[]
  missed: string[]
  extra: string[]
}

export type GoldScore = Record<Category, CategoryScore>

/** The gold's dates with each day named the same way once. */
function distinctDates(dates: NonNullable<FactsGold['dates']>): NonNullable<FactsGold['dates']> {
  const seen = new Set<string>()
  return dates.filter((date) => {
    const key = `${date.iso} ${normalise(date.text)}`
    return !seen.has(key) && !!seen.add(key)
  })
}

type Rule<G, E> = {
  gold: G[]
  extracted: E[]
  matches: (gold: G, extracted: E) => boolean
  contradicts: (gold: G, extracted: E) => boolean
  describeGold: (gold: G) => string
  describeExtracted: (extracted: E) => string
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()
/** An organisation's name with or without a leading "The": the older gold sets write "Telegraph", the later ones "The Guardian". */
const sameOrganisation = (a: string, b: string) => same(a.replace(/^the\s+/i, ''), b.replace(/^the\s+/i, ''))
/**
 * An actor's name as the country it speaks for: "United States government", "the Iraqi government" and "Iraq" are one
 * actor (the extractor names the country, as `docs/api.md` says; some gold names the government).
 */
const actorName = (name: string) => {
  const body = name
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/\s+government$/i, '')
  return countryOfDemonym(body)?.name ?? body
}
const sameActor = (a: string, b: string | undefined) => same(actorName(a), actorName(b ?? ''))
export const normalise = (text: string) => text.replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
/**
 * Comparable stem of a statement verb: "blamed", "blames", "blaming" and "blame" all give "blam". One ending goes:
 * "accusing" is "accus" as "accused" is (taking "-s" off after "-ing" made it "accu").
 */
export function verbStem(verb: string): string {
  const lower = verb.trim().toLowerCase()
  if (lower.endsWith('ing')) return lower.slice(0, -3).replace(/y$/, 'i')
  return lower.replace(/(?:ied|ies|y)$/, 'i').replace(/(?:ed|es|s|e|d)$/, '')
}
/** The head noun of who is counted, singular: "security personnel" is "personnel", "members of the Coast Guard" "member". */
export const headNoun = (who: string) =>
  (
    who
      .trim()
      .toLowerCase()
      .split(/\s+of\s+/)[0]!
      .split(/\s+/)
      .pop() ?? ''
  ).replace(/s$/, '')

/** Who is counted, by head noun: "security personnel" matches "personnel", "guard" matches "guards", "member of the Coast Guard" matches "member", "deaths" matches "people". */
const whoHead = (who: string) => {
  const head = headNoun(who)
  // "12 deaths" killed are 12 people killed: the extractor writes the people, some gold writes the noun of the text;
  // "81 persons" are 81 people, the plural the text chose.
  return DEATH_HEADS.has(head) || head === 'person' ? 'people' : head
}
// Heads of death nouns once the plural "s" is off ("fatalities" -> "fatalitie").
const DEATH_HEADS = new Set(['death', 'fatalitie'])
const event = (name: string | undefined) => canonicalEvent(name ?? '') ?? (name ?? '').toLowerCase()

/**
 * Scores extracted facts against one gold file. Matching rules (each gold item
 * matches at most one extracted item and the other way round):
 * - people, organisations, countries: the name, case-insensitive (an organisation's with or without a
 *   leading "The"); a person listed in `not_people` is a contradiction;
 * - places: the name, and the country when the gold gives one (another country is a contradiction);
 * - quotes: the extracted text starts with `starts_with` (case and quotation marks aside)
 *   and the speaker is the same (both absent counts as the same); the same words
 *   with another speaker is a contradiction;
 * - quantities: the value, the event (canonical: "wounded" is "injured", "lost their lives"
 *   is "killed"), who by head noun, and the place when the gold gives one; the same
 *   value and event for other people, or the same value and people with another
 *   event or place, is a contradiction;
 * - dates: the ISO date, and one text contains the other; a day named the same way twice is one date (the older
 *   gold sets list a date at each mention, the later ones and the seed once, and the extractor gives it once);
 * - statements: the actor, the verb by stem, and the target (contained) when the gold gives one.
 * Every extracted item that matches nothing is a false positive. A category
 * the gold file leaves out is not scored.
 */
export function scoreGold(gold: FactsGold, facts: Facts): GoldScore {
  const ofType = (type: string) => facts.entities.filter((entity) => entity.type === type)
  const names = (list: Array<{ name: string }>) => list.map((item) => item.name)
  const notPeople = new Set((gold.not_people ?? []).map((name) => name.toLowerCase()))
  const nameRule = (goldNames: string[], extracted: string[], contradicts: (name: string) => boolean = () => false): Rule<string, string> => ({
    gold: goldNames,
    extracted,
    matches: same,
    contradicts: (_gold, name) => contradicts(name),
    describeGold: (name) => name,
    describeExtracted: (name) => name,
  })
  const scores: GoldScore = {
    people: score(nameRule(names(gold.people ?? []), names(ofType('person')), (name) => notPeople.has(name.toLowerCase()))),
    organizations: score({ ...nameRule(gold.organizations ?? [], names(ofType('organization'))), matches: sameOrganisation }),
    countries: score(nameRule(gold.countries ?? [], names(ofType('country')))),
    places: score({
      gold: gold.places ?? [],
      extracted: ofType('place'),
      matches: (g, e) => same(g.name, e.name) && (!g.country || same(g.country, e.country)),
      contradicts: (g, e) => same(g.name, e.name) && !!g.country && !!e.country && !same(g.country, e.country),
      describeGold: (g) => `${g.name}${g.country ? ` (${g.country})` : ''}`,
      describeExtracted: (e) => `${e.name}${e.country ? ` (${e.country})` : ''}`,
    }),
    quotes: score({
      gold: gold.quotes ?? [],
      extracted: facts.quotes,
      matches: (g, e) => normalise(e.text).startsWith(normalise(g.starts_with)) && same(g.speaker, e.speaker),
      contradicts: (g, e) => normalise(e.text).startsWith(normalise(g.starts_with)) && !!e.speaker && !same(g.speaker, e.speaker),
      describeGold: (g) => `“${g.starts_with}…” — ${g.speaker ?? '(no speaker)'}`,
      describeExtracted: (e) => `“${e.text.slice(0, 50)}…” — ${e.speaker ?? '(no speaker)'}`,
    }),
    quantities: score({
      gold: gold.quantities ?? [],
      extracted: facts.quantities,
      matches: (g, e) => g.value === e.value && event(g.event) === event(e.event) && whoHead(g.who) === whoHead(e.who) && (!g.place || same(g.place, e.place)),
      contradicts: (g, e) =>
        g.value === e.value &&
        ((event(g.event) === event(e.event) && whoHead(g.who) !== whoHead(e.who)) ||
          (whoHead(g.who) === whoHead(e.who) && (event(g.event) !== event(e.event) || (!!g.place && !!e.place && !same(g.place, e.place))))),
      describeGold: (g) => `${g.value} ${g.who} ${g.event}${g.place ? ` in ${g.place}` : ''}`,
      describeExtracted: (e) => `${e.value} ${e.who} ${e.event ?? ''}${e.place ? ` in ${e.place}` : ''}`,
    }),
    dates: score({
      gold: distinctDates(gold.dates ?? []),
      extracted: facts.dates,
      matches: (g, e) => g.iso === e.iso && (normalise(e.text).includes(normalise(g.text)) || normalise(g.text).includes(normalise(e.text))),
      contradicts: (g, e) => normalise(e.text) === normalise(g.text) && g.iso !== e.iso,
      describeGold: (g) => `${g.text} = ${g.iso}`,
      describeExtracted: (e) => `${e.text} = ${e.iso}`,
    }),
    statements: score({
      gold: gold.statements ?? [],
      extracted: facts.statements,
      matches: (g, e) =>
        sameActor(g.actor, e.actor) && verbStem(g.verb) === verbStem(e.verb) && (!g.target || (e.target ?? '').toLowerCase().includes(g.target.toLowerCase())),
      contradicts: (g, e) => verbStem(g.verb) === verbStem(e.verb) && !!g.target && same(g.target, e.target) && !sameActor(g.actor, e.actor),
      describeGold: (g) => `${g.actor} ${g.verb}${g.target ? ` ${g.target}` : ''}`,
      describeExtracted: (e) => `${e.actor} ${e.verb}${e.target ? ` ${e.target}` : ''}`,
    }),
  }
  // A category the gold file leaves out was not annotated: it is not scored.
  for (const category of CATEGORIES) {
    if (gold[category] === undefined) scores[category] = { tp: 0, fp: 0, fn: 0, contradictions: [], missed: [], extra: [] }
  }
  return scores
}

function score<G, E>(rule: Rule<G, E>): CategoryScore {
  const used = new Set<number>()
  const missed: string[] = []
  for (const gold of rule.gold) {
    const found = rule.extracted.findIndex((item, i) => !used.has(i) && rule.matches(gold, item))
    if (found >= 0) used.add(found)
    else missed.push(rule.describeGold(gold))
  }
  const unmatched = rule.extracted.filter((_, i) => !used.has(i))
  const contradictions = unmatched.filter((item) => rule.gold.some((gold) => rule.contradicts(gold, item))).map(rule.describeExtracted)
  return { tp: used.size, fp: unmatched.length, fn: missed.length, contradictions, missed, extra: unmatched.map(rule.describeExtracted) }
}

/**
 * Issue 17's killed-count figures for one gold file: of its killed counts, how many the extractor detected at all and
 * how many it got right. A gold count is right when an extracted killed count has its number; detected when one has
 * its number or counts the same people (head noun) with another number. Counts of one person are also told apart,
 * since the issue asks that "troops killed the militia's commander" be one. Extracted killed counts that match no gold
 * count are `extra`. Place is not asked, unlike `scoreGold`: these figures measure the count itself. A gold file that
 * leaves out quantities gives zeros.
 */
export type KilledCounts = { gold: number; detected: number; right: number; singleGold: number; singleRight: number; extra: number }

export function scoreKilled(gold: FactsGold, facts: Facts): KilledCounts {
  const isKilled = (name: string | undefined) => event(name) === 'killed'
  const golds = gold.quantities === undefined ? [] : gold.quantities.filter((count) => isKilled(count.event))
  const extracted = gold.quantities === undefined ? [] : facts.quantities.filter((count) => isKilled(count.event))
  const used = new Set<number>()
  const take = (test: (count: (typeof extracted)[number]) => boolean) => {
    const at = extracted.findIndex((count, i) => !used.has(i) && test(count))
    if (at >= 0) used.add(at)
    return at >= 0
  }
  const result: KilledCounts = { gold: golds.length, detected: 0, right: 0, singleGold: 0, singleRight: 0, extra: 0 }
  // Same number and people first, then same number, then same people: a gold count takes the closest extracted one.
  const outcome = golds.map(() => 'missed')
  golds.forEach((count, i) => {
    if (take((e) => e.value === count.value && whoHead(e.who) === whoHead(count.who))) outcome[i] = 'right'
  })
  golds.forEach((count, i) => {
    if (outcome[i] === 'missed' && take((e) => e.value === count.value)) outcome[i] = 'right'
  })
  golds.forEach((count, i) => {
    if (outcome[i] === 'missed' && take((e) => whoHead(e.who) === whoHead(count.who))) outcome[i] = 'wrong number'
  })
  golds.forEach((count, i) => {
    if (outcome[i] !== 'missed') result.detected++
    if (outcome[i] === 'right') result.right++
    if (count.value === 1) {
      result.singleGold++
      if (outcome[i] === 'right') result.singleRight++
    }
  })
  result.extra = extracted.length - used.size
  return result
}

export type Totals = { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

export function totals(scores: CategoryScore[]): Totals {
  const tp = scores.reduce((sum, s) => sum + s.tp, 0)
  const fp = scores.reduce((sum, s) => sum + s.fp, 0)
  const fn = scores.reduce((sum, s) => sum + s.fn, 0)
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { tp, fp, fn, precision, recall, f1 }
}
