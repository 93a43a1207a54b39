import { isDemonym } from '../../gazetteer'
import { MentionIndex } from './mention-index'
import { mayStartNumber, parseNumber } from './number-words'
import { singleCounts } from './single-counts'
import { paragraphStart } from './subject'
import { AUXILIARIES, DEAD_NOUNS, DEATH_NOUNS, EVENTS, HEDGES, PEOPLE_NOUNS, PHRASE_STOPS, TOLL_HEADS } from './quantity-words'
import type { Entity, Quantity, QuantityKind } from './types'
import { MONTH_ABBREVIATIONS, MONTHS } from '../../text/calendar'
import type { Span } from '../../text/span'
import { sentenceTokens, type LoweredToken } from '../../text/tokens'
import { matchesOf } from '../../text/matches'

/** Cut by `sentenceTokens`: numbers keep their separators ("1,200", "3.5"), so a count is one token. */
type Token = LoweredToken
type Found = { event: string; start: number; end: number; index: number; length: number }

const MAX_PHRASE = 4
const MAX_REACH_BACK = 8
const LONGEST_EVENT = Math.max(...EVENTS.map(([phrase]) => phrase.split(' ').length))
const EVENT_BY_PHRASE = new Map(EVENTS)
const EVENT_FIRST_WORDS = new Set(EVENTS.map(([phrase]) => phrase.split(' ')[0]!))
// After a bare number, these show it counts people ("killed twelve and injured twelve more").
// So do a source or a setting after it ("killing at least 20 according to officials", "killed 12 in Quetta").
// So does a reason after an event before it ("arrested three for trespassing"; a count only with its event before it).
const SETTING_WORDS = new Set(['according', 'near', 'across', 'during', 'when', 'including'])
const BARE_COUNT_FOLLOWERS = new Set([',', '.', ';', 'and', 'more', 'people', 'others', 'other', 'in', 'at', ...SETTING_WORDS, ...AUXILIARIES])
const REASON_AFTER = 'for'
// "five seriously injured", "four critically wounded": how badly, between a bare number and its event.
const SEVERITY = new Set(['seriously', 'critically', 'severely', 'gravely', 'badly', 'slightly', 'lightly', 'fatally', 'mortally', 'moderately'])
const CHAIN_WORDS = new Set([',', 'and', 'of', 'more', 'others', 'dozens', 'hundreds', 'thousands', 'scores'])
const CLAUSE_BREAKS = new Set(['.', ';', ',', 'while', 'but', 'whereas', 'were', 'was', 'are', 'is'])
const CURRENCY = new Set(['$', '£', '€', '¥', '₹'])
const UNIT_AFTER = new Set([
  'percent',
  '%',
  'per',
  'years',
  'year',
  'year-old',
  'am',
  'pm',
  'km',
  'miles',
  'kilometres',
  'kilometers',
  'metres',
  'meters',
  'feet',
  'hours',
  'days',
  'weeks',
  'months',
  'minutes',
])

/**
 * Counts of people and what happened to them: "92 terrorists were killed",
 * "15 security personnel and 18 civilians lost their lives", "freed 30
 * prisoners", "killed twelve and injured twelve more" (who = "people" when
 * the text counts without a noun). The place is the place entity the sentence
 * opens with ("In Mastung, …") or that follows the event ("killed in Kabul").
 * The span runs from the number through the event words.
 */
