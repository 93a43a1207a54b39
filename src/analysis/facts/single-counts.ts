import type { MentionIndex } from './mention-index'
import type { Quantity } from './types'
import { matchesOf } from '../../text/matches'
import type { Span } from '../../text/span'

/** Verbs that do one of the counted things to someone, with the event they report. */
const VERBS: ReadonlyArray<[string, string]> = [
  ['shot dead', 'killed'],
  ['shot and killed', 'killed'],
  ['stabbed to death', 'killed'],
  ['beaten to death', 'killed'],
  ['killed', 'killed'],
  ['assassinated', 'killed'],
  ['murdered', 'killed'],
  ['arrested', 'arrested'],
  ['detained', 'arrested'],
  ['kidnapped', 'kidnapped'],
  ['abducted', 'kidnapped'],
  ['injured', 'injured'],
  ['wounded', 'injured'],
  // "…, killing a senior leader", "killing Abu Khalid": the participle of a strike's outcome.
  ['killing', 'killed'],
  ['wounding', 'injured'],
  ['injuring', 'injured'],
  ['detaining', 'arrested'],
  ['arresting', 'arrested'],
]
const EVENT_OF_VERB = new Map(VERBS)
const VERB = VERBS.map(([verb]) => verb.replaceAll(' ', '\\s+')).join('|')
/** Nouns of one killing or arrest: "the killing of X", "the arrest of X". */
const EVENT_NOUNS = new Map([
  ['killing', 'killed'],
  ['assassination', 'killed'],
  ['murder', 'killed'],
  ['arrest', 'arrested'],
  ['abduction', 'kidnapped'],
  ['kidnapping', 'kidnapped'],
])

/** One person named by what they are: "a man", "the militia's commander", "an engineer". */
const SINGLE_PERSON =
  'man|woman|boy|girl|child|teenager|person|civilian|soldier|policeman|policewoman|officer|guard|driver|passenger|worker|engineer|journalist|reporter|photographer|photojournalist|priest|commander|leader|chief|official|suspect|gunman|attacker|militant|fighter|student|tourist|pilot|resident|farmer|teacher|doctor|nurse|activist|judge|mayor|governor|minister|lawyer|politician|individual|accused|defendant|motorcyclist|cyclist|pedestrian|protester|protestor|sergeant|inmate|prisoner|bystander|hostage|bomber|sniper|operative|facilitator|financier|emir|smuggler|trafficker|member|deputy|aide|bodyguard|spokesman|spokeswoman|colonel|captain|lieutenant|corporal|trooper|firefighter|paramedic|marine|sailor|contractor|employee|shopkeeper|cleric|imam|businessman|businesswoman|wife|husband|son|daughter|mother|father|brother|sister|baby|infant|toddler|victim|patient|insurgent|terrorist|combatant|extremist|rebel|jihadist|gunman|kidnapper|bandit|militiaman|serviceman|servicewoman|peacekeeper'
