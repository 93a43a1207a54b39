import { countryOfDemonym } from '../../gazetteer'
import type { EntityMention, MentionIndex } from './mention-index'
import { isOrganisationKind } from './ner/lists'
import type { Entity } from './types'

// How far back from a verb its subject may start: keeps every match on bounded text, so linear overall.
const MAX_REACH = 200

// Lower-case office words that may stand between the start of a clause and a name ("Taliban spokesperson Zabiullah Mujahid"),
// and agent nouns ("Company meteorologist Evan Duffey").
const ROLE_WORD =
  "current|incumbent|outgoing|sitting|caretaker|spokesperson|spokesman|spokeswoman|chairperson|minister|president|chief|leader|official|commander|governor|secretary|director|chairman|chairwoman|head|mayor|senator|envoy|ambassador|general|premier|prime|foreign|interior|defence|defense|deputy|former|state|provincial|police|coach|captain|manager|author|lead|candidate|doctoral|student|researcher|professor|lawyer|attorney|judge|prosecutor|activist|analyst|expert|scientist|doctor|founder|executive|officer|archbishop|bishop|astronomer|biologist|astronaut|actor|singer|player|chair|vice|senior|junior|acting|interim|assistant|associate|managing|elected|newly|longtime|local|regional|national|boss|owner|resident|witness|survivor|victim|member|nurse|pilot|engineer|activist|campaigner|organiser|organizer|[\\p{Ll}]+['’]s|(?!(?:after|under|other|over|whether|however|never|rather|together|either|neither|ever|order|per)\\b)\\p{Ll}{3,}(?:ist|ian|or|er)s?"

// "President and CEO Andy Vesey": "and" between two titles of one person.
const TITLE_AND = 'and(?=\\s+(?:CEO|COO|CFO|Chief|President|Chairman|Chairwoman|Chair|Founder|Co-founder|Director|Executive|Managing|Secretary|General)\\b)'

// "For several days Iran denied", "On Monday the ministry said", "Later on Tuesday Ruiz met": a time phrase opening the sentence without a comma.
const TIME_OPENER =
  '(?:(?:For|On|In|Last|This|Earlier|Later|By|Since|Over)\\s+(?:(?:the|several|a|few|two|three|four|past|last|early|late|on)\\s+){0,2}(?:days?|weeks?|months?|years?|morning|afternoon|evening|night|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\\d{4})\\s+)?'

// "civil and environmental engineering professor": lower-case words of a field, each followed within three words by an
// office word ("professor", "researcher"), so that they describe the office and are not a clause of their own.
const FIELD_WORD = `\\p{Ll}+(?=\\s+(?:[\\p{L}’-]+\\s+){0,3}(?:professor|researcher|scientist|lecturer|engineer|expert|analyst|director|manager|editor|correspondent|officer|official|archbishop|bishop|minister|ambassador|envoy|judge|commander|spokesperson|spokesman|spokeswoman)\\s)`

// "speaker of the parliament Ali Rezai": an office of a body named in lower case.
const OF_A_BODY = 'of\\s+the\\s+\\p{Ll}+'
// "a university student named Wong": the words of a description before "named" or "called", and the word itself.
const NAMED = '\\p{Ll}+(?=\\s+(?:\\p{Ll}+\\s+){0,2}(?:named|called)\\s)|named|called'

// "During the speech Trump claimed", "At the rally Ana Ruiz said": an opening phrase of an event, without a comma.
const EVENT_OPENER = '(?:(?:During|At|After|Following)\\s+(?:the|a|an|his|her|its|their)\\s+\\p{Ll}+\\s+)?'

