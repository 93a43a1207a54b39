import { type EntityMention, MentionIndex } from './mention-index'
import { findOpeningPerson, findSubject, governmentOrTown, holderOf, paragraphStart, relativeSubject, subjectOfClause } from './subject'
import type { Entity, Statement } from './types'
import type { Span } from '../../text/span'
import { matchesOf } from '../../text/matches'

/** Verbs of condemnation, accusation, denial, claim and announcement, in the forms news uses for a past or present act. */
const STATEMENT_VERB =
  /\b(?:condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|deplor(?:ed|es)|decri(?:ed|es)|criticis(?:ed|es|ing)|criticiz(?:ed|es|ing)|slam(?:med|s)(?!\s+(?:into|onto|on|against|through|shut|down))|lambast(?:ed|s)|censur(?:ed|es)|blam(?:ed|es|ing|e(?=\s+(?:him|her|them|it|the\s|[A-Z])))|accus(?:ed|es|ing)|alleg(?:ed|es|ing)|attribut(?:ed|es)|den(?:ied|ies|ying)|reject(?:ed|s|ing)|refut(?:ed|es)|claim(?:ed|s|ing)|announc(?:ed|es|ing)|declar(?:ed|es)|dismiss(?:ed|es)(?!\s+(?:from|as)\b))\b/g
