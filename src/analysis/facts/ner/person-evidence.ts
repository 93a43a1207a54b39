import { isFirstName } from '../../../gazetteer'
import { CONNECTORS, SPEECH_VERBS_AFTER_NAME, THING_HEADS, THING_TAILS, THING_TAILS_ALSO_SURNAMES } from './lexicon'
import { ageAfter, countryInBrackets, lower } from './names'
import { appositionRole } from './roles'
import type { Token } from './tokens'

/** Verbs of saying and acting that only people do right after their name ("Vasquez said", "Vasquez, 44, told"). */
export const PERSON_VERBS: ReadonlySet<string> = new Set([
  ...SPEECH_VERBS_AFTER_NAME,
  ...['tells', 'tweeted', 'posted', 'replied', 'responded', 'remarked', 'noted', 'asked', 'testified', 'pleaded', 'pled', 'died', 'resigned'],
])

// How far an apposition between a name and its verb may run ("Marta Quell, who heads the union, said").
const APPOSITION_REACH = 14

/**
 * A run of capitalised words whose words the text also writes in lower case
 * ("Gun Violence Archive" beside "violence", "Costume Ball" beside "ball") reads
 * as common nouns made into a name: an event, a facility, a group or a
 * publication as often as a person. Only such a run needs evidence to be a
 * person; a run of words used only as names ("Rai Benjamin", "Ziad al-Sharabi") does not.
 */
export function soundsLikeCommonNouns(tokens: Token[], lowerCaseWords: ReadonlySet<string>): boolean {
  return tokens.some((token) => !CONNECTORS.has(token.text) && lowerCaseWords.has(token.text.toLowerCase()))
}

/**
 * Whether the words around a capitalised run give evidence that it names a
 * person, not an event, a facility, a group or a publication named like one
 * ("Cielo Vista Mall", "Gun Violence Archive"): a first name the gazetteer
 * knows, an initial ("J. Ortiz", "Ana M. Ruiz"), an age or a role in
 * apposition ("Quell, 44,", "Quell, the union's leader,"), "who" after it, a
 * speech verb tied to it, or elsewhere in the text its last word with a
 * courtesy title or a speech verb ("Mr Quell", "Quell said").
 */
export function hasPersonEvidence(text: string, sentence: Token[], tokens: Token[], to: number): boolean {
  if (isFirstName(tokens[0]!.text) || tokens.some((token) => /^\p{Lu}\.$/u.test(token.text))) return true
  return hasPersonContext(text, sentence, to) || surnameUsedForPerson(text, tokens.at(-1)!.text)
}

/** What the words right after a name say of a person: an age or a role in apposition, an athlete's country, a person's verb or "who". */
export function hasPersonContext(text: string, sentence: Token[], to: number): boolean {
  return ageAfter(sentence, to) || countryInBrackets(sentence, to) || Boolean(appositionRole(text, sentence, to)) || verbAfter(sentence, to)
}

/** "X said", "X, who…", "X, 44, a teacher, told": a person's verb or "who" right after the name or its apposition. */
function verbAfter(sentence: Token[], to: number): boolean {
  const next = sentence[to]
  if (next?.text === 'who' || (next?.text === ',' && sentence[to + 1]?.text === 'who')) return true
  if (next?.word && PERSON_VERBS.has(next.text)) return true
  if (next?.text !== ',') return false
  for (let index = to + 1; index < Math.min(sentence.length - 1, to + APPOSITION_REACH); index++) {
    if (sentence[index]!.text !== ',') continue
    const verb = sentence[index + 1]!
    return verb.word && PERSON_VERBS.has(verb.text)
  }
  return false
}

// What "Mr. Quell" and "Quell said" need around the surname, tried where it occurs (sticky: at lastIndex only).
const COURTESY_BEFORE = /(?<=\b(?:Mr|Mrs|Ms|Dr)\.?\s+)/uy
const PERSON_VERB_AFTER = new RegExp(`\\s+(?:${[...PERSON_VERBS].join('|')})\\b`, 'uy')
const WORD_BOUNDARY = /\b/uy