/** What may come before the subject: up to two opening phrases ended by a comma, an article, capitalised words (titles, affiliations: "Prime Minister of India", "Member of Parliament (MP)", "Ambassador to Portugal"), office words, a body named in lower case after an office ("speaker of the parliament") and a description before "named". */
const PREFIX = new RegExp(
  `^\\s*(?:[^,;]{0,120},\\s+){0,2}${TIME_OPENER}${EVENT_OPENER}(?:(?:the|The|A|a|An|an)\\s+)?(?:(?:[\\p{Lu}][\\p{L}\\p{M}'’.&–-]*|\\([\\p{Lu}\\d&.-]{2,10}\\)|${ROLE_WORD}|government|authorities|${OF_A_BODY}|(?:of|for|to)\\s+the(?=\\s+[\\p{Lu}])|of|for|to|${TITLE_AND}|${FIELD_WORD}|${NAMED})\\s+){0,8}$`,
  'u',
)

/** What may stand between the subject and its verb: honours after a name ("Durham Hall QC"), its acronym in brackets ("Syrian Democratic Forces (SDF)"), "government" after a country, an apposition in commas (not the rest of a list: ", and Iran,"), before or after an affiliation ("X of the University of Essex, speaking to the BBC, said", "X of the conservative Law and Justice Party said"), which may end in a place's region ("X, the mayor of Esperanza, Sultan Kudarat, announced"), a place or affiliation (with its acronym; "of the Center for Food Safety"), a gerund phrase ("in relaying the news to parliament") or one of speaking without commas ("speaking to the Atlantic Council"), adverbs and auxiliaries. */
const SUFFIX =
  /^(?:\s+(?:QC|KC|MP|MEP|OBE|MBE|CBE))?(?:\s+\([\p{Lu}\d&.-]{2,10}\))?(?:['’]s\s+government|\s+government)?(?:\s+(?:in|of|at|for|from)\s+(?:the\s+(?:\p{Ll}+\s+)?)?[\p{Lu}][\p{L}'’-]*(?:\s+(?:(?:of|for|and|on)\s+)?[\p{Lu}][\p{L}'’-]*){0,4}(?:\s+\([\p{Lu}\d&.-]{2,10}\))?)?(?:\s*,(?!\s*(?:and|or)\s)[^,;]{1,140},(?:\s*[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,3},)?|,)?(?:\s+(?:in|of|at|for|from)\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+(?:(?:of|for|and|on)\s+)?[\p{Lu}][\p{L}'’-]*){0,4}(?:\s+\([\p{Lu}\d&.-]{2,10}\))?)?(?:\s+(?:in|while|when|after|before|during)\s+\p{Ll}+ing\b[^,;:.“”"]{0,50})?(?:\s+(?:speaking|writing|talking)\s+(?:to|with|at|on|in)\s+[^,;:.“”"]{1,60}?)?(?:,?\s+(?:\p{Ll}+ly|also|further|has|have|had|was|is|were|are|will|would|been|later|earlier|then|again|already|yesterday|today|on\s+[\p{Lu}]\p{Ll}+|last\s+\p{Ll}+|in\s+a\s+statement))*,?\s*$/u

