import { findCountry, findPlaces, isFirstName, type Country, type Place } from '../../../gazetteer'
import { isRoleWord, looksLikePersonName } from './names'
import {
  CALENDAR_WORDS,
  CONNECTORS,
  FUNCTION_WORDS,
  HONORIFICS,
  KNOWN_ORGS,
  NOT_ORG_ACRONYMS,
  ORG_SUFFIXES,
  POSTED_ROLES,
  POSTNOMINALS,
  ROLE_HEADS,
} from './lexicon'
import type { Token } from './tokens'

/** A run of capitalised words in one sentence: tokens[from..to) of that sentence; `facts` once a rule asked (`factsOf`). */
export type Candidate = { tokens: Token[]; from: number; to: number; facts?: CandidateFacts }

/**
 * What a candidate's own words are, worked out the first time a rule asks and then read by every rule of every pass:
 * its name, whether it is shaped as a person's name, whether it opens with a first name, and the gazetteer's answers
 * for the whole name. The vocabulary, strong and weak passes ask these of the same candidates, rule after rule; each
 * asked them of the tokens again (a name cut out of the text, looked up again) before.
 */
export class CandidateFacts {
  private readonly text: string
  private readonly tokens: Token[]
  private knownName: string | undefined = undefined
  private knownPersonShape: boolean | undefined = undefined
  private knownFirstName: boolean | undefined = undefined
  // null: asked, and the gazetteer has no such country.
  private knownCountry: Country | null | undefined = undefined
  private knownPlaces: readonly Place[] | undefined = undefined

  constructor(text: string, tokens: Token[]) {
    this.text = text
    this.tokens = tokens
  }

  /** The text the run covers (`nameOf`). */
  get name(): string {
    return (this.knownName ??= this.text.slice(this.tokens[0]!.start, this.tokens.at(-1)!.end))
  }

  /** `looksLikePersonName` of the whole run. */
  get personShape(): boolean {
    return (this.knownPersonShape ??= looksLikePersonName(this.tokens))
  }

  /** Whether the first word is a first name. */
  get firstName(): boolean {
    return (this.knownFirstName ??= isFirstName(this.tokens[0]!.text))
  }

  /** The country the whole name is. */
  get country(): Country | undefined {
    if (this.knownCountry === undefined) this.knownCountry = findCountry(this.name) ?? null
    return this.knownCountry ?? undefined
  }

  /** The places the gazetteer has of the whole name (`findPlaces`). */
  get places(): readonly Place[] {
    return (this.knownPlaces ??= findPlaces(this.name))
  }
}

/** The candidate's facts, worked out on first asking. */
export function factsOf(reading: { readonly text: string }, candidate: Candidate): CandidateFacts {
  return (candidate.facts ??= new CandidateFacts(reading.text, candidate.tokens))
}

/**
 * Capitalised runs, joined over connectors ("Fitna al Hindustan", "Bank of
 * England") and `&`, cut at punctuation, days and months, function words and
 * line breaks (a heading above its text). Leading function
 * words ("The", "In") go, and so does a capitalised first word of a sentence
 * that `keepInitial` rejects ("Similar attacks…"); it is given the next word of the run
 * and the token that follows in the sentence.
 */
export function findCandidates(sentence: Token[], keepInitial: (token: Token, next: Token | undefined, following: Token | undefined) => boolean): Candidate[] {
  const out: Candidate[] = []
  let index = 0
  while (index < sentence.length) {
    if (!startsName(sentence[index]!)) {
      index++
      continue
    }
    let to = index + 1
    for (;;) {
      const next = sentence[to]
      const possessor = sentence[to - 1]!
      if (possessor.possessive || (next && isPluralApostrophe(possessor, next))) {
        const after = possessor.possessive ? to : to + 1
        const end = GROUP_POSSESSORS.has(possessor.text.toLowerCase()) ? organisationAfter(sentence, after) : after
        if (end === after) break
        to = end
        continue
      }
      if (next && ((next.capital && isFunctionWord(next)) || next.lineStart)) break
      if (next && startsName(next)) to++
      else if (next && joins(sentence, index, to, sentence[to + 1]) && sentence[to + 1] && startsName(sentence[to + 1]!)) to += 2
      else if (
        next &&
        joins(sentence, index, to, sentence[to + 1]) &&
        sentence[to + 1] &&
        CONNECTORS.has(sentence[to + 1]!.text) &&
        sentence[to + 2] &&
        startsName(sentence[to + 2]!)
      )
        to += 3
      else if (next && (isBodyForThe(sentence, to) || isCountryOfThe(sentence, index, to))) to += 3
      else break
    }
    let from = index
    while (
      from < to &&
      (isFunctionWord(sentence[from]!) ||
        (sentence[from]!.initial && !keepInitial(sentence[from]!, from + 1 < to ? sentence[from + 1] : undefined, sentence[from + 1])))
    )
      from++
    while (to > from && !startsName(sentence[to - 1]!)) to--
    // "Judge Durham Hall QC": the honour after a name is no part of it.
    while (to - from > 2 && POSTNOMINALS.has(sentence[to - 1]!.text)) to--
    if (to > from) out.push({ tokens: sentence.slice(from, to), from, to })
    index = Math.max(to, index + 1)
  }
  return out
}