export function extractQuantities(text: string, sentences: Span[], entities: Entity[], publicationDate?: string): Quantity[] {
  const places = new MentionIndex(entities.filter((entity) => entity.type === 'place' || entity.type === 'country'))
  const countries = new Set(entities.filter((entity) => entity.type === 'country').map((entity) => entity.name))
  // "seven people were killed in the United States … at an airport in Windsor Locks": the town the sentence puts the
  // event in says more than the country.
  const townInCountry = (place: string | undefined, town: () => string | undefined) => (place && countries.has(place) ? (town() ?? place) : place)
  const people = new MentionIndex(entities.filter((entity) => entity.type === 'person'))
  const quantities: Quantity[] = []
  const ones = sentences.map((sentence) => singleCounts(text, sentence, people))
  // Where a report's lead puts its event: the place of a count whose sentence and paragraph name no place or country
  // at all (the lead's one place, else the one country of a lead that names no place).
  const lead = sentences[0]
  const leadPlace =
    lead && (onlyPlace(text, lead, places) ?? (places.within(lead.start, lead.end, ['place']).length === 0 ? onlyCountry(lead, places) : undefined))
  // The events of which the text counts one named person, wherever it names them.
  const namedOnes = new Set(ones.flat().flatMap((one) => (one.named ? [one.event] : [])))
  const cut = sentenceTokens(text, sentences)
  for (const [s, sentence] of sentences.entries()) {
    const tokens = cut[s]!
    const kind = quantityKind(text.slice(sentence.start, sentence.end), publicationDate)
    const marked = kind ? { kind } : {}
    const placeOf = (end: number, start: number) =>
      openingPlace(text, sentence, places) ??
      townInCountry(placeAfter(text, end, sentence.end, places), () => onlyPlace(text, sentence, places)) ??
      placeJustBefore(text, sentence.start, start, places) ??
      onlyPlace(text, sentence, places) ??
      countryIn(text, sentence, places) ??
      onlyPlace(text, { start: paragraphStart(text, sentence.start), end: sentence.start }, places) ??
      (places.within(paragraphStart(text, sentence.start), sentence.end).length === 0 ? leadPlace : undefined)
    const ownStart = quantities.length
    const counted = new Set<number>()
    let previous: { who: string; value: number; event: string; end: number; elliptical: Found | undefined } | undefined
    for (let i = 0; i < tokens.length; i++) {
      // "$5", and "by another police officer" (who did it, not to whom it was done).
      if (CURRENCY.has(tokens[i - 1]?.text ?? '') || tokens[i - 1]?.lower === 'by') continue
      const first = (mayStartNumber(tokens[i]!.lower) ? parseNumber(tokens.slice(i, i + 6).map((token) => token.lower)) : undefined) ?? singleOne(tokens, i)
      if (!first) continue
      const number = rangeFrom(tokens, i, first)
      const afterNumber = i + number.words
      // "1846 persons were hospitalized", "2000 residents": a year is not followed by the people it would count, unless a
      // preposition of time puts it before them ("in 1920 soldiers were killed").
      const peopleAfter =
        PEOPLE_NOUNS.has(tokens[afterNumber]?.lower ?? '') &&
        /(?:s|people)$/.test(tokens[afterNumber]!.lower) &&
        !YEAR_PREPOSITIONS.has(tokens[i - 1]?.lower ?? '')
      if (UNIT_AFTER.has(tokens[afterNumber]?.lower ?? '') || (isYear(tokens[i]!, number.value) && !peopleAfter)) continue
      // "between the ages of 14 and 18": both numbers are ages.
      if (isAge(tokens, i)) {
        if (RANGE_WORDS.has(tokens[afterNumber]?.lower ?? '')) i = afterNumber + 1
        continue
      }
      // "five new deaths", "170 suspected overdose deaths": words of addition or kind between the number and its event noun.
      // "over 1,000 US deaths", "five British deaths": the country the deaths belong to, where they happened.
      const nation = nationOfDeaths(tokens, afterNumber, places)
      const added = nation
        ? nation.words
        : ADDITION.has(tokens[afterNumber]?.lower ?? '') && matchEvent(tokens, afterNumber + 1)
          ? 1
          : modifiedDeaths(tokens, afterNumber)
      // "sixteen on-board died": the people on a vehicle, counted without a noun.
      const aboard = ABOARD.has(tokens[afterNumber]?.lower ?? '') ? 1 : 0
      const phrase = added || aboard || SEVERITY.has(tokens[afterNumber]?.lower ?? '') ? undefined : countedPhrase(tokens, afterNumber)
      if (phrase === 'not people') continue
      const affiliation = phrase || aboard ? undefined : affiliationAfter(tokens, afterNumber + added)
      // "as were seventeen from the Armed Forces, and two each from …": the event of the count before, left out.
      const listed = listedByPlace(tokens, i, afterNumber, previous)
      const elliptical =
        ellipsis(tokens, i, previous) ?? (previous?.elliptical && onlyListBetween(tokens, previous.end, i) ? previous.elliptical : undefined) ?? listed?.found
      const counts = phrase ?? affiliation
      // Without a noun, the number must sit right next to its event ("killed twelve", "27 dead", "190 were dead"),
      // and must not be an age, a rank or a day ("He was 101 and died", "number 27, was arrested", "on July 13").
      const event =
        elliptical ??
        eventBefore(tokens, i, true) ??
        eventAfter(tokens, counts?.end ?? afterNumber + added + aboard) ??
        (counts ? (eventBefore(tokens, i, false) ?? listedUnder(tokens, i)) : undefined) ??
        (phrase && DEAD_NOUNS.has(tokens[phrase.end - 1]!.lower) ? { event: 'killed', ...tokenSpan(tokens, phrase.end - 1) } : undefined)
      if (!event) continue
      // "100,000 deaths annually", "kills 300 people a year": a rate, no count of an event.
      if (yearlyRate(tokens, Math.max(event.index + event.length, counts?.end ?? afterNumber))) continue
      // "60 civilians were killed and injured": one number for two events is a count of neither.
      const joined = tokens[event.index + event.length]?.lower
      if ((joined === 'and' || joined === 'or') && event.index > i && matchEvent(tokens, event.index + event.length + 1)) continue
      const follower = tokens[afterNumber]?.lower ?? '.'
      const beside =
        BARE_COUNT_FOLLOWERS.has(follower) ||
        event.index === afterNumber + added ||
        (follower === REASON_AFTER && event.index < i) ||
        (SEVERITY.has(follower) && event.index === afterNumber + 1)
      if (!counts && !aboard && (!beside || notACount(tokens, i, afterNumber))) continue
      const more = tokens[afterNumber]?.lower === 'more' && previous?.event === event.event
      // "sixteen other journalist deaths": the people noun among the words before the death noun says who died.
      const dead = added ? tokens.slice(afterNumber, afterNumber + added).findLast((token) => PEOPLE_NOUNS.has(token.lower)) : undefined
      // "21 injured individuals", "three wounded soldiers": the event word stands before the people it counts.
      const after = !counts && !added && event.index === afterNumber ? countedPhrase(tokens, event.index + event.length) : undefined
      // "the two missing pieces": an event adjective before a plural noun of things ("55,000 deaths linked to …" and "40
      // injured yesterday" stay counts).
      if (after === 'not people' && event.length === 1 && !/s$/.test(tokens[event.index]!.lower) && /^\p{Ll}+s$/u.test(tokens[event.index + 1]!.text)) continue
      const described = after && after !== 'not people' ? text.slice(tokens[after.start]!.start, tokens[after.end - 1]!.end) : undefined
      // "Two women and a man were injured": one figure for them all, three people.
      const andOne = phrase && event.index > phrase.end ? oneMoreListed(tokens, phrase.end, event.index) : 0
      // "Two soldiers were killed and four were wounded", "killed 32 insurgents and arrested five", "seven more": the
      // people of the count before in the same clause, left unsaid ("three others" stays "others", as the gold sets
      // write it) (a plural: "one man was dead, the other
      // three injured" are people) (after a semicolon anyone may be meant:
      // "five other civilians … died; around twenty more … were injured" are people).
      const unsaid =
        previous &&
        !tokens.slice(previous.end, i).some((token) => token.text === ';') &&
        !dead &&
        !described &&
        !affiliation &&
        !aboard &&
        !phrase &&
        previous.value > 1 &&
        isPeopleNoun(previous.who)
      const whos = andOne
        ? ['people']
        : unsaid
          ? [previous!.who]
          : phrase
            ? [text.slice(tokens[phrase.start]!.start, tokens[phrase.end - 1]!.end)]
            : (affiliation?.names ?? [described ?? (dead ? dead.text : more ? previous!.who : number.value === 1 ? 'person' : 'people')])
      const end = Math.max(tokens[(counts?.end ?? afterNumber + aboard) - 1]!.end, event.end)
      const but = allBut(tokens, i)
      const value = (but ? number.value - but.value : number.value) + andOne
      const start = Math.min(but?.start ?? tokens[i]!.start, event.start)
      // "21 injured villagers in Alba": the place follows the people the event word stands before.
      // A count listed by place is in the place named right after it, whatever else the sentence names.
      const reporter = nation || listed ? undefined : reportingCountry(text, tokens, i, places)
      const place = nation
        ? nation.name
        : reporter
          ? (placeAfter(text, end, sentence.end, places) ?? reporter)
          : listed && event === listed.found
            ? (placeAfter(text, end, sentence.end, places) ?? listed.place)
            : placeOf(after && after !== 'not people' ? tokens[after.end - 1]!.end : end, start)
      if (value <= 0) continue
      const mark = modalBefore(tokens, afterNumber, event.index) || projectionBefore(tokens, i) ? { kind: 'hypothetical' as const } : marked
      for (const who of whos) quantities.push({ value, who, event: event.event, ...(place ? { place } : {}), ...mark, start, end })
      counted.add(i)
      previous = { who: whos[whos.length - 1]!, value, event: event.event, end: counts?.end ?? afterNumber, elliptical }
      i = (counts?.end ?? afterNumber) - 1
    }
    for (const toll of tolls(tokens, counted)) {
      const place = placeOf(toll.end, toll.start)
      quantities.push({ ...toll, ...(place ? { place } : {}), ...marked })
    }
    const own = quantities.slice(ownStart)
    for (const { definite, pronoun, named: _named, ...one } of ones[s]!) {
      // "killing him": the one the text named before, unless a count of that event already holds someone.
      if (pronoun && quantities.some((quantity) => quantity.event === one.event)) continue
      // "killed one soldier" is that number's count; "killed a commander and two of his bodyguards" and "three officers
      // and a civilian were killed" name one person beside a larger count, who is counted too.
      if (own.some((quantity) => quantity.start < one.end && one.start < quantity.end && (quantity.value === 1 || definite))) continue
      // "Four were stabbed to death. … The woman was killed in a stairwell": one of those already counted.
      if (definite && quantities.some((quantity) => quantity.event === one.event && quantity.value > 1)) continue
      // "… the killing of Qandeel Baloch. … confessed to killing his sister": the one person the text names.
      if (definite && namedOnes.has(one.event)) continue
      const place = placeOf(one.end, one.start)
      quantities.push({ ...one, ...(place ? { place } : {}), ...marked })
    }
  }
  return mergeRepeats(quantities.sort((a, b) => a.start - b.start))
}

