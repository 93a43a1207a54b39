import { isBoilerplate } from './boilerplate'
import { asDocument, firstSentenceStart, type TextDocument } from '../../text/document'

const MAX_WORDS = 12
/** Shorter than this, a cut headline loses its verb. */
const MIN_CUT_WORDS = 6
const MAX_LEAD_CHARS = 400

/** Past forms of verbs frequent in news leads, with the present form a headline uses. Only these change tense: a guess would be wrong too often. */
const PRESENT = new Map(
  Object.entries({
    condemned: 'condemns',
    reaffirmed: 'reaffirms',
    announced: 'announces',
    killed: 'kills',
    won: 'wins',
    died: 'dies',
    arrested: 'arrests',
    approved: 'approves',
    rejected: 'rejects',
    launched: 'launches',
    elected: 'elects',
    voted: 'votes',
    signed: 'signs',
    confirmed: 'confirms',
    attacked: 'attacks',
    reported: 'reports',
    claimed: 'claims',
    struck: 'strikes',
    found: 'finds',
    warned: 'warns',
    urged: 'urges',
    accused: 'accuses',
    denied: 'denies',
    banned: 'bans',
    raised: 'raises',
    held: 'holds',
    met: 'meets',
    named: 'names',
    called: 'calls',
    opened: 'opens',
    closed: 'closes',
    sentenced: 'sentences',
    charged: 'charges',
    released: 'releases',
    ended: 'ends',
    agreed: 'agrees',
    suspended: 'suspends',
    resigned: 'resigns',
    declared: 'declares',
    endorsed: 'endorses',
    defeated: 'defeats',
    blamed: 'blames',
    stabbed: 'stabs',
    collapsed: 'collapses',
    convicted: 'convicts',
    published: 'publishes',
    discovered: 'discovers',
    seized: 'seizes',
    expressed: 'expresses',
    backed: 'backs',
    supported: 'supports',
    denounced: 'denounces',
    criticised: 'criticises',
    criticized: 'criticizes',
    destroyed: 'destroys',
    damaged: 'damages',
    hit: 'hits',
    left: 'leaves',
    became: 'becomes',
    took: 'takes',
    gave: 'gives',
    made: 'makes',
    began: 'begins',
    led: 'leads',
  }),
)