/**
 * "Mr. Quell", "Ms Quell", "Quell said" anywhere in the text. The surname's
 * occurrences are found with indexOf and only their surroundings are tried:
 * a pattern built per surname and run over the whole text cost a scan of the
 * text per candidate (quadratic on long interviews).
 */
function surnameUsedForPerson(text: string, surname: string): boolean {
  if (!/^[\p{L}\p{M}'’-]+$/u.test(surname)) return false
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const end = at + surname.length
    if (holdsAt(WORD_BOUNDARY, text, end) && holdsAt(COURTESY_BEFORE, text, at)) return true
    if (holdsAt(WORD_BOUNDARY, text, at) && holdsAt(PERSON_VERB_AFTER, text, end)) return true
  }
  return false
}

function holdsAt(sticky: RegExp, text: string, index: number): boolean {
  sticky.lastIndex = index
  return sticky.test(text)
}

/**
 * A name whose first or last word says what thing it is: a storm, an operation, a facility, a publication, an
 * event ("Hurricane Dorian", "Cielo Vista Mall", "Gun Violence Archive"). A first name keeps a two-word name a
 * person's where the last word is also a surname ("Lucille Ball").
 */
export function namesAThing(tokens: Token[]): boolean {
  const tail = lower(tokens.at(-1)!)
  // "Storm Lorenzo", "Storm Ciara": a head that is also a first name, before a storm's name (a first name too), is the storm.
  if (THING_HEADS.has(lower(tokens[0]!))) return !isFirstName(tokens[0]!.text) || (tokens.length === 2 && isFirstName(tokens[1]!.text))
  if (!THING_TAILS.has(tail)) return false
  return tokens.length > 2 || !isFirstName(tokens[0]!.text) || !THING_TAILS_ALSO_SURNAMES.has(tail)
}

// A building the text names by its kind, in lower case after the name ("Notre Dame cathedral", "Cipriani Dolci
// restaurant") or in an apposition ("Hagia Sophia, formerly a Greek Orthodox church and now a museum,"): an
// institution is an organisation, a landmark no entity the facts report.
const INSTITUTION_KINDS = 'hospital|clinic|restaurant|hotel|school|college|university'
const LANDMARK_KINDS = 'cathedral|mosque|church|temple|museum|basilica|shrine|monastery|palace|castle|monument|memorial|synagogue'
// In an apposition the kind ends its phrase ("X, a museum curator," is a person).
const KIND_AFTER_NAME = new RegExp(
  `(?:\\s+(${INSTITUTION_KINDS}|${LANDMARK_KINDS})\\b|,\\s+(?:(?:formerly|now|once|originally|still)\\s+)?(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(${INSTITUTION_KINDS}|${LANDMARK_KINDS})(?=\\s*[,.;:)]|\\s+(?:in|of|on|at|near|and|that|which|where)\\b))`,
  'uy',
)
const INSTITUTION = new RegExp(`^(?:${INSTITUTION_KINDS})$`)

/**
 * What kind of building the text says a name is, wherever it gives the name a kind right after it: "institution"
 * ("Cipriani Dolci restaurant"), "landmark" ("Notre Dame cathedral", "Hagia Sophia, … now a museum,"), or undefined.
 * The name's occurrences are found with indexOf, as for a surname, so long texts stay linear per candidate.
 */
export function buildingKindOf(text: string, name: string): 'institution' | 'landmark' | undefined {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    KIND_AFTER_NAME.lastIndex = at + name.length
    const found = KIND_AFTER_NAME.exec(text)
    const kind = found?.[1] ?? found?.[2]
    if (kind) return INSTITUTION.test(kind) ? 'institution' : 'landmark'
  }
  return undefined
}