/**
 * One fact told twice ("70 were killed" in the lead and again in the body) is one quantity: the same value, event
 * and people, in the same place or where one of them names none. The first keeps its offsets and gains the place.
 */
function mergeRepeats(quantities: Quantity[]): Quantity[] {
  const kept: Quantity[] = []
  // Grouped by what must be equal, so a text of many counts costs a look at its own group only (places are few).
  const byFact = new Map<string, Quantity[]>()
  for (const quantity of quantities) {
    const key = `${quantity.value}|${quantity.event}|${quantity.who.toLowerCase()}|${quantity.kind ?? ''}`
    const group = byFact.get(key) ?? []
    const same =
      group.find((other) => !other.place || !quantity.place || other.place === quantity.place) ??
      kept.find((other) => other.value === quantity.value && other.event === quantity.event && spellingVariants(other.who, quantity.who))
    if (!same) {
      kept.push(quantity)
      group.push(quantity)
      byFact.set(key, group)
    } else if (!same.place && quantity.place) same.place = quantity.place
  }
  return kept
}

/**
 * Two spellings of one name: the same words but one, which differs by a single letter ("Hamza bin Laden" and "Hamza
 * bin Ladin", "Soleimani" and "Soleymani"), as transliterations of one person vary within a text.
 */
function spellingVariants(a: string, b: string): boolean {
  const wordsA = a.split(/\s+/)
  const wordsB = b.split(/\s+/)
  if (a === b || wordsA.length !== wordsB.length || !/^\p{Lu}/u.test(a) || !/^\p{Lu}/u.test(b)) return false
  const differing = wordsA.map((word, i) => [word, wordsB[i]!] as const).filter(([x, y]) => x !== y)
  if (differing.length !== 1) return false
  const [x, y] = differing[0]!
  if (x.length !== y.length || x.length < 4) return false
  return [...x].filter((letter, i) => letter !== y[i]).length === 1
}

// A condition or a counterfactual: "if the dam breaks, 500 could die", "could have killed 120 million".
const HYPOTHETICAL = /\b(?:if|unless|could\s+have|would\s+have|might\s+have)\b/i
// A running total rather than the event's own count: "killed 300 since 2013", "in total", "so far this year".
const CUMULATIVE = /\b(?:since\s+(?:\d{4}|the\s+(?:start|beginning))|in\s+total|all\s+told|to\s+date|so\s+far\s+this\s+year)\b/i
const YEAR_IN_SENTENCE =
  /\b(?:in|of|during)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\s+saw\b/gi

/**
 * Whether a sentence's figures are not counts of the article's own event. A
 * year other than the publication year ("killed 6,000 people in 2013",
 * "2018 saw 750 deaths") makes them historical; without a publication date
 * a year named that way is taken as another year's, since news reports the
 * current toll without one.
 */
function quantityKind(sentence: string, publicationDate: string | undefined): QuantityKind | undefined {
  if (HYPOTHETICAL.test(sentence)) return 'hypothetical'
  if (CUMULATIVE.test(sentence)) return 'cumulative'
  const publicationYear = publicationDate?.slice(0, 4)
  for (const match of matchesOf(sentence, YEAR_IN_SENTENCE)) if ((match[1] ?? match[2]) !== publicationYear) return 'historical'
  return undefined
}

const RANGE_WORDS = new Set(['and', 'or', 'to', '-', '–'])
const ADDITION = new Set(['new', 'further', 'additional', 'fresh'])
const ABOARD = new Set(['aboard', 'on-board', 'onboard'])

/**
 * Whether a count's `who` names people by what they are ("Afghan soldiers"): not by name ("Hamza bin Laden"), and not
 * only as people ("killed 12 people and wounded 40 others" keeps "others", as the gold sets write it).
 */