// Words between the verb and its object that are not the object.
// "declared tomorrow a day of mourning": a day between the verb and its object is no object.
const SKIP_BEFORE_OBJECT =
  /^\s+(?:(?:strongly|firmly|again|also|publicly|formally|officially|on\s+[\p{Lu}]\p{Ll}+|tomorrow|today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+)*/u
// The object phrase ends at a preposition, conjunction, clause or punctuation.
const OBJECT_END = /[,.;:!?"“”()]|\s(?:for|of|in|on|at|as|after|before|over|with|by|and|but|while|that|which|who|to|during|from|saying|amid)\s/
const FINITE_VERB = /\b(?:would|will|was|were|is|are|had|has|have|could|can|should|may|might|did|does)\b/
// A phrase opening with a preposition or a participle ("announced investigating itself") is no object.
const NOT_AN_OBJECT = /^(?:in|on|at|during|after|before|with|from|by|as)\b|^\p{Ll}+ing\b/u
// Verbs whose object, even as the subject of a clause, is who the statement is against.
const ACCUSATION = /^(?:condemn|denounc|deplor|criticis|criticiz|blam|accus|alleg|attribut|reject|dismiss)/
const PASSIVE_AUXILIARY = /\b(?:was|were|is|are|been|being)\s+(?:(?:\p{Ll}+ly|later|also|then|not|never)\s+)?$/u
// "this" alone is a pronoun, and so is "this" before a time or a verb; "this change" is an object.
const CLAUSE_OBJECT =
  /^(?:that|to|\d|it\b|its\b|they\b|he\b|she\b|this\b(?!\s+(?!(?:week|month|year|morning|afternoon|evening|weekend|time|is|was|has|had|would|will|could|may|might|on|in|at|by|for|with|to|as|and|but|or|after|before|during|from|because)\b)\p{Ll}+\b))/u

/**
 * Condemnations, accusations, denials, claims and announcements: the actor is
 * the entity that is the verb's subject (canonical name), the target the
 * entity or phrase the verb acts on when there is one ("blamed India",
 * "claimed responsibility"). A verb whose subject is not a named entity gives
 * no statement.
 */
export function extractStatements(text: string, sentences: Span[], entities: Entity[]): Statement[] {
  const index = new MentionIndex(entities)
  const statements: Statement[] = []
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end)
    let previous: Statement | undefined
    for (const match of matchesOf(body, STATEMENT_VERB)) {
      const verbStart = sentence.start + match.index
      const verbEnd = verbStart + match[0].length
      const verb = match[0].toLowerCase()
      // "claimed about 3000 lives", "claimed the life of": deaths, not a claim.
      if (verb.startsWith('claim') && LIVES_AFTER.test(text.slice(verbEnd, verbEnd + 60))) continue
      const start = clauseStart(text, sentence.start, verbStart)
      const participle = match[0].endsWith('ing')
      // ", accusing it of …": a participle after a comma shares the subject of the statement before it.
      const sharesPrevious = participle && previous && /,\s*(?:\p{Ll}+ly\s+)?$/u.test(text.slice(previous.end, verbStart))
      // "posted a message on Twitter blaming Iran": an accusing participle is the act of the clause's subject; so is any
      // statement participle after a comma ("X testified, claiming …", "X, denying the claim, …": the lead's convention).
      const afterComma = participle && !sharesPrevious && /,\s*(?:\p{Ll}+ly\s+)?$/u.test(text.slice(Math.max(start, verbStart - 16), verbStart))
      const clauseActor =
        participle && !sharesPrevious && (ACCUSATION.test(verb) || afterComma)
          ? (subjectOfClause(text, start, verbStart, index) ?? (afterComma ? namedRightBefore(text, verbStart, index) : undefined))
          : undefined
      if (participle && !sharesPrevious && !clauseActor) continue
      const auxiliary = PASSIVE_AUXILIARY.exec(text.slice(Math.max(start, verbStart - 24), verbStart))
      // "was dismissed" is more often a firing than a rejection.
      if (auxiliary && verb.startsWith('dismiss')) continue
      const included = participle || auxiliary ? [] : includedActors(text, start, verbStart, index)
      const joinedStarts = participle || auxiliary ? [] : andClauseStarts(text, start, verbStart, index)
      const pair =
        participle || auxiliary || included.length > 0
          ? undefined
          : (jointSubjects(text, start, verbStart, index) ?? firstOf(joinedStarts, (from) => jointSubjects(text, from, verbStart, index)))
      const agents = auxiliary ? passiveActors(text, verbEnd, sentence.end, index) : []
      const actor = included.length
        ? included[0]
        : participle
          ? (clauseActor ?? { entity: { name: previous!.actor }, start: previous!.start, end: previous!.end })
          : auxiliary
            ? agents[0]
            : (findSubject(text, start, verbStart, index) ??
              firstOf(joinedStarts, (from) => findSubject(text, from, verbStart, index)) ??
              relativeSubject(text, start, verbStart, index) ??
              subjectBeforeBut(text, sentence.start, start, verbStart, index) ??
              unnamedSubject({ text, sentenceStart: sentence.start, from: start, index, entities }, verbStart) ??
              coordinatedActor(text, previous, verbStart) ??
              joinedToOpening({ text, sentenceStart: sentence.start, from: start, index, entities }, verbStart) ??
              governmentOrTown(text, start, verbStart, index, entities) ??
              leaderWithFollowers(text, start, verbStart, index) ??
              groupOfPerson(text, start, verbStart, index) ??
              groupSubject(text, start, verbStart))
      const subject = pair?.[1] ?? actor
      if (!subject) continue
      const found = auxiliary
        ? (passiveTarget(text, start, verbStart - auxiliary[0].length, index) ?? sharedPassiveTarget(text, start, verbStart - auxiliary[0].length, index))
        : (findTarget(text, verbEnd, sentence.end, index, verb) ?? (participle ? pronounTarget(text, verbEnd, previous) : undefined))
      const target = found && /^(?:him|her)$/i.test(found.name) ? (personBefore(index, sentence.start, verbStart, subject.entity.name) ?? found) : found
      // "Tesco and Salling Group announced", "was condemned by the European Union and Germany": one statement for each.
      const others = pair ? [pair[0]] : included.length ? included.slice(1) : agents.slice(1)
      for (const other of others) {
        if (other.entity === subject.entity) continue
        statements.push({
          actor: other.entity.name,
          verb,
          ...(target ? { target: target.name } : {}),
          start: Math.min(other.start, verbStart, target?.start ?? verbStart),
          end: Math.max(verbEnd, target?.end ?? verbEnd),
        })
      }
      previous = {
        actor: subject.entity.name,
        verb,
        ...(target ? { target: target.name } : {}),
        start: Math.min(subject.start, verbStart, target?.start ?? verbStart),
        end: Math.max(verbEnd, subject.end, target?.end ?? verbEnd),
      }
      statements.push(previous)
    }
    blamedAsBehind(text, sentence, index, statements)
  }
  for (const sentence of sentences) nominalStatements(text, sentence, index, statements)
  return withoutRepeats(statements.sort((a, b) => a.start - b.start))
}

/** "Giuliani, claiming to represent …": the person or body named right before the comma of a participle. */
function namedRightBefore(text: string, verbStart: number, index: MentionIndex): EntityMention | undefined {
  const comma = text.lastIndexOf(',', verbStart)
  const mention = index.within(Math.max(0, comma - 80), comma, ['person', 'organization', 'country']).at(-1)
  return mention && /^\s*$/.test(text.slice(mention.end, comma)) ? mention : undefined
}