/**
 * "Court of Appeals for the Third Circuit", "League for the Defence of Human Rights": after a word that ends bodies'
 * names, "for the" or "of the" and a capitalised word carry the body's name on.
 */
function isBodyForThe(sentence: Token[], to: number): boolean {
  const joiner = sentence[to]!.text
  const name = sentence[to + 2]
  return (
    (joiner === 'for' || joiner === 'of') &&
    (ORG_SUFFIXES.has(sentence[to - 1]!.text.toLowerCase()) || (joiner === 'for' && isCourtOfForJurisdiction(sentence, to))) &&
    // "Dow Chemical Co of the United States": after a company's legal form, "of the" says where it is.
    !LEGAL_FORMS.has(sentence[to - 1]!.text.toLowerCase()) &&
    sentence[to + 1]?.text === 'the' &&
    Boolean(name && startsName(name))
  )
}

/**
 * "Court of Appeals for the Third Circuit", "Court of Appeals for the D.C. Circuit": a body named by its word before
 * "of" ("Court of Appeals") whose "for the" names the circuit or district it sits for. Only a run of capitalised words
 * ending in a jurisdiction's word carries on, so "Department of Justice for the Trump administration" stays apart.
 */
function isCourtOfForJurisdiction(sentence: Token[], to: number): boolean {
  if (to < 3 || sentence[to - 2]!.text !== 'of' || !ORG_SUFFIXES.has(sentence[to - 3]!.text.toLowerCase())) return false
  for (let at = to + 2; at < sentence.length && at <= to + 4 && startsName(sentence[at]!); at++) {
    if (JURISDICTIONS.has(sentence[at]!.text)) return true
  }
  return false
}

const JURISDICTIONS = new Set(['Circuit', 'District'])

/** "Democratic Republic of the Congo": "of the" inside a country's name, which the run would otherwise end before. */
function isCountryOfThe(sentence: Token[], from: number, to: number): boolean {
  const name = sentence[to + 2]
  if (sentence[to]!.text !== 'of' || sentence[to + 1]?.text !== 'the' || !name || !startsName(name)) return false
  const words = sentence.slice(from, to).map((token) => token.text)
  return Boolean(findCountry(`${words.join(' ')} of the ${name.text}`))
}

/** Groups whose possessive opens an organisation's name ("People's Liberation Army", "Workers' Party"), in lower case. */
const GROUP_POSSESSORS = new Set([
  'people',
  'peoples',
  'workers',
  'women',
  'children',
  'men',
  'farmers',
  'veterans',
  'citizens',
  'students',
  'teachers',
  'journalists',
  'nations',
  'soldiers',
  'martyrs',
  // Offices whose holder's possessive names a body: "Alachua Sheriff's Office", "Attorney General's Office".
  'sheriff',
  'attorney',
  'general',
  'prosecutor',
  'mayor',
  'governor',
  'minister',
  'coroner',
  'auditor',
  'comptroller',
])

/** "Workers'": a plural's apostrophe written as its own mark right after the word. */
function isPluralApostrophe(word: Token, next: Token): boolean {
  return (next.text === "'" || next.text === '’') && next.start === word.end && /s$/.test(word.text)
}

/** Where a run of capitalised words from `from` ends, if it ends in an organisation word ("Protection Units"); else `from`. */
function organisationAfter(sentence: Token[], from: number): number {
  let end = from
  while (end < sentence.length && startsName(sentence[end]!) && !sentence[end]!.lineStart && !sentence[end]!.possessive) end++
  return end > from && ORG_SUFFIXES.has(sentence[end - 1]!.text.toLowerCase()) ? end : from
}