function isPeopleNoun(who: string): boolean {
  const head = who.slice(who.lastIndexOf(' ') + 1)
  return PEOPLE_NOUNS.has(head) && head !== 'people' && head !== 'person'
}

/** "… and a man" between a count's people and its event: one person more in the same figure (1, else 0). */
function oneMoreListed(tokens: Token[], from: number, to: number): number {
  for (let j = from + 3; j < to; j++) if (!AUXILIARIES.has(tokens[j]!.lower)) return 0
  return to - from >= 3 && tokens[from]!.lower === 'and' && ['a', 'an'].includes(tokens[from + 1]!.lower) && PEOPLE_NOUNS.has(tokens[from + 2]!.lower) ? 1 : 0
}

/**
 * "between 30 and 40 people", "30 to 40 people", "two or three soldiers": the lower figure, as "at least" gives one,
 * read with the people and event after the higher. Not a change ("rose from 14 to 31", "by 5 to 17").
 */
function rangeFrom(tokens: Token[], at: number, first: { value: number; words: number }): { value: number; words: number } {
  const joiner = tokens[at + first.words]?.lower ?? ''
  const before = tokens[at - 1]?.lower ?? ''
  if (before === 'from' || before === 'by') return first
  if (!(before === 'between' ? joiner === 'and' : RANGE_JOINERS.has(joiner))) return first
  const next = tokens[at + first.words + 1]
  const second =
    next && mayStartNumber(next.lower) ? parseNumber(tokens.slice(at + first.words + 1, at + first.words + 7).map((token) => token.lower)) : undefined
  if (!second || second.value <= first.value || isYear(next!, second.value)) return first
  return { value: first.value, words: first.words + 1 + second.words }
}

const RANGE_JOINERS = new Set(['to', 'or', '-', '–'])

/** Whether a rate follows at `at`: "annually", "a year", "each year", "every year", "per year". */
function yearlyRate(tokens: Token[], at: number): boolean {
  const word = tokens[at]?.lower
  return word === 'annually' || (['a', 'each', 'every', 'per'].includes(word ?? '') && tokens[at + 1]?.lower === 'year')
}
// "500 people could die", "the strike could kill 20": a count of what would happen, not of what did ("may have been
// killed" is a count not yet sure, and stays one).
const MODALS = new Set(['could', 'would', 'might', 'will'])

/** Whether a modal stands among the words between the people and the event, or right before an event before them. */
function modalBefore(tokens: Token[], from: number, eventAt: number): boolean {
  if (eventAt < from) return MODALS.has(tokens[eventAt - 1]?.lower ?? '')
  for (let j = from; j < eventAt; j++) if (MODALS.has(tokens[j]!.lower)) return true
  return false
}

/**
 * Where the words before `at` stop being hedges ("at least", "about") or one of `also`: the index of the first token
 * before them. An article is no hedge here: it opens a noun phrase, not a figure's hedge.
 */
function beforeHedges(tokens: Token[], at: number, also?: ReadonlySet<string>): number {
  let j = at - 1
  while (j >= 0 && ((HEDGES.has(tokens[j]!.lower) && !ARTICLES.has(tokens[j]!.lower)) || also?.has(tokens[j]!.lower))) j--
  return j
}

const ARTICLES = new Set(['the', 'a', 'an', 'another'])

// Words of an estimate that may stand between a projection's verb and its number ("may cause roughly 32,000").
const ROUGHLY = new Set(['roughly', 'an', 'estimated', 'perhaps', 'possibly'])

/** "may cause roughly 32,000 more deaths", "could leave 40 people dead": a modal and its verb before the number. */
function projectionBefore(tokens: Token[], at: number): boolean {
  const j = beforeHedges(tokens, at, ROUGHLY)
  const verb = tokens[j]
  const modal = tokens[j - 1]
  // Lower-case "may" only: "In May 300 people died" names a month.
  return !!verb && !!modal && /^\p{Ll}+$/u.test(verb.text) && (MODALS.has(modal.lower) || modal.text === 'may')
}

/** "All but one of the sixteen": the number left out of the count at `at`, and where the phrase starts. */
function allBut(tokens: Token[], at: number): { value: number; start: number } | undefined {
  let j = at - 1
  if (tokens[j]?.lower === 'the') j--
  if (tokens[j]?.lower !== 'of') return undefined
  const left = parseNumber([tokens[j - 1]?.lower ?? ''])
  if (!left || left.words !== 1 || tokens[j - 2]?.lower !== 'but' || !['all', 'everyone', 'everybody'].includes(tokens[j - 3]?.lower ?? '')) return undefined
  return { value: left.value, start: tokens[j - 3]!.start }
}

function isAge(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1]?.lower ?? ''
  return before === 'ages' || before === 'aged' || (before === 'of' && (tokens[at - 2]?.lower === 'ages' || tokens[at - 2]?.lower === 'age'))
}

const NOT_COUNT_BEFORE = new Set(['was', 'is', 'aged', 'age', 'number', 'no', 'version', ...MONTHS, ...MONTH_ABBREVIATIONS])

/** A bare number that is an age, a rank, a version or a day: "He was 101", "number 27,", "on July 13", "Smith, 27, was". */
function notACount(tokens: Token[], at: number, after: number): boolean {
  const before = tokens[at - 1]
  if (!before) return false
  return NOT_COUNT_BEFORE.has(before.lower) || /^\p{Lu}/u.test(before.text) || (before.text === ',' && tokens[after]?.text === ',')
}

const YEAR_PREPOSITIONS = new Set(['in', 'since', 'by', 'during', 'until', 'till', 'from', 'of', 'before', 'after'])

function isYear(token: Token, value: number): boolean {
  return /^\d{4}$/.test(token.text) && value >= 1800 && value <= 2100
}

/**
 * The noun phrase after the number up to its last people noun: tokens
 * [start, end). "not people" when the number counts something else
 * ("200 makeshift homes"); undefined when no noun follows.
 */