const LIVES_AFTER = /^\s+(?:[\p{L}\p{N},.-]+\s+){0,3}?(?:lives|life)\b(?!\s+(?:were|was|had|have|are|would|could|will)\b)/u

/**
 * One act told again ("Trump declared a state of emergency … He declared a state of emergency the same day") is one
 * statement: the same actor, verb and target. Without a target two mentions may be two acts, and both stay.
 */
function withoutRepeats(statements: Statement[]): Statement[] {
  const seen = new Set<string>()
  return statements.filter((statement) => {
    if (!statement.target) return true
    const key = `${statement.actor.toLowerCase()}|${verbRoot(statement.verb)}|${statement.target.toLowerCase().replace(/^(?:a|an|the)\s+/, '')}`
    return !seen.has(key) && !!seen.add(key)
  })
}

/** "declared", "declares" and "declaring" as one verb. */
function verbRoot(verb: string): string {
  return verb.replace(/(?:ing|ied|ies|ed|es|s)$/, '')
}

// Groups that act in news without a name, opening their clause: "Police announced", "On Tuesday, officials announced", "Protesters have claimed".
const GROUP_SUBJECT =
  /^\s*(?:[^,;]{0,60},\s+)?((?:[Tt]he\s+|[Ss]ome\s+|[Ss]everal\s+|[Mm]any\s+|[Aa]\s+number\s+of\s+|[Dd]ozens\s+of\s+)?(?:[Ss]enators|[Ll]awmakers|[Ll]egislators|MPs|[Cc]ritics|[Aa]ctivists|[Oo]pponents|[Pp]olice|[Oo]fficials|[Aa]uthorities|[Pp]rosecutors|[Ii]nvestigators|[Pp]rotesters|[Dd]emonstrators|[Rr]esidents|[Ww]itnesses|[Dd]octors|[Rr]escuers|(?:[\p{Lu}]\p{Ll}+\s+)?(?:firms|companies)|[Mm]embers\s+of\s+(?:the\s+)?(?:\p{Ll}+\s+){0,2}(?:parties|party|parliament|the\s+public)))\s+(?:(?:\p{Ll}+ly|also|later|then|have|has|had|again)\s+)*$/u

// "…, and the National Emergency Operation Centre (NEOC) announced", "… in the House and both Mugabe and Tsvangirai
// claimed": where a clause joined by "and" opens, after another clause with a subject of its own.
const AND_CLAUSE = /(?:,\s+and|\sand(?=\s+both\s))\s+/g

/**
 * Where each clause joined by "and" between `clauseFrom` and the verb starts, nearest the verb last. A name right before
 * ", and" ends a list ("Deutsche Telekom, Daimler, and Siemens have announced"), not a clause.
 */
function andClauseStarts(text: string, clauseFrom: number, verbStart: number, index: MentionIndex): number[] {
  if (verbStart - clauseFrom > 200) return []
  const starts: number[] = []
  for (const match of matchesOf(text.slice(clauseFrom, verbStart), AND_CLAUSE)) {
    const at = clauseFrom + match.index
    if (match[0].startsWith(',') && index.within(Math.max(clauseFrom, at - 80), at).some((mention) => mention.end === at)) continue
    starts.push(at + match[0].length)
  }
  return starts
}

function firstOf<T>(starts: number[], find: (from: number) => T | undefined): T | undefined {
  for (const from of starts) {
    const found = find(from)
    if (found) return found
  }
  return undefined
}

/** "Trump said that … but denied that …": a verb right after "but" shares the subject of the clause before it. */
function subjectBeforeBut(text: string, sentenceStart: number, clauseFrom: number, verbStart: number, index: MentionIndex): EntityMention | undefined {
  if (!/^\s*(?:(?:\p{Ll}+ly|also|later|then)\s+)?$/u.test(text.slice(clauseFrom, verbStart))) return undefined
  if (!/\sbut\s$/.test(text.slice(Math.max(sentenceStart, clauseFrom - 5), clauseFrom))) return undefined
  return subjectOfClause(text, sentenceStart, clauseFrom, index)
}