/** A company's legal form ends its name: "Harlow Biotech Inc of Quetta" is a company and its town. */
const LEGAL_FORMS = new Set(['inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'plc', 'llc', 'co', 'co.', 'ag', 'sa', 'spa', 'nv', 'gmbh'])

/** A capitalised word, or an organisation known by a name that starts otherwise ("8chan"). */
function startsName(token: Token): boolean {
  return (token.capital || KNOWN_ORGS.has(token.text)) && !CALENDAR_WORDS.has(token.text.toLowerCase().replace(/\.$/, ''))
}

/**
 * Whether the joiner at `to` links the run sentence[from..to) to the next capitalised word: "Bank of
 * England", "AT&T", "Committee to Protect Journalists", "Ambassador to Portugal", "Maarten van der Velde". Not the "of" after
 * a company's legal form or after a person's name ("Tomas Reyna of Chile"). Looks at the last
 * three words of the run only, so a long run costs no more per joiner.
 */
function joins(sentence: Token[], from: number, to: number, following: Token | undefined): boolean {
  const joiner = sentence[to]!
  const last = sentence[to - 1]!.text.toLowerCase()
  if (joiner.text === '&') return true
  if (!joiner.word || joiner.capital) return false
  if (joiner.text === 'to') return PURPOSE_BODIES.has(last) || POSTED_ROLES.has(last)
  if (joiner.text === 'and') return isOrganisationWithAnd(sentence, from, to)
  if (joiner.text !== 'of') return CONNECTORS.has(joiner.text)
  if (LEGAL_FORMS.has(last)) return false
  const titles = titlesOpening(sentence, from, to)
  return !isPersonBeforeOf(sentence.slice(Math.max(from, to - 3), to), to - from - titles, following, titles > 0)
}

/** How many titles open the run sentence[from..to) ("Professor", "Representative", "Mr."): they are no part of the name after them. */
function titlesOpening(sentence: Token[], from: number, to: number): number {
  let titles = 0
  while (from + titles < to && (isRoleWord(sentence[from + titles]!) || HONORIFICS.has(sentence[from + titles]!.text.toLowerCase()))) titles++
  return titles
}

/**
 * A person named before "of": two or three words ending the run so far ("Council President Ellen Ashdown
 * of Germany"), starting with a first name where they are the whole run after its titles ("Professor Anna Kowalski of
 * Boston University"), or looking like a name and followed by a country ("Nils Lindqvist of Sweden"), or, as the whole
 * run, by a body's acronym ("Sheldon Yett of UNICEF") or, after a title, by any name ("Representative Kweisi Mfume of
 * Maryland": a title says the words after it are a person's, and "of" then says where the person is from or works).
 * `nameLength` is the run's length without the titles opening it.
 */
function isPersonBeforeOf(tail: Token[], nameLength: number, following: Token | undefined, titled: boolean): boolean {
  for (const length of [3, 2]) {
    const name = tail.slice(-length)
    if (name.length < length) continue
    const joined = name.map((token) => token.text).join(' ')
    // "Philippine Institute of …": a name ending in an organisation word is a body, whatever its first word.
    if (findCountry(joined) || findPlaces(joined).length > 0 || ORG_SUFFIXES.has(name.at(-1)!.text.toLowerCase())) continue
    if ((isFirstName(name[0]!.text) && name.length === nameLength) || (looksLikePersonName(name) && following && findCountry(following.text))) return true
    // "Sheldon Yett of UNICEF": a name of its own before a body known by its short name or acronym.
    if (name.length === nameLength && looksLikePersonName(name) && following && (titled || isBodyAcronym(following.text))) return true
  }
  return false
}

/**
 * Whether the "and" at `and` is inside one organisation's name rather than between two names: "Department
 * of Water and Power", "Institute of Geology and Mining" (a body of two fields), "Securities and Markets
 * Authority" (two words before an organisation word). Not where either side names something by itself: a
 * place, a country or a known organisation ("Kalat and Quetta Police", "Ministry of Health and Red Cross",
 * "Bank of England and Barclays").
 */
function isOrganisationWithAnd(sentence: Token[], from: number, and: number): boolean {
  let end = and + 1
  while (
    end < sentence.length &&
    end - and <= 4 &&
    startsName(sentence[end]!) &&
    !sentence[end]!.lineStart &&
    !sentence[end]!.possessive &&
    !isFunctionWord(sentence[end]!)
  )
    end++
  const after = sentence.slice(and + 1, end)
  if (after.length === 0 || after.length > 3) return false
  let start = from
  while (start < and && isFunctionWord(sentence[start]!)) start++
  const before = sentence.slice(start, and)
  if (before.length === 0) return false
  if (isBodyOfTwoPlaces(before, after)) return true
  if (namesSomethingAlone(after)) return false
  const field = before.at(-1)!
  if (namesSomethingAlone([field])) return false
  // "Centers for Disease Control and Prevention", "Department of Emergency Services and Public Protection": after a body's
  // word and its "of" or "for", one to three words of its field, then "and" and more of the field (not a second body, a
  // title or a person: "Ministry of Health and Foreign Ministry", "Department of Justice and John Reyes").
  const bodyOf =
    isBodyOfField(before) &&
    !(after.length > 1 && ORG_SUFFIXES.has(after.at(-1)!.text.toLowerCase())) &&
    // "Center for Biological Diversity and Center for Food Safety": a second body of the same shape.
    !(ORG_SUFFIXES.has(after[0]!.text.toLowerCase().replace(/s$/, '')) && ['of', 'for'].includes(sentence[end]?.text ?? '')) &&
    !after.some((token) => ROLE_HEADS.has(token.text.toLowerCase())) &&
    !isFirstName(after[0]!.text)
  if (before.length > 4 && !bodyOf) return false
  const endsInBody = ORG_SUFFIXES.has(after.at(-1)!.text.toLowerCase()) && before.length <= 2 && !namesSomethingAlone(before)
  // "North Wales Fire and Rescue Service", "National Disaster Risk Reduction and Management Council": two fields of one
  // body, where the words before "and" are no body of their own (not "Kalat Police and Quetta Police").
  const fieldsOfBody =
    ORG_SUFFIXES.has(after.at(-1)!.text.toLowerCase()) &&
    after.length >= 2 &&
    before.length >= 2 &&
    !before.some((token) => ORG_SUFFIXES.has(token.text.toLowerCase()))
  return bodyOf || endsInBody || fieldsOfBody
}

/**
 * "Port Authority of New York and New Jersey", "High Court of England and Wales": a body's word, "of", a place, "and" a
 * second place of the same country is one body of both. Two countries ("the Government of India and Pakistan") or places
 * of two countries are two names, and so is a body's word that opens a second name after the first place.
 */
function isBodyOfTwoPlaces(before: Token[], after: Token[]): boolean {
  for (let length = 1; length <= 2 && length + 2 <= before.length; length++) {
    if (before.at(-length - 1)!.text !== 'of' || !ORG_SUFFIXES.has(before.at(-length - 2)!.text.toLowerCase())) continue
    const first = before.slice(-length)
    return sameCountryPlaces(first, after)
  }
  return false
}

/** Whether both runs are places (no countries) and some country holds a place of each name. */
function sameCountryPlaces(first: Token[], second: Token[]): boolean {
  const name = (tokens: Token[]) => tokens.map((token) => token.text).join(' ')
  if (findCountry(name(first)) || findCountry(name(second))) return false
  const countries = new Set(findPlaces(name(first)).map((place) => place.country))
  return findPlaces(name(second)).some((place) => countries.has(place.country))
}

/** Whether a run ends in an organisation word, "of" or "for", and one to three capitalised words of what the body is for. */
function isBodyOfField(run: Token[]): boolean {
  for (let fields = 1; fields <= 3 && fields + 2 <= run.length; fields++) {
    const body = run.at(-fields - 2)!.text.toLowerCase()
    const joiner = run.at(-fields - 1)!.text
    if ((joiner === 'of' || joiner === 'for') && (ORG_SUFFIXES.has(body) || ORG_SUFFIXES.has(body.replace(/s$/, '')))) {
      return run.slice(-fields).every((token) => token.capital)
    }
  }
  return false
}

/** "UNICEF", "NIAID": capitals only, three letters or more, naming no place ("Texas Department of ..." is no acronym). */
const isBodyAcronym = (word: string) => /^\p{Lu}{3,}$/u.test(word) && !NOT_ORG_ACRONYMS.has(word) && findPlaces(word).length === 0 && !findCountry(word)

/** A place, a country or a known organisation: words that name something without the rest of a run. */
function namesSomethingAlone(tokens: Token[]): boolean {
  const joined = tokens.map((token) => token.text).join(' ')
  return KNOWN_ORGS.has(joined) || Boolean(findCountry(joined)) || findPlaces(joined).length > 0
}

/** Bodies named for what they are for ("Committee to Protect Journalists", "Campaign to Ban Landmines"). */
const PURPOSE_BODIES = new Set([
  'committee',
  'campaign',
  'alliance',
  'coalition',
  'movement',
  'council',
  'foundation',
  'fund',
  'society',
  'association',
  'league',
])

/** A function word, but not "US" in capitals, which names a country. */
function isFunctionWord(token: Token): boolean {
  return FUNCTION_WORDS.has(token.text.toLowerCase()) && !(token.text.length > 1 && token.text === token.text.toUpperCase() && findCountry(token.text))
}