const LEADING_PHRASE = /^(?:in|on|at|after|during|following|amid|according to|yesterday|today|last|this)\b[^,]{0,80},\s*/i
const TRAILING_ATTRIBUTION = /,\s*[^,]{1,80}\b(?:said|says|told|announced|reported|stated|confirmed)\b[^,]{0,40}$/i
const TIME_PHRASE =
  /(?:^|\s+)(?:(?:on|last|this|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?\b/gi
const FILLER = /\b(?:the|a|an|strongly|firmly|reportedly|recently|also|very|recent|large-scale|so-called|its|their)\s+/gi

/**
 * A headline for an article that has none, compressed from its lead sentence:
 * no dateline, leading time phrase or attribution ("…, a spokesperson said on
 * Tuesday"), no weekday, articles, possessive determiners or manner adverbs;
 * the main verb in the present when it is a listed news verb right after its
 * subject (agreeing with a plural one); cut at a clause or phrase boundary to
 * at most twelve words, never inside a name.
 */
export function generateHeadline(source: string | TextDocument): string {
  const document = asDocument(source)
  const { text } = document
  const sentences = document.sentences.map((span, index) => text.slice(index === 0 ? firstSentenceStart(document)! : span.start, span.end))
  const lead = sentences.find((sentence) => !isBoilerplate(sentence)) ?? sentences[0]
  if (lead === undefined) return ''
  // A headline never needs more than the opening of the lead; this also bounds the work on a hostile text.
  let headline = lead
    .slice(0, MAX_LEAD_CHARS)
    .replace(/[.!?]+["'”’)\]]*$/, '')
    .replace(LEADING_PHRASE, '')
    .replace(TRAILING_ATTRIBUTION, '')
    .replace(TIME_PHRASE, '')
    .replace(FILLER, '')
  headline = toPresent(headline)
  return capitalize(shorten(headline).trim())
}

/** The first listed past-tense verb, and one coordinated with it by "and", in the present: "X condemned … and reaffirmed" → "X condemns …, reaffirms". */
function toPresent(headline: string): string {
  const words = headline.split(/\s+/)
  const first = words.findIndex((word) => PRESENT.has(word.toLowerCase()))
  if (first < 1 || first > 6 || !isMainVerb(words, first)) return headline
  const plural = isPluralNoun(words[first - 1]!, first - 1 === 0)
  const inflect = (present: string) => (plural ? baseForm(present) : present)
  words[first] = inflect(PRESENT.get(words[first]!.toLowerCase())!)
  for (let i = first + 2; i < words.length; i++) {
    const present = PRESENT.get(words[i]!.toLowerCase())
    if (present && words[i - 1] === 'and') {
      words[i] = inflect(present)
      if (!words[i - 2]!.endsWith(',')) words[i - 2] = `${words[i - 2]},`
      words.splice(i - 1, 1)
      break
    }
  }
  return words.join(' ')
}

/** "bombings", "members": a lower-case plural right before the verb takes "strike", not "strikes". */
function isPluralNoun(word: string, opensSentence: boolean): boolean {
  const lower = opensSentence ? word.toLowerCase() : word
  return /^\p{Ll}+s$/u.test(lower) && !/(?:ss|us|is|ics|news)$/.test(lower)
}

/** The plural-subject form of a listed present: "strikes" → "strike", "launches" → "launch", "dies" → "die". */
function baseForm(present: string): string {
  if (/(?:ch|sh|ss|x)es$/.test(present)) return present.slice(0, -2)
  if (present.endsWith('ies') && present.length > 4) return `${present.slice(0, -3)}y`
  return present.slice(0, -1)
}

/** A past form right after a plain subject, not a participle ("has confirmed", "study published in", "with reported"). */
function isMainVerb(words: readonly string[], index: number): boolean {
  const before = words.slice(0, index)
  if (before.some((word) => word.endsWith(',') || AUXILIARIES.has(word.toLowerCase()))) return false
  if (FUNCTION_WORDS.has(before.at(-1)!.toLowerCase())) return false
  return !PREPOSITIONS.has(words[index + 1]?.toLowerCase() ?? '')
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'they', 'he', 'she', 'it', 'we'])
const PREPOSITIONS = new Set(['by', 'in', 'on', 'at', 'from', 'with', 'for', 'of', 'into', 'as'])
const FUNCTION_WORDS = new Set([...PREPOSITIONS, 'and', 'or', 'but', 'that', 'which', 'who', 'their', 'his', 'her', 'its', 'our', 'my', 'your'])

/** Words that open a clause or a modifying phrase: what follows them can go. */
const CUT_BEFORE = new Set([
  'and',
  'after',
  'as',
  'in',
  'for',
  'with',
  'amid',
  'while',
  'during',
  'following',
  'at',
  'over',
  'to',
  'which',
  'who',
  'because',
  'since',
])

/** Cut after the last clause or phrase (a comma, "and", "in"…) that keeps the headline within bounds; a hard cut only if none fits. */
function shorten(headline: string): string {
  const words = headline.split(/\s+/).filter(Boolean)
  if (words.length <= MAX_WORDS) return words.join(' ')
  for (let length = MAX_WORDS; length >= MIN_CUT_WORDS; length--) {
    const word = words[length - 1]!
    if (word.endsWith(',') || CUT_BEFORE.has(words[length]!)) return words.slice(0, length).join(' ').replace(/,$/, '')
  }
  const cut = words.slice(0, MAX_WORDS)
  // Never end inside a name ("…endorsed former Vice President Joe") or on a word that needs a next one.
  while (cut.length > MIN_CUT_WORDS && /^\p{Lu}/u.test(cut.at(-1)!) && /^\p{Lu}/u.test(words[cut.length] ?? '')) cut.pop()
  while (cut.length > MIN_CUT_WORDS && FUNCTION_WORDS.has(cut.at(-1)!.toLowerCase())) cut.pop()
  return cut.join(' ').replace(/,$/, '')
}

function capitalize(headline: string): string {
  return headline.charAt(0).toUpperCase() + headline.slice(1)
}