function countedPhrase(tokens: Token[], from: number): { start: number; end: number } | 'not people' | undefined {
  let start = from
  if (['other', 'more'].includes(tokens[start]?.lower ?? '') && PEOPLE_NOUNS.has(tokens[start + 1]?.lower ?? '')) start++
  // "two of his bodyguards", "two of Khan's victims"
  if (
    tokens[start]?.lower === 'of' &&
    (['his', 'her', 'their', 'the', 'them', 'whom'].includes(tokens[start + 1]?.lower ?? '') || /['’]s$/.test(tokens[start + 1]?.text ?? ''))
  )
    start += 2
  if (tokens[start]?.lower === 'each' || SETTING_WORDS.has(tokens[start]?.lower ?? '')) return undefined
  let end = -1
  let words = 0
  for (let j = start; j < tokens.length && words < MAX_PHRASE; j++, words++) {
    const token = tokens[j]!
    // "two U.S. service members": an abbreviation's letters and points are one modifier.
    if (token.text === '.' && /^\p{Lu}$/u.test(tokens[j - 1]?.text ?? '') && j > start) {
      words--
      continue
    }
    if (!/^\p{L}/u.test(token.text) || PHRASE_STOPS.has(token.lower) || EVENT_BY_PHRASE.has(token.lower) || AUXILIARIES.has(token.lower)) break
    if (PEOPLE_NOUNS.has(token.lower) || isPeopleOfACountry(token)) end = j + 1
  }
  if (end > start) return { start, end }
  return words > 0 && !['more', 'others', 'other'].includes(tokens[start]?.lower ?? '') ? 'not people' : undefined
}

/** "eight Mexicans", "three Filipinos": a country's people named by the plural of its adjective. */
function isPeopleOfACountry(token: Token): boolean {
  return /^\p{Lu}\p{Ll}+s$/u.test(token.text) && isDemonym(token.text.slice(0, -1))
}

// "Italy reported 500 new deaths", "the United Kingdom, reporting 37,542 deaths": a country giving its own figure.
const REPORTING_VERBS = new Set(['reported', 'reporting', 'reports', 'recorded', 'recording', 'records', 'confirmed', 'confirming', 'confirms', 'registered'])

/** The country whose reporting verb stands right before a count, hedges aside: where the counted happened. */
function reportingCountry(text: string, tokens: Token[], at: number, places: MentionIndex): string | undefined {
  const j = beforeHedges(tokens, at)
  const verb = tokens[j]
  if (!verb || !REPORTING_VERBS.has(verb.lower)) return undefined
  const before = text.slice(Math.max(0, verb.start - 60), verb.start)
  const gap = /,?\s*$/.exec(before)![0].length
  const mention = places.within(verb.start - gap - 60, verb.start - gap, ['country']).at(-1)
  return mention && mention.end === verb.start - gap ? mention.entity.name : undefined
}

/** A country's name or demonym right before a death noun ("US deaths"): its name and how many tokens it takes. */
function nationOfDeaths(tokens: Token[], from: number, places: MentionIndex): { name: string; words: number } | undefined {
  const first = tokens[from]
  if (!first || !/^\p{Lu}/u.test(first.text)) return undefined
  const mention = places.within(first.start, first.end + 40, ['country'])[0]
  if (!mention || mention.start !== first.start) return undefined
  let words = 0
  while (tokens[from + words] && tokens[from + words]!.end <= mention.end) words++
  return words > 0 && DEATH_NOUNS.has(tokens[from + words]?.lower ?? '') ? { name: mention.entity.name, words } : undefined
}

/** "170 suspected deaths", "three overdose fatalities": how many lower-case words (one or two) stand before a death noun at `from`, else 0. */
function modifiedDeaths(tokens: Token[], from: number): number {
  for (let words = 1; words <= 2; words++) {
    const modifiers = tokens.slice(from, from + words)
    if (
      modifiers.length < words ||
      !modifiers.every((token) => /^\p{Ll}/u.test(token.text) && !PHRASE_STOPS.has(token.lower) && !EVENT_BY_PHRASE.has(token.lower))
    )
      return 0
    // "four premature deaths per 100,000 people" is a rate, no count.
    if (DEATH_NOUNS.has(tokens[from + words]?.lower ?? '')) return tokens[from + words + 1]?.lower === 'per' ? 0 : words
  }
  return 0
}

// Words after an event word that make it something else: "arrest warrants", "shot at" (and maybe missed).
const NOT_THE_EVENT_AFTER: Record<string, string[]> = { arrest: ['warrant', 'warrants'], arrests: ['warrant', 'warrants'], shot: ['at'] }

function matchEvent(tokens: Token[], at: number): Found | undefined {
  if (!EVENT_FIRST_WORDS.has(tokens[at]?.lower ?? '')) return undefined
  if (NOT_THE_EVENT_AFTER[tokens[at]!.lower]?.includes(tokens[at + 1]?.lower ?? '')) return undefined
  for (let length = Math.min(LONGEST_EVENT, tokens.length - at); length > 0; length--) {
    const phrase = tokens
      .slice(at, at + length)
      .map((token) => token.lower)
      .join(' ')
    const event = EVENT_BY_PHRASE.get(phrase)
    if (event) return { event, start: tokens[at]!.start, end: tokens[at + length - 1]!.end, index: at, length }
  }
  return undefined
}

/** An event verb before the number: right before it (only hedges between) when `adjacent`, else the nearest one in the same clause. */
function eventBefore(tokens: Token[], numberAt: number, adjacent: boolean): Found | undefined {
  for (let j = numberAt - 1; j >= 0 && numberAt - j <= MAX_REACH_BACK; j--) {
    const token = tokens[j]!
    const event = matchEvent(tokens, j)
    if (event && /^(?:kill|injur|wound|free|releas|arrest|detain|evacuat|rescu|kidnap|abduct|shot|stabb|claim)/.test(token.lower)) return event
    // "the death of all 33 passengers", not "deaths per 100,000 people"
    if (event && event.length === 2 && /^deaths?$/.test(token.lower)) return event
    if (adjacent ? !HEDGES.has(token.lower) : CLAUSE_BREAKS.has(token.lower)) return undefined
  }
  return undefined
}

/** The event after the counted people: past auxiliaries and any coordinated counts ("15 security personnel and 18 civilians lost their lives"). */
function eventAfter(tokens: Token[], from: number): Found | undefined {
  let j = from
  for (let steps = 0; j < tokens.length && steps < 14; steps++, j++) {
    const token = tokens[j]!
    if (token.lower === 'including') {
      // "around twenty more, including colleague Faisal al-Thubhani, were injured"
      while (j + 1 < tokens.length && tokens[j + 1]!.text !== ',' && steps < 14) {
        j++
        steps++
      }
      continue
    }
    if ((token.lower === 'from' || token.lower === 'of') && /^\p{Lu}/u.test(tokens[j + 1]?.text ?? '')) {
      // "two Buddhist pilgrims from Myanmar also died"
      while (j + 1 < tokens.length && /^\p{Lu}/u.test(tokens[j + 1]!.text)) {
        j++
        steps++
      }
      continue
    }
    // "Sixty-six people or more were injured"
    if (token.lower === 'or' && (tokens[j + 1]?.lower === 'more' || tokens[j + 1]?.lower === 'so')) {
      j++
      steps++
      continue
    }
    // "Five people, who were all crew, were rescued": a relative clause in commas says who they were.
    if (token.lower === 'who' && tokens[j - 1]?.text === ',') {
      const close = tokens.findIndex((other, k) => k > j && k - j <= 10 && other.text === ',')
      if (close > j) {
        steps += close - j
        j = close
        continue
      }
    }
    // "337 suspected users in 38 countries were arrested": where they were, between them and the event.
    // "Three occupants of the helicopter died".
    const setting = SETTING_PREPOSITIONS.has(token.lower) ? settingEnd(tokens, j + 1) : -1
    if (setting > j) {
      steps += setting - j
      j = setting
      continue
    }
    // "The 176 people on board were all killed"
    if (token.lower === 'on' && tokens[j + 1]?.lower === 'board') {
      j++
      steps++
      continue
    }
    if (CHAIN_WORDS.has(token.lower) || PEOPLE_NOUNS.has(token.lower) || ABOARD.has(token.lower) || parseNumber([token.lower])) continue
    // "Twelve soldiers and a policeman were among those killed"
    if ((token.lower === 'a' || token.lower === 'an') && PEOPLE_NOUNS.has(tokens[j + 1]?.lower ?? '')) continue
    if (
      /^\p{Ll}/u.test(token.text) &&
      !PHRASE_STOPS.has(token.lower) &&
      !AUXILIARIES.has(token.lower) &&
      !EVENT_BY_PHRASE.has(token.lower) &&
      tokens[j + 1] &&
      PEOPLE_NOUNS.has(tokens[j + 1]!.lower)
    )
      continue
    break
  }
  // "messages between Rosselló and eleven others and released them": a verb after "and" has the clause's subject, not these people.
  if (tokens[j - 1]?.lower === 'and' && j - 1 >= from) return undefined
  for (let steps = 0; j < tokens.length && steps < 4 && (AUXILIARIES.has(tokens[j]!.lower) || /^\p{Ll}+ly$/u.test(tokens[j]!.text)); steps++) j++
  // "One child was, according to the fire service, among the dead"
  if (tokens[j]?.text === ',' && AUXILIARIES.has(tokens[j - 1]?.lower ?? '')) {
    let close = j + 1
    while (close < tokens.length && close - j < 10 && tokens[close]!.text !== ',') close++
    if (tokens[close]?.text === ',') j = close + 1
  }
  return matchEvent(tokens, j)
}

const PARTITIVE_PRONOUNS = new Set(['them', 'whom', 'which', 'those', 'these', 'us'])
const SETTING_PREPOSITIONS = new Set(['in', 'across', 'of', 'on', 'aboard', 'at', 'from'])

/**
 * The last token of a short lower-case setting after "in", "of" or "across" ("38 countries", "the village") that an
 * auxiliary or an event word follows, or -1: a setting that runs on is not one.
 */
function settingEnd(tokens: Token[], from: number): number {
  // "Of the 30 passengers, two of them died": a part of them, not a setting.
  if (PARTITIVE_PRONOUNS.has(tokens[from]?.lower ?? '')) return -1
  for (let k = from; k < tokens.length && k - from < 4; k++) {
    const token = tokens[k]!
    if (k > from && (AUXILIARIES.has(token.lower) || matchEvent(tokens, k))) return k - 1
    if (!/^[\p{Ll}\p{N}]/u.test(token.text) || (PHRASE_STOPS.has(token.lower) && token.lower !== 'the')) return -1
  }
  return -1
}

const LIST_VERBS = new Set(['are', 'were', 'include', 'included', 'includes', 'was'])

/** A count in a list headed by its event: "the confirmed deaths are fourteen civilians, five soldiers, and one member of the Coast Guard". */
function listedUnder(tokens: Token[], numberAt: number): Found | undefined {
  for (let j = numberAt - 1; j > 0 && numberAt - j <= 16; j--) {
    const token = tokens[j]!
    if (LIST_VERBS.has(token.lower)) {
      const head = matchEvent(tokens, j - 1)
      return head && /^(?:deaths|dead|fatalities|injured|wounded|missing|arrested)$/.test(tokens[j - 1]!.lower) ? head : undefined
    }
    if (!(CHAIN_WORDS.has(token.lower) || token.text === ',' || PEOPLE_NOUNS.has(token.lower) || /^\p{L}/u.test(token.text))) return undefined
  }
  return undefined
}

function openingPlace(text: string, sentence: Span, places: MentionIndex): string | undefined {
  // "In Mastung, …", "In the United States, …": a country's name may carry its article.
  const opening = /^In\s+(?:the\s+)?/.exec(text.slice(sentence.start, sentence.start + 8))
  if (!opening) return undefined
  const mention = places.within(sentence.start + opening[0].length, sentence.end)[0]
  if (!mention || mention.start !== sentence.start + opening[0].length || text[mention.end] !== ',') return undefined
  return mention.entity.name
}

const ORDINALS = new Set('second third fourth fifth sixth seventh eighth ninth tenth'.split(' '))

/** "another person", "a fifth person": one more. */
function singleOne(tokens: Token[], at: number): { value: number; words: number } | undefined {
  const first = tokens[at]!.lower
  const words = first === 'another' ? 1 : (first === 'a' || first === 'an') && ORDINALS.has(tokens[at + 1]?.lower ?? '') ? 2 : 0
  const noun = tokens[at + words]?.lower ?? ''
  return words > 0 && PEOPLE_NOUNS.has(noun) && !noun.endsWith('s') ? { value: 1, words } : undefined
}

function tokenSpan(tokens: Token[], from: number, to = from + 1): Omit<Found, 'event'> {
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end, index: from, length: to - from }
}

/**
 * Who is counted by where they come from: "seventeen from the Armed Forces",
 * "two each from the Coast Guard and the National Police" (one count for each).
 */
function affiliationAfter(tokens: Token[], from: number): { names: string[]; end: number } | undefined {
  const each = tokens[from]?.lower === 'each'
  let j = from + (each ? 1 : 0)
  if (tokens[j]?.lower !== 'from') return undefined
  const names: string[] = []
  let end = j
  for (j++; j < tokens.length; j++) {
    if (tokens[j]!.lower === 'the') j++
    const nameStart = j
    while (j < tokens.length && /^\p{Lu}/u.test(tokens[j]!.text)) j++
    if (j === nameStart) break
    names.push(
      tokens
        .slice(nameStart, j)
        .map((token) => token.text)
        .join(' '),
    )
    end = j
    if (!each || tokens[j]?.lower !== 'and') break
  }
  return names.length > 0 ? { names, end } : undefined
}

const ELLIPTIC_VERBS = new Set(['were', 'was', 'had', 'have', 'did'])

/** "…were wounded, as were seventeen…": the event of the count before, standing for the verb left out. */
function ellipsis(tokens: Token[], at: number, previous: { event: string } | undefined): Found | undefined {
  if (!previous || tokens[at - 2]?.lower !== 'as' || !ELLIPTIC_VERBS.has(tokens[at - 1]?.lower ?? '')) return undefined
  return { event: previous.event, ...tokenSpan(tokens, at - 2, at) }
}

// A place's name in a list of counts: capitalised words, with the particles some names hold ("Davao del Sur").
const NAME_PARTICLES = new Set(['del', 'de', 'la', 'da', 'do', 'of', 'the'])
const LIST_ENDS = new Set([',', 'and', '.', ';'])

/**
 * "killed 12 people in Alba, four in Cluj and two in Arad", "21 injured individuals in Davao del Sur, 36 in North
 * Cotabato": a number after the place of the count before, itself followed by only a place, counts the same event. A
 * place followed by a verb ("300 in Cluj lost power") is another clause.
 */
function listedByPlace(
  tokens: Token[],
  at: number,
  afterNumber: number,
  previous: { event: string; end: number } | undefined,
): { found: Found; place: string } | undefined {
  if (!previous || !/^(?:in|at)$/.test(tokens[afterNumber]?.lower ?? '')) return undefined
  let after = afterNumber + 1
  while (after < tokens.length && (/^\p{Lu}/u.test(tokens[after]!.text) || (NAME_PARTICLES.has(tokens[after]!.text) && after > afterNumber + 1))) after++
  if (after === afterNumber + 1 || !LIST_ENDS.has(tokens[after]?.lower ?? '.')) return undefined
  let j = at - 1
  if (tokens[j]?.lower === 'and') j--
  if (tokens[j]?.text === ',') j--
  if (j === at - 1) return undefined
  const placeEnd = j
  while (j > previous.end && (/^\p{Lu}/u.test(tokens[j]!.text) || NAME_PARTICLES.has(tokens[j]!.text))) j--
  if (j === placeEnd || !/^(?:in|at)$/.test(tokens[j]?.lower ?? '') || j < previous.end || j - previous.end > 3) return undefined
  // The place as the text spells it, for a place the entity rules did not read.
  const place = tokens
    .slice(afterNumber + 1, after)
    .map((token) => token.text)
    .join(' ')
  return { found: { event: previous.event, ...tokenSpan(tokens, at, afterNumber) }, place }
}

/** Only commas and "and" between two counts: the second goes on the same list. */
function onlyListBetween(tokens: Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (tokens[j]!.text !== ',' && tokens[j]!.lower !== 'and') return false
  return to > from
}

const TOLL_BY_PHRASE = new Map(TOLL_HEADS)
const LONGEST_TOLL = Math.max(...TOLL_HEADS.map(([phrase]) => phrase.split(' ').length))
const TOLL_FIRST_WORDS = new Set(TOLL_HEADS.map(([phrase]) => phrase.split(' ')[0]!))
// How far a toll's figure may stand from its head: "the death toll from the floods in Sindh has risen to 42".
const TOLL_REACH = 12

/**
 * Tolls: "the death toll rose to 12", "death tolls exceeded 100", "the number
 * of injured reached 40": that many people, the head's event. `counted` holds
 * the numbers the sentence already counted ("an earlier toll of 27 dead").
 */
function tolls(tokens: Token[], counted: ReadonlySet<number>): Quantity[] {
  const found: Quantity[] = []
  for (let j = 0; j < tokens.length; j++) {
    const head = tollHead(tokens, j)
    if (!head) continue
    let figure: { at: number; value: number; words: number } | undefined
    for (let k = head.end; k < tokens.length && k - head.end < TOLL_REACH; k++) {
      const token = tokens[k]!
      if (token.text === '.' || token.text === ';' || tollHead(tokens, k)) break
      const number = mayStartNumber(token.lower) ? parseNumber(tokens.slice(k, k + 6).map((t) => t.lower)) : undefined
      // A rate or a decimal is no head count: "18.9 deaths per 100,000".
      if (/^\d/.test(token.text) && !number) break
      if (!number || isYear(token, number.value) || tokens[k - 1]?.lower === 'per') continue
      // "rose by 5 to 17", "from five people to six": the toll is the figure after "to".
      if (
        (tokens[k - 1]?.lower === 'by' || tokens[k - 1]?.lower === 'from') &&
        tokens.slice(k + number.words, k + number.words + 2).some((t) => t.lower === 'to')
      )
        continue
      if (UNIT_AFTER.has(tokens[k + number.words]?.lower ?? '')) continue
      figure = { at: k, ...number }
      break
    }
    if (!figure || counted.has(figure.at)) continue
    const end = tokens[figure.at + figure.words - 1]!.end
    found.push({ value: figure.value, who: 'people', event: head.event, start: tokens[j]!.start, end })
    j = figure.at + figure.words - 1
  }
  return found
}

function tollHead(tokens: Token[], at: number): { event: string; end: number } | undefined {
  // Most words open no toll phrase: one set lookup instead of joining every phrase length (the hottest path of extraction).
  const first = tokens[at]!.lower
  if (!TOLL_FIRST_WORDS.has(first) && !(first.endsWith('s') && TOLL_FIRST_WORDS.has(first.slice(0, -1)))) return undefined
  for (let length = Math.min(LONGEST_TOLL, tokens.length - at); length > 0; length--) {
    const phrase = tokens
      .slice(at, at + length)
      .map((token) => token.lower.replace(/s$/, ''))
      .join(' ')
    const event =
      TOLL_BY_PHRASE.get(phrase) ??
      TOLL_BY_PHRASE.get(
        tokens
          .slice(at, at + length)
          .map((token) => token.lower)
          .join(' '),
      )
    if (event) return { event, end: at + length }
  }
  return undefined
}

/**
 * The one place (not country) a sentence names, when it names exactly one: "a Kabul car bombing killed five".
 * A region after a comma only says where the place before it is ("Fairfield, California" names Fairfield);
 * of several places, the one the sentence puts the event in ("in", "at", "near") where only one is
 * ("a bus from Smolensk to Kaluga overturned in Babyninsky").
 */
// "A resident of Antioch, …": where someone lives or comes from, not where the event happened.
const HOME_OF = /\b(?:resident|native|citizen)s?\s+of\s+$/i
// "in Magnitogorsk, a city in the Ural region": where the place before lies, not another place of the event.
const WHERE_IT_LIES = /,\s+(?:an?|the)\s+(?:\p{Ll}+\s+){0,2}(?:city|town|village|port|suburb|district|community|municipality)\s+(?:in|of|near)\s+(?:the\s+)?$/iu

function onlyPlace(text: string, sentence: Span, places: MentionIndex): string | undefined {
  const mentions = places.within(sentence.start, sentence.end, ['place'])
  const located = mentions.filter(
    (mention, index) =>
      !(index > 0 && /^,\s*$/.test(text.slice(mentions[index - 1]!.end, mention.start))) &&
      !HOME_OF.test(text.slice(Math.max(sentence.start, mention.start - 20), mention.start)) &&
      !WHERE_IT_LIES.test(text.slice(Math.max(sentence.start, mention.start - 50), mention.start)),
  )
  const named = new Set(located.map((mention) => mention.entity.name))
  if (named.size <= 1) return [...named][0]
  // "in Lahore and Karachi": a preposition before a list puts the event in each.
  const listed = (index: number) =>
    index + 1 < located.length && /^\s*(?:,|,?\s*(?:and|or))\s*$/.test(text.slice(located[index]!.end, located[index + 1]!.start))
  const inPlace = new Set(
    located
      .filter((mention, index) => /\b(?:in|at|near)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, mention.start - 10), mention.start)) && !listed(index))
      .map((mention) => mention.entity.name),
  )
  return inPlace.size === 1 ? [...inPlace][0] : undefined
}