// "a 44-year-old contract worker", "his wife": an article or a possessive, at most three modifiers (a possessive or an
// abbreviation among them), the noun; or a body's name of up to five capitalised words and one more modifier ("an
// International Security Assistance Force service member"), tried only where capitals follow the article; "a Taliban
// sub-commander" is a commander.
// The noun is found by a lookahead and taken by a back-reference to it, which matches what `(${SINGLE_PERSON})\b` would:
// at most one word of the list ends at a word boundary where it starts (a shorter one is followed by a letter of the
// longer), so the lookahead, which never backtracks into itself, loses no match. Why: placed after the repetitions
// before it, the list's 130 words under /iu cost V8 about ten times what they cost to compile alone, as if compiled
// once per path into them; the six patterns that hold the list took about 48 ms of CPU to compile in a fresh
// process, this way about 6 (Node 24, main thread, each pattern's fastest of five processes).
const ONE = `(?:a|an|the|one|his|her|their)\\s+(?:(?:[\\p{L}\\p{N}'’.-]+\\s+){0,3}?|(?:\\p{Lu}[\\p{L}\\p{N}.'’-]*\\s+){2,5}(?:[\\p{L}\\p{N}'’.-]+\\s+)?)(?:sub-)?(?=(?<person>${SINGLE_PERSON})\\b)\\k<person>`
const PASSIVE = new RegExp(`\\b${ONE}\\s+(?:was|has\\s+been|had\\s+been)\\s+(?:\\p{Ll}+ly\\s+)?(${VERB})\\b`, 'giu')
// "The strike resulted in the death of a senior commander": a death as the outcome of an act, not a death of illness.
const OUTCOME = new RegExp(`\\b(?:resulted\\s+in|resulting\\s+in|caused|led\\s+to)\\s+the\\s+death\\s+of\\s+${ONE}`, 'giu')
// "died after being stabbed", "died of his wounds": a death from violence, which "died" alone does not say (an illness).
// "died following an insurgent attack", "died in an explosion": a death in an act of violence or an accident.
const VIOLENT_DEATH = `(?:later\\s+|also\\s+)?died\\s+(?:after\\s+being\\s+(?:stabbed|shot|attacked|beaten|hit|struck|run\\s+over)|(?:of|from)\\s+(?:his|her)\\s+(?:\\p{Ll}+\\s+)?(?:wounds|injuries)|(?:following|in|during|as\\s+a\\s+result\\s+of)\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:attack|explosion|blast|strike|airstrike|ambush|shooting|bombing|clash|clashes|firefight|crash|collision))\\b`
const DIED = new RegExp(`\\b${ONE}\\s+${VIOLENT_DEATH}`, 'giu')
// A headline or a press release's title: "Senior al-Shabaab leader killed in airstrike", "Taliban commander detained".
const HEADLINE = new RegExp(
  `^\\s*(?:[\\p{L}\\p{N}'’.-]+\\s+){0,4}?(${SINGLE_PERSON})\\s+(killed|detained|arrested|shot\\s+dead|assassinated|kidnapped|abducted)(?=\\s+(?:in|by|during|near|after|on|at)\\b|\\s*$)`,
  'iu',
)
// "the security force engaged the insurgent, killing him": one person the text named before. Killings only: "detained
// him for questioning" is no arrest a reader counts.
const PRONOUN = /\b(killed|killing|shot\s+dead|shot\s+and\s+killed)\s+(?:him|her)\b/giu
const DIED_AFTER = new RegExp(`^(?:,[^,;.]{1,80},)?\\s+${VIOLENT_DEATH}`, 'iu')
// Not "killed a commander, Abu Khalid" (the name after the comma is the one counted), nor "injured a man and two
// women" (one figure for them all, "three people"); "killed a firefighter and injured three", "killed a commander and
// two of his bodyguards" and "arrested a man and a woman" count the one person.
const ACTIVE = new RegExp(
  `\\b(${VERB})\\s+${ONE}(?!\\s*,\\s|\\s+(?:and|or)\\s+(?:\\d|(?:two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|hundreds|many|other|others)\\b)(?![\\p{L}\\p{N}]*\\s+of\\s+(?:his|her|their)\\s))`,
  'giu',
)
// One person after "and" in a list of those the verb counts: "arrested two men and a woman", "killed the man and his
// son" (not "killed three people and a woman was injured": she has a verb of her own).
const ACTIVE_LISTED = new RegExp(`\\b(${VERB})\\s+(?:[\\p{L}\\p{N}'’.-]+\\s+){1,4}?and\\s+${ONE}(?!\\s*,\\s|\\s+(?:was|were|is|are|has|had|have)\\b)`, 'giu')

/**
 * A count of one; `definite` when the person is "the" someone without a possessive ("the woman was killed") or
 * someone's ("his sister"), who may be one of those a count already numbered or named; `named` when a name says who; `pronoun` when a pronoun stands for the person ("killing
 * him"), who may be one a count before already holds.
 */
export type SingleCount = Quantity & { definite?: true; pronoun?: true; named?: true }