// Right after a preposition a name is part of someone else's title, and so is an organisation anywhere in a
// phrase that follows one, after an adjective too ("of the opposition Green Party"): "Lead author X of Australia's
// Griffith University", "Prime Minister of India" (but
// the person after it, "Prime Minister of India Narendra Modi", is the subject).
const AFTER_PREPOSITION = /\b(?:of|for|at|from|in|to)\s+(?:[Tt]he\s+)?$/
const IN_A_PHRASE =
  /\b(?:of|for|at|from|in)\s+(?:the\s+)?(?:\p{Ll}+\s+)?(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+\p{Ll}+['’]s\s+)?(?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+){0,6}$/u
// "The government of Burundi announced": the country is the one acting.
const GOVERNMENT_OF = /\b(?:[Tt]he\s+)?(?:government|authorities)\s+of\s+(?:the\s+)?$/

// "cases of what the World Health Organization declared a pandemic", "the claims that Russia denied": a clause opened by
// a relative pronoun or "that" inside a longer sentence; the name right after it is its subject.
const RELATIVE_OPENING = /\s(?:what|which|that|whom)\s+(?:the\s+)?$/

/**
 * The entity that is the grammatical subject of the verb at `verbStart`,
 * looking back no further than `clauseStart`: the last person, organisation
 * or country mention that only titles and capitalised words precede and only
 * an apposition, an affiliation and adverbs separate from the verb. Undefined
 * when the clause does not have that shape: no subject is better than a wrong one.
 */
export function findSubject(text: string, clauseStart: number, verbStart: number, index: MentionIndex): EntityMention | undefined {
  const from = Math.max(clauseStart, verbStart - MAX_REACH)
  let subject: EntityMention | undefined
  for (const mention of index.within(from, verbStart, ['person', 'organization', 'country', 'place'])) {
    const prefix = text.slice(from, mention.start)
    // A place acts only through its government: a territory's or a region's ("The government of Puerto Rico said").
    if (mention.entity.type === 'place' && !GOVERNMENT_OF.test(prefix)) continue
    const inPhrase =
      mention.entity.type === 'person'
        ? AFTER_PREPOSITION.test(prefix)
        : IN_A_PHRASE.test(prefix) && !(mention.entity.type !== 'organization' && GOVERNMENT_OF.test(prefix))
    if ((PREFIX.test(prefix) || RELATIVE_OPENING.test(prefix)) && !inPhrase && SUFFIX.test(text.slice(mention.end, verbStart))) subject = mention
  }
  return subject
}

// A clause's subject, its acronym in brackets and an apposition's comma, then its own verb ("Mike Pompeo posted",
// "Boeing did not release", "the Syrian Democratic Forces (SDF), opposed", "The ministry gave"): a regular past or a
// common irregular one.
const FIRST_VERB =
  /^(?:\s+\([\p{Lu}\d&.-]{2,10}\))?(?:,[^,;"“”]{1,60},)?,?\s+(?:(?:\p{Ll}+ly|also|later|then)\s+)?(?:\p{Ll}+ed|did|does|has|had|was|were|is|are|gave|made|took|sent|wrote|spoke|met|left|held|kept|brought|found|saw|came|went|got|led|began|sought|told|said)\b/u

/**
 * The person, organisation or country a clause opens with, as the subject of
 * the verb that follows it: who a later participle or a second verb joined by
 * "and" belongs to ("US Secretary of State Mike Pompeo posted a message …
 * blaming Iran", "Erdoğan cited Article 5 and said").
 */
export function subjectOfClause(text: string, clauseStart: number, verbStart: number, index: MentionIndex): EntityMention | undefined {
  for (const mention of index.within(Math.max(clauseStart, verbStart - MAX_REACH), verbStart, ['person', 'organization', 'country', 'place'])) {
    if (mention.entity.type === 'place' && !GOVERNMENT_OF.test(text.slice(Math.max(0, mention.start - 30), mention.start))) continue
    const verb = FIRST_VERB.exec(text.slice(mention.end, verbStart))
    if (verb) return findSubject(text, clauseStart, mention.end + verb[0].search(/\p{Ll}+$/u), index)
  }
  return undefined
}

/**
 * "The government said": the country whose government the text last named
 * before `at` ("the government of Burundi", "Burundi's government", "the
 * Burundian government"), looking back no further than 2,000 characters.
 */
export function governmentCountry(text: string, at: number, index: MentionIndex): EntityMention | undefined {
  let found: EntityMention | undefined
  for (const mention of index.within(Math.max(0, at - 2_000), at, ['country'])) {
    const named =
      /\bgovernment\s+of\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, mention.start - 20), mention.start)) ||
      /^(?:['’]s)?\s+government\b/i.test(text.slice(mention.end, mention.end + 14))
    if (named) found = mention
  }
  return found
}

/** The person a sentence opens with ("Sharif Hotak, of the provincial council, described…"): the centre of attention a later "he" most likely means. */
export function findOpeningPerson(text: string, sentenceStart: number, sentenceEnd: number, index: MentionIndex): EntityMention | undefined {
  const first = index.within(sentenceStart, Math.min(sentenceEnd, sentenceStart + MAX_REACH), ['person'])[0]
  return first && PREFIX.test(text.slice(sentenceStart, first.start)) ? first : undefined
}

/** "the archbishop said": the one person whose role has that word, if only one has. */
export function personByRole(roleWords: string, entities: readonly Entity[]): Entity | undefined {
  const head = roleWords.trim().toLowerCase().split(/\s+/).pop()
  if (!head) return undefined
  const holders = entities.filter((entity) => entity.type === 'person' && entity.role?.toLowerCase().split(/\s+/).includes(head))
  return holders.length === 1 ? holders[0] : undefined
}

/** Where the paragraph holding `offset` starts, looking back no further than 2,000 characters. */
export function paragraphStart(text: string, offset: number): number {
  const blankLine = /\n[^\S\n]*\n[^\n]*$/.exec(text.slice(Math.max(0, offset - 2_000), offset))
  return blankLine ? offset - blankLine[0].length + blankLine[0].lastIndexOf('\n') + 1 : Math.max(0, offset - 2_000)
}

/**
 * "the ministry", "the embassy": the one organisation whose name ends in that word, else the one person with that role;
 * "the network", "the company": a kind of organisation the name does not say is the organisation the text names most
 * (at least twice, and more often than any other).
 */
export function holderOf(noun: string, entities: readonly Entity[]): Entity | undefined {
  const head = noun.trim().toLowerCase().split(/\s+/).pop() ?? ''
  const named = namedHolderOf(head, entities)
  if (named !== undefined) return named || undefined
  return isOrganisationKind(head) ? mostNamedOrganisation(entities) : undefined
}

/**
 * "the commission", "the archbishop": the one organisation whose name ends in that word, else the one person with
 * that role. False when several organisations' names end in it (none of them is meant), undefined when none fits.
 */
export function namedHolderOf(noun: string, entities: readonly Entity[]): Entity | false | undefined {
  const head = noun.trim().toLowerCase().split(/\s+/).pop() ?? ''
  const organisations = entities.filter((entity) => entity.type === 'organization' && entity.name.toLowerCase().split(/\s+/).pop() === head)
  if (organisations.length === 1) return organisations[0]
  if (organisations.length > 0) return false
  return personByRole(head, entities)
}

function mostNamedOrganisation(entities: readonly Entity[]): Entity | undefined {
  const [first, second] = entities.filter((entity) => entity.type === 'organization').sort((a, b) => b.mentions.length - a.mentions.length)
  return first && first.mentions.length >= 2 && (!second || second.mentions.length < first.mentions.length) ? first : undefined
}

// Adverbs, auxiliaries and a day between a body and its verb ("The city of Tolosa on Monday announced", "has since declared").
const BODY_TO_VERB = '(?:\\s+(?:\\p{Ll}+ly|also|later|then|since|now|already|has|have|had|on\\s+\\p{Lu}\\p{Ll}+))*\\s+$'
// "The Samoan government declared": a government named by the adjective of its people.
const DEMONYM_GOVERNMENT = new RegExp(`(?:^|[,;]\\s*)[Tt]he\\s+(\\p{Lu}\\p{Ll}+)\\s+government${BODY_TO_VERB}`, 'u')
// "The government announced", "the government has since declared": a government not named by its country.
const BARE_GOVERNMENT = new RegExp(`(?:^|[,;]\\s*)([Tt]he\\s+government)${BODY_TO_VERB}`, 'u')
// "…died of COVID-19, the government announced yesterday.": a verb that ends its sentence names the source of the news
// before it, as "officials said" does, not an act of the government.
const REPORTS_THE_SENTENCE = /^\p{L}+(?:\s+(?:yesterday|today|tonight|on\s+\p{Lu}\p{Ll}+|\p{Ll}+ly))?\s*[.!?]/u
// "The city of Calabasas announced": a town acting as a body; the place named after "of" is the actor.
const TOWN_OF = /(?:^|[,;]\s*)[Tt]he\s+(?:city|town|village|county|municipality|province|state)\s+of\s+$/
const TOWN_TO_VERB = new RegExp(`^${BODY_TO_VERB}`, 'u')

/** The one country a text names, if it names exactly one: a bare "the government" there is that country's (the gold convention). */
function soleCountry(entities: readonly Entity[]): Entity | undefined {
  const countries = entities.filter((entity) => entity.type === 'country')
  return countries.length === 1 ? countries[0] : undefined
}

/**
 * A government named by its people's adjective ("The Samoan government declared": Samoa), a bare "the government" of
 * a text that names one country only ("The government announced" in a report on Belgrade: Serbia), or a town acting as a body
 * ("The city of Calabasas announced": Calabasas), as the subject of the verb at `verbStart`. The country is the
 * entity the text names, else the gazetteer's name for it.
 */
export function governmentOrTown(
  text: string,
  clauseStart: number,
  verbStart: number,
  index: MentionIndex,
  entities: readonly Entity[],
): EntityMention | undefined {
  const before = text.slice(clauseStart, verbStart)
  const demonym = DEMONYM_GOVERNMENT.exec(before)
  const ofPeople = demonym ? countryOfDemonym(demonym[1]!) : undefined
  if (demonym && ofPeople) {
    const start = clauseStart + demonym.index + demonym[0].indexOf(demonym[1]!)
    const entity =
      entities.find((candidate) => candidate.type === 'country' && candidate.name === ofPeople.name) ?? ({ name: ofPeople.name, type: 'country' } as Entity)
    return { entity, start, end: start + demonym[1]!.length }
  }
  const bare = REPORTS_THE_SENTENCE.test(text.slice(verbStart, verbStart + 40)) ? null : BARE_GOVERNMENT.exec(before)
  const country = bare ? soleCountry(entities) : undefined
  if (bare && country) {
    const start = clauseStart + bare.index + bare[0].indexOf(bare[1]!)
    return { entity: country, start, end: start + bare[1]!.length }
  }
  const town = index.within(clauseStart, verbStart, ['place']).pop()
  if (!town || !TOWN_OF.test(text.slice(clauseStart, town.start)) || !TOWN_TO_VERB.test(text.slice(town.end, verbStart))) return undefined
  return town
}

// "former governor Chris Christie, who denounced", "drafted by Ana Ruiz who said": the name right before "who", with
// or without a comma, is the relative clause's subject. "the Supreme Court, which rejected", "China, which claims":
// "which" after an organisation or a country is the same.
const WHO_BEFORE_VERB = /(?:,\s+|\s+)(who|which)\s+(?:(?:\p{Ll}+ly|also|later|then|has|have|had|now|since)\s+)*$/u

/** The subject of a verb in a relative clause: the person or body named right before its "who" or "which". */
export function relativeSubject(text: string, clauseFrom: number, verbStart: number, index: MentionIndex): EntityMention | undefined {
  const who = WHO_BEFORE_VERB.exec(text.slice(Math.max(clauseFrom, verbStart - 40), verbStart))
  if (!who) return undefined
  const nameEnd = verbStart - who[0].length
  const named = index.within(Math.max(0, nameEnd - 80), nameEnd, who[1] === 'which' ? ['organization', 'country'] : ['person', 'organization']).at(-1)
  if (!named || named.end !== nameEnd) return undefined
  // "a niece of … Christine O'Donnell, who claimed": after "of" the name belongs to another noun, which "who" means.
  return /\bof\s+(?:[^,;]{0,60}\s)?$/.test(text.slice(Math.max(clauseFrom, named.start - 80), named.start)) ? undefined : named
}