/**
 * The one country a sentence that names no place puts something in ("142 cases in Peru, of which four patients have
 * died"): where the sentence's counts happened. A country named otherwise (an actor, a list of two) says nothing.
 */
function countryIn(text: string, sentence: Span, places: MentionIndex): string | undefined {
  if (places.within(sentence.start, sentence.end, ['place']).length > 0) return undefined
  const mentions = places.within(sentence.start, sentence.end, ['country'])
  if (new Set(mentions.map((mention) => mention.entity.name)).size !== 1) return undefined
  const located = mentions.find((mention) => /\b(?:in|at)\s+(?:the\s+)?$/.test(text.slice(Math.max(sentence.start, mention.start - 8), mention.start)))
  return located?.entity.name
}

/** The one country a stretch names, when it names exactly one. */
function onlyCountry(span: Span, places: MentionIndex): string | undefined {
  const named = new Set(places.within(span.start, span.end, ['country']).map((mention) => mention.entity.name))
  return named.size === 1 ? [...named][0] : undefined
}

// "in Gilroy, killing three", "in Chippewa Falls, Wisconsin where at least five died": a count in a clause hung on
// the place just named. Only a comma or "where" and a few words stand between them (no verb of its own, no other count).
const CLAUSE_ON_PLACE =
  /^(?:,\s*(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*,?\s*)?)?(?:\s+where|\s+in\s+which|,)\s*(?:(?:killing|leaving|injuring|wounding)\s+)?(?:(?:at\s+least|more\s+than|about|some|nearly|over|around)\s+)?$/u