// "the woman …", "his sister", not "the militia's commander".
const DEFINITE = /^(?:the\s+(?![\p{L}\p{N}-]+['’]s\s)|(?:his|her|their)\s)/iu
const NOUN_OF = /\b(killing|assassination|murder|arrest|abduction|kidnapping)\s+of\s+$/i
// "killed motorcyclist Aaron Voss", "killed al-Qaida leader Abu Ahmad", "killed a woman named Heather Heyer": up to
// three words of what the person is between the verb and the name (not "killed by", "killed in").
const VERB_BEFORE = new RegExp(
  `\\b(${VERB})\\s+(?:(?!(?:by|in|at|on|near|with|for|from|to|of|and|or|as|after|before|during|while|when)\\s)[\\p{L}\\p{N}'’.-]+\\s+){0,3}$`,
  'iu',
)
// "Aaron Voss was killed", "Aaron Voss, owner of a lodge near Tamsin, was killed", "Aaron Voss, who was also killed".
const PASSIVE_AFTER = new RegExp(
  `^(?:,\\s*who|,[^,;.]{1,80}(?:,[^,;.]{1,40}){0,2},)?\\s+(?:was|has\\s+been|had\\s+been)\\s+(?:(?:\\p{Ll}+ly|also|later|then)\\s+)?(${VERB})\\b`,
  'iu',
)
// Every count of one needs one of these words: a sentence without any is passed over before the patterns run.
const ANY_EVENT_WORD = new RegExp(`\\b(?:${[...VERBS.map(([verb]) => verb.split(' ')[0]!), ...EVENT_NOUNS.keys(), 'death', 'died'].join('|')})\\b`, 'i')
// A verb of VERBS anywhere in a stretch, with the flags of the patterns that hold one and no word boundary, so each of
// them (PASSIVE, ACTIVE, ACTIVE_LISTED, HEADLINE, PRONOUN, VERB_BEFORE, PASSIVE_AFTER) can match only where this does:
// a sentence that has only a noun ("death", "arrest") is not read by them. Why it pays: those patterns take
// milliseconds to compile (a long list of words under /iu), and V8 drops the compiled code of a pattern unused for
// a few collections, so a long text with one such sentence paid for compiling them again.
const ANY_VERB = new RegExp(VERB, 'iu')

/**
 * Counts of one: a killing, an arrest, an abduction or an injury of one
 * person, named ("the killing of Qasem Soleimani", "police arrested Aaron
 * Voss", "Aaron Voss was killed") or singular ("troops killed the militia's
 * commander", "an engineer was killed", "police arrested a man"). Numbers
 * are read by the counting rules; these add what a number never says.
 */
export function singleCounts(text: string, sentence: Span, people: MentionIndex): SingleCount[] {
  const body = text.slice(sentence.start, sentence.end)
  const found: SingleCount[] = []
  if (!ANY_EVENT_WORD.test(body)) return found
  const add = (who: string, event: string, start: number, end: number, phrase: string) =>
    found.push({ value: 1, who, event, start: sentence.start + start, end: sentence.start + end, ...(DEFINITE.test(phrase) ? { definite: true } : {}) })
  const verbs = ANY_VERB.test(body)
  for (const match of verbs ? matchesOf(body, PASSIVE) : [])
    add(match[1]!.toLowerCase(), eventOf(match[2]!), match.index, match.index + match[0].length, match[0])
  for (const match of verbs ? matchesOf(body, ACTIVE) : [])
    add(match[2]!.toLowerCase(), eventOf(match[1]!), match.index, match.index + match[0].length, match[0].slice(match[1]!.length).trim())
  // The patterns that open on a person ("a man", "the militia's commander") try every article of the sentence: each
  // runs only where its own words are (most sentences have none).
  if (verbs && body.includes(' and '))
    for (const match of matchesOf(body, ACTIVE_LISTED)) {
      const one = match[0].lastIndexOf(' and ') + 5
      add(match[2]!.toLowerCase(), eventOf(match[1]!), match.index + one, match.index + match[0].length, match[0].slice(one))
    }
  if (/\bdeath\b/i.test(body))
    for (const match of matchesOf(body, OUTCOME)) add(match[1]!.toLowerCase(), 'killed', match.index, match.index + match[0].length, '')
  const died = /\bdied\b/i.test(body)
  if (died) for (const match of matchesOf(body, DIED)) add(match[1]!.toLowerCase(), 'killed', match.index, match.index + match[0].length, match[0])
  const headline = verbs ? HEADLINE.exec(body) : null
  if (headline) add(headline[1]!.toLowerCase(), eventOf(headline[2]!), headline.index, headline.index + headline[0].length, headline[0].trim())
  for (const match of verbs ? matchesOf(body, PRONOUN) : [])
    found.push({
      value: 1,
      who: 'person',
      event: eventOf(match[1]!),
      start: sentence.start + match.index,
      end: sentence.start + match.index + match[0].length,
      pronoun: true,
    })
  const named: SingleCount[] = []
  for (const mention of people.within(sentence.start, sentence.end, ['person'])) {
    const before = text.slice(Math.max(sentence.start, mention.start - 60), mention.start)
    const after = text.slice(mention.end, Math.min(sentence.end, mention.end + 160))
    const nounOf = NOUN_OF.exec(before)
    const verbBefore = verbs ? VERB_BEFORE.exec(before) : null
    const passive = verbs ? PASSIVE_AFTER.exec(after) : null
    const diedAfter = passive || !died ? null : DIED_AFTER.exec(after)
    const event = nounOf
      ? EVENT_NOUNS.get(nounOf[1]!.toLowerCase())
      : verbBefore
        ? eventOf(verbBefore[1]!)
        : passive
          ? eventOf(passive[1]!)
          : diedAfter
            ? 'killed'
            : undefined
    if (!event) continue
    const start = nounOf || verbBefore ? mention.start - (before.length - (nounOf ?? verbBefore)!.index) : mention.start
    const end = mention.end + ((passive ?? diedAfter)?.[0]?.length ?? 0)
    named.push({ value: 1, who: mention.entity.name, event, start, end, named: true })
  }
  // "killed a woman named Heather Heyer": the one person, by name.
  return [...found.filter((one) => !named.some((other) => other.event === one.event && other.start < one.end && one.start < other.end)), ...named]
}

function eventOf(verb: string): string {
  return EVENT_OF_VERB.get(verb.toLowerCase().replace(/\s+/g, ' ')) ?? 'killed'
}