// "Other countries, including the United States, the European Union, and Iran, have denounced": a plural noun, then
// the named members of the group after "including", "such as" or "which include", then the verb; with or without the
// comma before "including" ("German firms including Deutsche Bahn … have announced": the members act, as the
// conventions in docs/facts-eval.md say).
const INCLUDED_LIST =
  /(?:^|[,;]\s+)(?:\p{L}[\p{L}-]*\s+){0,3}?\p{Ll}+s,?\s+(?:including|such\s+as|(?:which|who)\s+include)\s+([^;:"“”]+?),?\s+(?:(?:\p{Ll}+ly|also|have|has|had)\s+)*$/u

/** The named members of a group subject ("Other countries, including X, Y and Z, denounced"): each is an actor. */
function includedActors(text: string, clauseFrom: number, verbStart: number, index: MentionIndex): EntityMention[] {
  if (verbStart - clauseFrom > 200) return []
  const before = text.slice(clauseFrom, verbStart)
  const list = INCLUDED_LIST.exec(before)
  if (!list) return []
  const listStart = clauseFrom + list.index + list[0].indexOf(list[1]!, list[0].search(/\s(?:including|such\s+as|include)\s/))
  return index.within(listStart, listStart + list[1]!.length, ['person', 'organization', 'country'])
}

/** A group named by a common noun as the verb's subject, when no entity is; the actor is the noun as written, without its article. */
function groupSubject(text: string, clauseFrom: number, verbStart: number): EntityMention | undefined {
  if (verbStart - clauseFrom > 120) return undefined
  const before = text.slice(clauseFrom, verbStart)
  const group = GROUP_SUBJECT.exec(before)
  if (!group) return undefined
  const start = verbStart - before.length + group.index + group[0].indexOf(group[1]!)
  return {
    entity: { name: group[1]!.replace(/^(?:the|some|several|many|a\s+number\s+of|dozens\s+of)\s+/i, '') } as Entity,
    start,
    end: start + group[1]!.length,
  }
}

// "Trump and his supporters claimed": followers named by their relation to the one person who leads them.
const FOLLOWERS =
  /^\s+and\s+(?:his|her|their)\s+(?:\p{Ll}+\s+)?(?:supporters|allies|followers|aides|lawyers|advisers|advisors|team)\s+(?:(?:\p{Ll}+ly|also|later|then|have|has|had)\s+)*$/u

/** "Trump and his supporters claimed": the person named first is the actor. */
function leaderWithFollowers(text: string, clauseFrom: number, verbStart: number, index: MentionIndex): EntityMention | undefined {
  const leader = index.within(clauseFrom, verbStart, ['person']).pop()
  if (!leader || !FOLLOWERS.test(text.slice(leader.end, verbStart))) return undefined
  return findSubject(text, clauseFrom, leader.end, index)
}

// "The Biden campaign criticized": a campaign or an administration named after the person who leads it.
const GROUP_OF_PERSON = /(?:^|[,;]\s*)[Tt]he\s+([\p{Lu}][\p{L}'’-]+)\s+(campaign|administration)\s+(?:(?:\p{Ll}+ly|also|later|then|has|have|had)\s+)*$/u

/** "The Biden campaign criticized": the group, named as the text does after a person it names ("Biden campaign"). */
function groupOfPerson(text: string, clauseFrom: number, verbStart: number, index: MentionIndex): EntityMention | undefined {
  const before = text.slice(clauseFrom, verbStart)
  const group = GROUP_OF_PERSON.exec(before)
  if (!group) return undefined
  const start = clauseFrom + group.index + group[0].indexOf(group[1]!)
  const person = index.within(start, start + group[1]!.length, ['person'])[0]
  if (!person || person.end !== start + group[1]!.length) return undefined
  const name = `${group[1]} ${group[2]}`
  return { entity: { name, type: 'organization' } as Entity, start, end: start + name.length }
}

// "announced his death and announced the cause": a second verb joined by "and" shares the first one's subject.
const COORDINATED = /^[^,;:"“”]{0,60}?\s(?:and|and\s+then|then)\s+(?:also\s+|later\s+)?$/

function coordinatedActor(text: string, previous: Statement | undefined, verbStart: number): EntityMention | undefined {
  if (!previous || previous.end > verbStart || !COORDINATED.test(text.slice(previous.end, verbStart))) return undefined
  return { entity: { name: previous.actor } as Entity, start: previous.start, end: previous.end }
}

/** A clause of one sentence, from where it starts, with what the subject finders read: the entities and their mentions. */
type Clause = { text: string; sentenceStart: number; from: number; index: MentionIndex; entities: readonly Entity[] }

// ", and claimed", ", and has claimed": a verb joined to the clause's first one.
const JOINED = /,?\s+and\s+(?:also\s+|later\s+|then\s+|has\s+|have\s+|had\s+)?$/
// "It cited …", "The president has not yet conceded …": a pronoun or an office opening the clause, before its verb.
const OPENING_PRONOUN = /^\s*(?:It|He|She|The\s+\p{Ll}+)\s+(?:\p{Ll}+ly\s+)?(?=\p{Ll}+ed\b|did\b|does\b|has\b|had\b|was\b|is\b)/u

/**
 * "It cited the Air Force …, and claimed a sixteenth death", "The president has not yet conceded …, and has claimed
 * …": the subject of the clause's first verb, named, a pronoun or an office.
 */
function joinedToOpening(clause: Clause, verbStart: number): EntityMention | undefined {
  const { text, from, index } = clause
  if (!JOINED.test(text.slice(Math.max(from, verbStart - 20), verbStart))) return undefined
  const opening = OPENING_PRONOUN.exec(text.slice(from, verbStart))
  return opening ? unnamedSubject(clause, from + opening[0].length) : subjectOfClause(text, from, verbStart, index)
}

// "He denied…", "which he denied", "It claimed…", "The ministry condemned…": a subject that names no one, between the clause start and the verb.
const PRONOUN_SUBJECT = /^\s*(?:which\s+|what\s+|where\s+|when\s+)?(He|She|he|she|It|it)\s+(?:(?:\p{Ll}+ly|also|later|then|has|have|had|again)\s+)*$/u
const DEFINITE_SUBJECT = /^\s*(?:the|The)\s+(\p{Ll}+(?:\s+\p{Ll}+)??)\s+(?:(?:\p{Ll}+ly|also|later|then|has|have|had|again)\s+)*$/u

/**
 * The entity an unnamed subject stands for: "he" or "she" is the person the
 * sentence opens with, else the one person the paragraph names before it;
 * "it" the one organisation the paragraph names before it; "the ministry" the one organisation whose
 * name ends in that word, or the one person with that role. The span is the
 * pronoun's or the phrase's.
 */
function unnamedSubject({ text, sentenceStart, from: clauseFrom, index, entities }: Clause, verbStart: number): EntityMention | undefined {
  const before = text.slice(clauseFrom, verbStart)
  // ", which he denied": the pronoun opens the relative clause after the last comma.
  const comma = /,\s*(?:which|what|where|when)\s[^,]*$/.exec(before)
  const pronoun = PRONOUN_SUBJECT.exec(comma ? before.slice(comma.index + 1) : before)
  if (pronoun) {
    const at = clauseFrom + (comma ? comma.index + 1 : 0) + pronoun.index + pronoun[0].search(/\b(?:he|she|it)\b/i)
    // "it": the one organisation the paragraph names before it. "he"/"she": the person the sentence opens with, else the one person the paragraph names.
    const thing = /^it$/i.test(pronoun[1]!)
    const opening = thing ? undefined : findOpeningPerson(text, sentenceStart, at, index)
    const people = index.within(paragraphStart(text, at), at, [thing ? 'organization' : 'person'])
    const entity = opening?.entity ?? (new Set(people.map((mention) => mention.entity)).size === 1 ? people[0]!.entity : undefined)
    return entity ? { entity, start: at, end: at + pronoun[1]!.length } : undefined
  }
  const definite = DEFINITE_SUBJECT.exec(before)
  const holder = definite ? holderOf(definite[1]!, entities) : undefined
  if (!definite || !holder) return undefined
  const at = clauseFrom + before.length - before.trimStart().length
  return { entity: holder, start: at, end: at + /^\S+\s+/.exec(before.trimStart())![0].length + definite[1]!.length }
}

/**
 * "lashed out at the mayor Ana Ruiz, accusing her of …": "him" or "her" stands for the last person the sentence
 * names before the verb, other than the actor.
 */
function personBefore(index: MentionIndex, sentenceStart: number, verbStart: number, actor: string): { name: string; start: number; end: number } | undefined {
  const person = index
    .within(sentenceStart, verbStart, ['person'])
    .filter((mention) => mention.entity.name !== actor)
    .pop()
  return person ? { name: person.entity.name, start: person.start, end: person.end } : undefined
}

/** "accusing it of …" after "blamed India": the pronoun stands for the target before it. */
function pronounTarget(text: string, verbEnd: number, previous: Statement | undefined): { name: string; start: number; end: number } | undefined {
  const pronoun = /^\s+(?:it|them)\b/.exec(text.slice(verbEnd, verbEnd + 8))
  return pronoun && previous?.target ? { name: previous.target, start: verbEnd, end: verbEnd + pronoun[0].length } : undefined
}

/** "The attack was condemned by Pakistan": what the passive's subject names, an entity or a short phrase. */
function passiveTarget(
  text: string,
  clauseFrom: number,
  auxiliaryStart: number,
  index: MentionIndex,
): { name: string; start: number; end: number } | undefined {
  const subject = findSubject(text, clauseFrom, auxiliaryStart, index)
  if (subject) return { name: subject.entity.name, start: subject.start, end: subject.end }
  // "The claim has been denied": the auxiliaries before "been" are not part of what was denied.
  const phrase = text.slice(clauseFrom, auxiliaryStart).replace(/(?:\s+(?:has|have|had|will|would|may|might|could|should))+\s*$/, ' ')
  const lead = /^[\s,]*/.exec(phrase)![0].length
  const words = phrase.trim().split(/\s+/)
  if (
    words.length > 6 ||
    !/^[\p{L}]/u.test(phrase.slice(lead)) ||
    /[,;:()"“”]/.test(phrase.slice(lead)) ||
    /^(?:it|he|she|they|this|that|who|which)$/i.test(words[0]!)
  )
    return undefined
  return { name: phrase.trim(), start: clauseFrom + lead, end: clauseFrom + lead + phrase.trim().length }
}

/**
 * "Turkey is under sanctions, and was condemned by Egypt": a passive verb joined by "and" to the clause's first verb is
 * said of that clause's subject.
 */
function sharedPassiveTarget(
  text: string,
  clauseFrom: number,
  auxiliaryStart: number,
  index: MentionIndex,
): { name: string; start: number; end: number } | undefined {
  if (!/,?\s+and\s+$/.test(text.slice(Math.max(clauseFrom, auxiliaryStart - 8), auxiliaryStart))) return undefined
  const subject = subjectOfClause(text, clauseFrom, auxiliaryStart, index)
  return subject ? { name: subject.entity.name, start: subject.start, end: subject.end } : undefined
}

// "X said India was behind the attacks": an accusation made in reported speech; the verb is the one the text uses.
const SAID_BEHIND = /\b(?:said|says|stated|claimed|believes|believed)\s+(?:that\s+)?/g
const BEHIND = /^\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:\p{Ll}+ly\s+)?(?:behind|responsible\s+for)\b/u

function blamedAsBehind(text: string, sentence: Span, index: MentionIndex, out: Statement[]): void {
  const body = text.slice(sentence.start, sentence.end)
  for (const match of matchesOf(body, SAID_BEHIND)) {
    const verbStart = sentence.start + match.index
    const objectStart = verbStart + match[0].length
    const target = index.within(objectStart, Math.min(sentence.end, objectStart + 80), ['person', 'organization', 'country'])[0]
    if (!target || !/^(?:the\s+)?$/i.test(text.slice(objectStart, target.start))) continue
    const behind = BEHIND.exec(text.slice(target.end, target.end + 60))
    if (!behind) continue
    const actor = findSubject(text, clauseStart(text, sentence.start, verbStart), verbStart, index)
    if (!actor || actor.entity === target.entity) continue
    out.push({
      actor: actor.entity.name,
      verb: match[0].trim().split(/\s/)[0]!.toLowerCase(),
      target: target.entity.name,
      start: actor.start,
      end: target.end + behind[0].length,
    })
  }
}

// "Statements of condemnation have come from X, Y, and Z": the act named by a noun, then who it came from.
const NOMINAL = /\b(condemnation|criticism|denials?|accusations?)\b[^.;:]{0,40}?\b(?:came|come|has come|have come|poured in)\s+from\s+/gi
const NOMINAL_VERBS: Record<string, string> = {
  condemnation: 'condemned',
  criticism: 'criticised',
  denial: 'denied',
  denials: 'denied',
  accusation: 'accused',
  accusations: 'accused',
}

/** One statement for each named source in the list that follows "… of condemnation have come from". */
function nominalStatements(text: string, sentence: Span, index: MentionIndex, out: Statement[]): void {
  const body = text.slice(sentence.start, sentence.end)
  for (const match of matchesOf(body, NOMINAL)) {
    const verb = NOMINAL_VERBS[match[1]!.toLowerCase()]!
    const listStart = sentence.start + match.index + match[0].length
    const list = text.slice(listStart, sentence.end)
    let itemStart = listStart
    for (const item of list.split(/,\s*(?:and\s+)?|\s+and\s+/)) {
      const from = text.indexOf(item, itemStart)
      itemStart = from + item.length
      // "a spokesperson for President X" is the spokesperson's statement, not X's.
      if (/^(?:a|an|the)\s+\p{Ll}/u.test(item)) continue
      const mentions = index.within(from, from + item.length, ['person', 'organization', 'country'])
      const actor = mentions.filter((mention) => mention.entity.type === 'person').pop() ?? (mentions[0]?.start === from ? mentions[0] : undefined)
      if (actor) out.push({ actor: actor.entity.name, verb, start: sentence.start + match.index, end: actor.end })
    }
  }
}

/** A subject never reaches back over a quotation mark, a semicolon, a colon (a dateline) or a clause conjunction. */
function clauseStart(text: string, sentenceStart: number, verbStart: number): number {
  const from = Math.max(sentenceStart, verbStart - 200)
  const before = text.slice(from, verbStart)
  let start = from
  // ", and he accused": a pronoun after "and" opens a clause of its own.
  for (const match of matchesOf(before, /["“”;:]|\s(?:while|but|whereas|after|before|because|although|though)\s|,\s+and\s+(?=(?:he|she|it)\s)/g))
    start = from + match.index + match[0].length
  return start
}

// Between two agents of one passive verb: "and", a comma, "as well as", an article.
const AGENT_LIST = /^\s*(?:,\s*)?(?:and|as\s+well\s+as|,)\s+(?:the\s+)?$/

/**
 * "was announced by his son Abhijit Mukherjee": the person (else organisation) named in the by-phrase; "was condemned
 * by the European Union, Canada and Germany": each of the names listed there, the first one first.
 */
function passiveActors(text: string, verbEnd: number, sentenceEnd: number, index: MentionIndex): EntityMention[] {
  // "was announced to be a pandemic by the WHO": the agent after what the subject was declared to be; "was condemned in
  // a joint statement by Egypt", "was denied on Monday by the ministry": after a short phrase of where or when.
  const by = /^\s+(?:to\s+be\s+[^,.;:()]{1,40}?\s+|(?:in|on|at|during)\s+(?:[\p{L}\p{N}'’-]+\s+){1,4}?)?by\s+/u.exec(text.slice(verbEnd, verbEnd + 80))
  if (!by) return []
  const from = verbEnd + by[0].length
  const rest = text.slice(from, Math.min(sentenceEnd, from + 160))
  // A list of agents may hold commas before names; one agent's phrase ends at the first comma.
  const listEnd = from + (/[.;:!?]|,(?!\s*(?:and\s+)?(?:the\s+)?[\p{Lu}])|\s(?:on|in|at|after|for|who|which)\s/u.exec(rest)?.index ?? rest.length)
  const listed = index.within(from, listEnd, ['person', 'organization', 'country'])
  const separators = listed.slice(1).map((mention, i) => text.slice(listed[i]!.end, mention.start))
  // A list ends in "and" ("by Irma Tchkadua, Basilashvili's lawyer" is one agent and an apposition).
  if (
    listed.length > 1 &&
    /^(?:the\s+)?$/i.test(text.slice(from, listed[0]!.start)) &&
    separators.every((between) => AGENT_LIST.test(between)) &&
    /\b(?:and|as\s+well\s+as)\s/.test(separators.at(-1)!)
  )
    return listed
  const to = from + (/[,.;:!?]|\s(?:on|in|at|after|for|who|which)\s/.exec(rest)?.index ?? rest.length)
  const mentions = index.within(from, to, ['person', 'organization', 'country'])
  const agent = mentions.filter((mention) => mention.entity.type === 'person').pop() ?? mentions[0]
  return agent ? [agent] : []
}

// What follows an owner's name up to the end of the object: "'s decision", "'s refusal", " legal team's claims" (a name
// describing the owner: "the Trump legal team's claims" are the team's claims, not Trump).
const POSSESSED = /^(?:\s+\p{Ll}+){0,2}['’]s\s+((?:\p{Ll}[\p{Ll}-]*\s+){0,2}\p{Ll}[\p{Ll}-]*)\s*$/u

/** The entity or short phrase the verb acts on; for "attributed the bombing to Houthi rebels", what follows "to". */
function findTarget(
  text: string,
  verbEnd: number,
  sentenceEnd: number,
  index: MentionIndex,
  verb: string,
): { name: string; start: number; end: number } | undefined {
  const afterTo = verb.startsWith('attribut')
  const accusation = ACCUSATION.test(verb)
  const window = text.slice(verbEnd, Math.min(sentenceEnd, verbEnd + 160))
  const to = afterTo ? /\sto\s/.exec(window) : undefined
  if (afterTo && !to) return undefined
  const skipped = to ? to.index + to[0].length : (SKIP_BEFORE_OBJECT.exec(window)?.[0].length ?? 0)
  const objectStart = verbEnd + skipped
  const rest = text.slice(objectStart, verbEnd + window.length)
  if (CLAUSE_OBJECT.test(rest)) return undefined
  let phraseEnd = objectStart + (OBJECT_END.exec(rest)?.index ?? rest.length)
  // "declared a state of emergency", "announced the end of his campaign": an "of" and one noun belong to the object.
  const ofPhrase = /^\s+of\s+(?:(?:the|a|an|his|her|its|their)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+(?=[,.;:!?]))?/u.exec(text.slice(phraseEnd, verbEnd + window.length))
  if (ofPhrase && text.slice(objectStart, phraseEnd).trim().split(/\s+/).length <= 3) phraseEnd += ofPhrase[0].length
  let phrase = text.slice(objectStart, phraseEnd).trim()
  const finite = FINITE_VERB.exec(phrase)
  // What an announcement or a claim says is a clause ("declared flags would be flown", "claimed Democrats pushed
  // Biden out", "announced Avenatti would…"): no target. What an accusation is about is the clause's subject
  // ("alleged the central government are hiding…").
  const clause = rest.slice(0, /[,.;:!?]|\s(?:that|which|who|when|after|before|because|if|so|while)\s/.exec(rest)?.index ?? rest.length)
  if (!accusation && (FINITE_VERB.test(clause) || /\s\p{Ll}+ed\b/u.test(phrase))) return undefined
  const mention = index.within(objectStart, phraseEnd)[0]
  if (mention && /^(?:the\s+)?$/i.test(text.slice(objectStart, mention.start))) {
    // "criticized the House's decision": the act is what is criticised, its owner only names whose it is.
    const owned = POSSESSED.exec(text.slice(mention.end, phraseEnd))
    if (owned) return { name: owned[1]!, start: phraseEnd - owned[1]!.length, end: phraseEnd }
    return { name: mention.entity.name, start: mention.start, end: mention.end }
  }
  if (finite) phrase = phrase.slice(0, finite.index).trim()
  const words = phrase.split(/\s+/).length
  // "denied funding for the wall", "denied wrongdoing.": an -ing word before a preposition or the end is a noun.
  const gerundNoun = /^\p{Ll}+ing(?=\s*(?:[,.;:!?]|$)|\s+(?:for|of|to|in|on|at|from|with|by)\s)/u.test(rest)
  if (phrase === '' || words > 6 || !/^[\p{L}]/u.test(phrase) || (NOT_AN_OBJECT.test(phrase) && !gerundNoun)) return undefined
  return { name: phrase, start: objectStart, end: objectStart + phrase.length }
}

// Before the first of two joined subjects: an opening phrase in commas, "both", an article, a few describing words.
const BEFORE_JOINT = /^\s*(?:[^,;]{0,60},\s+)?(?:both\s+)?(?:the\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,2}$/u
// Between them: "and", with the same kind of describing words ("and Denmark-based retailer").
const AND_BETWEEN = /^\s*,?\s+and\s+(?:the\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,2}$/u
// Between the second and the verb: auxiliaries and adverbs only.
const UP_TO_VERB = /^\s+(?:(?:\p{Ll}+ly|also|have|has|had|jointly|together|both)\s+)*$/u

/**
 * "UK-based retailer Tesco and Denmark-based retailer Salling Group announced", "both Saudi Arabia and the
 * United States have alleged": two named subjects joined by "and", each the verb's actor.
 */
function jointSubjects(text: string, clauseFrom: number, verbStart: number, index: MentionIndex): [EntityMention, EntityMention] | undefined {
  // "UK-based": a name inside a compound word describes the subject and is not one.
  const mentions = index
    .within(Math.max(clauseFrom, verbStart - 160), verbStart, ['person', 'organization', 'country'])
    .filter((mention) => text[mention.end] !== '-')
  const second = mentions.at(-1)
  const first = mentions.at(-2)
  if (!first || !second || !UP_TO_VERB.test(text.slice(second.end, verbStart))) return undefined
  const between = text.slice(first.end, second.start)
  const describing = (words: string) =>
    words.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word) && !/(?:-based|er|or|ist|ian)$/u.test(word) && !['and', 'the', 'both'].includes(word))
  if (!AND_BETWEEN.test(between) || describing(between).length > 0) return undefined
  const opening = text.slice(Math.max(clauseFrom, verbStart - 160), first.start)
  if (!BEFORE_JOINT.test(opening) || describing(opening.replace(/^[^,;]*,\s+/, '')).length > 0) return undefined
  return [first, second]
}