function placeJustBefore(text: string, sentenceStart: number, countStart: number, places: MentionIndex): string | undefined {
  const mentions = places.within(sentenceStart, countStart, ['place'])
  for (let i = mentions.length - 1; i >= 0; i--) {
    const mention = mentions[i]!
    if (!CLAUSE_ON_PLACE.test(text.slice(mention.end, countStart))) continue
    // "Chippewa Falls, Wisconsin": the town, not the region written after it.
    const town = i > 0 && /^,\s*$/.test(text.slice(mentions[i - 1]!.end, mention.start)) ? mentions[i - 1]! : mention
    if (!/\b(?:in|at|near)\s+(?:the\s+)?$/.test(text.slice(Math.max(sentenceStart, town.start - 10), town.start))) return undefined
    return town.entity.name
  }
  return undefined
}

function placeAfter(text: string, from: number, to: number, places: MentionIndex): string | undefined {
  const window = text.slice(from, Math.min(to, from + 40))
  // "killed in southern Afghanistan", "near north-west Mosul": a part of the place is the place.
  const preposition = /^\s+(?:in|at|near)\s+(?:the\s+)?(?:(?:north|south)?(?:-?(?:east|west))?(?:ern)?\s+|central\s+)?/i.exec(window)
  if (!preposition) return undefined
  const mention = places.within(from + preposition[0].length, to)[0]
  return mention && mention.start === from + preposition[0].length ? mention.entity.name : undefined
}
