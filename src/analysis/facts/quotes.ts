import { MentionIndex, type EntityMention } from './mention-index'
import { findQuotedSpans, insideQuote, type QuotedSpan } from '../../text/quoted-spans'
import { findOpeningPerson, findSubject, governmentCountry, namedHolderOf, paragraphStart, relativeSubject, subjectOfClause } from './subject'
import type { Entity, Quote } from './types'
import type { Span } from '../../text/span'
import { SPEECH_VERBS, speechVerbWord } from './speech-verbs'
import { fallbackSpeaker, speakerCandidates, type QuoteSituation } from './quote-speakers'
import { sentenceIndexAt } from '../../text/sentences'
import { QUOTE_SPEAKER_WEIGHTS } from './quote-speaker-weights'
import { matchesOf } from '../../text/matches'

// A quote needs this many words unless someone is named as saying it: fewer are scare quotes, titles or nicknames ("human error").
const MIN_WORDS = 4
// A short quote still counts when the text says where it comes from ("suffered "two deep wounds" according to…").
const SOURCED_AFTER = /^[^.;:!?"“”]{0,60}?\baccording\s+to\b/i
// A name given to someone or something is not speech: 'nicknamed the "Kim Kardashian of Pakistan"'.
const NAMING = /\b(?:nicknamed|dubbed|known\s+as|titled|entitled|so-called|branded)\s+(?:the\s+|a\s+|an\s+)?$/i
// Quoted words that modify the noun after them name a thing, they are not speech: 'the "one country, two systems" model'.
const NAME_OF_A_KIND = /^\s+(?:model|principle|policy|framework|doctrine|slogan|plan|programme|program|strategy|initiative|approach|formula|agenda)\b/
const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'g')
// The first speech verb of a text: not global, so a search leaves no `lastIndex` behind for `matchesOf` to start from.
const FIRST_SPEECH_VERB = new RegExp(SPEECH_VERB.source)
const VERB_FIRST = new RegExp(`^[\\s,.!?—–-]*(?:${SPEECH_VERBS})\\b`)
// "The government statement, which was posted on Twitter, announced": the government of the country the text names.
const GOVERNMENT_SUBJECT =
  /^[\s,.!?—–-]*(?:the|The)\s+government(?:['’]s)?(?:\s+(?:statement|spokesperson|spokesman|spokeswoman))?(?:\s*,[^,;]{1,80},)?\s+(?:(?:\p{Ll}+ly|also|later|has|had|have)\s+)*$/u
// "the archbishop said", "In a statement, the commission said": an office or a body the text names elsewhere.
// "The president had previously called it", "the minister later said": adverbs and auxiliaries after the office are no part of it.
const ROLE_SUBJECT =
  /^[\s,.!?—–-]*(?:[^,;"“”]{0,60},\s+)?(?:the|The)\s+((?:(?!(?:has|had|have|also|later|then|again)\s)\p{Ll}+\s+){0,2}(?!(?:has|had|have|also|later|then|again)\s)\p{Ll}+?)(?:\s+(?:has|had|have|also|later|then|again|\p{Ll}+ly))*\s+$/u
const PRONOUN_SUBJECT = /^[\s,.!?—–-]*(?:he|she|He|She)\s+(?:\p{Ll}+ly\s+)?$/u
const OPENED_PRONOUN = /^[\s,.!?—–-]*(?:Speaking|Talking|Writing|Asked|Interviewed|In)\b[^,;:"“”]{0,60},\s*(?:he|she)\s+(?:\p{Ll}+ly\s+)?$/u
// "On September 13 — two days after the ruling — he said", "On the live television he said": a time or place phrase
// with no comma before the pronoun.
const DATED_PRONOUN = /^[\s,.!?—–-]*(?:On|In|At|During|Later|Earlier)\s+[^,;:"“”]{1,60}?\s+(?:he|she)\s+(?:\p{Ll}+ly\s+)?$/u
const QUOTED_AS_SAYING = /\bquoted\s+/g
const ACCORDING_TO = /\b[Aa]ccording\s+to\s+(?:the\s+)?/g
const DOCUMENT_BY = /\b(?:statement|order|letter|message|post|tweet|note|decree|memo)\s+(?:by|from)\s+/g
// An organisation that is only the owner of what follows: "University of California, San Diego's chancellor".
const POSSESSIVE_AHEAD = /^(?:,\s*[\p{Lu}][^,]{0,30})?['’]s\b/u
// Where the name after "said" ends: the first comma, stop or time/place phrase; not the stop of a title or an initial
// ("said Dr. Ana Ruiz", "said Ana M. Ruiz").
const NAME_PHRASE_END =
  /[,;:!?]|\.(?<!(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|St|Jr|Sr|\p{Lu})\.)|\s(?:on|in|at|during|after|before|when|while|who|as)\s/u

type Context = { text: string; sentences: Span[]; entities: Entity[]; index: MentionIndex; spans: QuotedSpan[] }

/**
 * Quotations and who said them. The speaker is the canonical name of an
 * entity the text names ("Lin Jian" for "Lin"), found from the patterns news
 * uses ("X said", "said X", "X, the minister, said", "according to X",
 * "quoted X as saying", a pronoun with one person in sight, the sentence
 * before ending in a colon, a quote going on from the previous paragraph).
 * When none of them applies, the learned ranker of `quote-speakers.ts` may give the name it scores well above "no
 * speaker"; otherwise the quote has no speaker rather than a guessed one.
 */
export function extractQuotes(text: string, sentences: Span[], entities: Entity[]): Quote[] {
  const { quotes, situationOf } = readQuotes(text, sentences, entities)
  // Behind the rules: where they give no speaker, the learned ranker may pick one of the names in sight.
  return quotes.map((quote, i) => {
    if (quote.speaker) return quote
    const situation = situationOf(i)
    if (speakerWithheld(situation)) return quote
    const speaker = fallbackSpeaker(speakerCandidates(situation), QUOTE_SPEAKER_WEIGHTS)
    return speaker ? { ...quote, speaker: speaker.name } : quote
  })
}

/**
 * The rules' quotes, and what the speaker ranker reads of each (`quote-speakers.ts`; the trainer reads them too), found
 * only when asked: most quotes have the rules' speaker and never need it.
 */
export function readQuotes(text: string, sentences: Span[], entities: Entity[]): { quotes: Quote[]; situationOf: (i: number) => QuoteSituation } {
  const spans = findQuotedSpans(text)
  const context: Context = { text, sentences, entities, index: new MentionIndex(entities), spans }
  const quotes: Quote[] = []
  const quoteSpans: QuotedSpan[] = []
  let previous: { span: QuotedSpan; speaker: EntityMention | undefined } | undefined
  const runOnAt: number[] = []
  spans.forEach((span, i) => {
    if (NAMING.test(text.slice(Math.max(0, span.open - 20), span.open))) return
    if (NAME_OF_A_KIND.test(text.slice(span.close + 1, span.close + 20))) return
    const words = text.slice(span.start, span.end).trim().split(/\s+/).length
    // One quoted word is a word the writer marks, not an utterance, even beside a verb of speaking (the gold convention).
    if (words < 2 && !span.continued) return
    const short = words < MIN_WORDS && !span.continued
    const attributed = attribute(context, i)
    if (short && !attributed && !SOURCED_AFTER.test(text.slice(span.close + 1, span.close + 80))) return
    const speaker = attributed ?? (short || saidBySomeoneUnnamed(context, span) ? undefined : inherit(context, span, previous))
    if (span.continued && speaker && previous?.span.runsOn && !previous.speaker) {
      // The attribution often comes only at the end of a quote that runs over paragraphs: it names the speaker of all of it.
      for (const at of runOnAt) quotes[at]!.speaker = speaker.entity.name
    }
    if (!span.continued) runOnAt.length = 0
    if (span.runsOn) runOnAt.push(quotes.length)
    quotes.push({ text: text.slice(span.start, span.end), ...(speaker ? { speaker: speaker.entity.name } : {}), start: span.start, end: span.end })
    quoteSpans.push(span)
    previous = { span, speaker }
  })
  const situationOf = (i: number): QuoteSituation => {
    const span = quoteSpans[i]!
    const speaker = quotes[i]!.speaker
    const rules = speaker === undefined ? undefined : entities.find((entity) => entity.name === speaker)
    return { text, sentences, index: context.index, spans, span, rules, pronoun: pronounBeside(context, span) }
  }
  return { quotes, situationOf }
}

// A pronoun subject right after a quote ('", she said') or in the quote's sentence before it ("He told reporters: "…").
const PRONOUN_AFTER = /^[\s,.!?—–-]*(?:he|she)\b/
const PRONOUN_BEFORE = /\b(?:he|she|He|She)\b[^"“”]*$/

/** Where a "he"/"she" beside the quote, in its sentence, stands, if one does. */
function pronounAt({ text, sentences }: { text: string; sentences: Span[] }, span: QuotedSpan): number | undefined {
  if (PRONOUN_AFTER.test(text.slice(span.close + 1, span.close + 20))) return span.close + 1
  const sentenceFrom = sentences[sentenceIndexAt(sentences, span.open)]?.start ?? span.open
  const before = PRONOUN_BEFORE.exec(text.slice(sentenceFrom, span.open))
  return before ? sentenceFrom + before.index : undefined
}

/** Whom a "he"/"she" beside the quote, in its sentence, stands for (the rules' resolution). */
function pronounBeside(context: Context, span: QuotedSpan): Entity | undefined {
  const at = pronounAt(context, span)
  return at === undefined ? undefined : resolvePronoun(context, span.open, at)?.entity
}

// '“…,” a Kenyan official said', '“…,” said one witness': the quote names its speaker, who is nobody the text names.
const UNNAMED_AFTER = new RegExp(
  `^[\\s,.!?—–-]*(?:(?:an?|one|another)\\s+(?:[\\p{L}’'-]+\\s+){0,3}${speechVerbWord('verb')}|(?:${SPEECH_VERBS})\\s+(?:an?|one|another)\\s)`,
  'u',
)

/**
 * Whether the text says who spoke in a way the rules could not turn into a name, so the ranker is not asked either:
 * someone it does not name ('"…," a council official said'), or a "he"/"she" with several people in sight.
 */
function speakerWithheld(situation: QuoteSituation): boolean {
  return saidBySomeoneUnnamed(situation, situation.span) || (!situation.pronoun && pronounAt(situation, situation.span) !== undefined)
}

/** Whether the words right after the quote give it to someone unnamed: then it keeps no speaker of an earlier quote. */
function saidBySomeoneUnnamed({ text }: { text: string }, span: QuotedSpan): boolean {
  return !span.runsOn && UNNAMED_AFTER.test(text.slice(span.close + 1, span.close + 100))
}

function attribute(context: Context, i: number): EntityMention | undefined {
  const { text, spans } = context
  const span = spans[i]!
  const sentenceBefore = context.sentences[sentenceIndexAt(context.sentences, span.open)]
  const sentenceAfter = context.sentences[sentenceIndexAt(context.sentences, Math.max(span.open, span.close - 1))]
  const previousClose = spans[i - 1]?.close ?? -1
  const nextOpen = spans[i + 1]?.open ?? text.length
  const beforeFrom = Math.max(sentenceBefore?.start ?? span.open, previousClose + 1)
  const afterFrom = span.runsOn ? span.close : span.close + 1
  const afterTo = span.runsOn ? afterFrom : Math.min(Math.max(sentenceAfter?.end ?? afterFrom, afterFrom), nextOpen)
  // A speaking subject in the quote's own sentence outranks "according to", which often names the outlet that reported it.
  return (
    quotedAsSaying(context, beforeFrom, span.open) ??
    quotedAsSaying(context, afterFrom, afterTo) ??
    documentBy(context, beforeFrom, span.open) ??
    attributionAfter(context, span.open, afterFrom, afterTo) ??
    attributionBefore(context, beforeFrom, span.open, sentenceBefore?.start) ??
    statementRead(context, span, beforeFrom, afterFrom, afterTo) ??
    accordingTo(context, beforeFrom, span.open) ??
    accordingTo(context, afterFrom, afterTo) ??
    introducedByColon(context, span, sentenceBefore) ??
    asPutIt(context, beforeFrom, span.open) ??
    asPutIt(context, afterFrom, afterTo) ??
    (span.runsOn ? undefined : attributedInSentenceAfter(context, span, sentenceAfter)) ??
    introducedInSentenceBefore(context, span, sentenceBefore)
  )
}

// An attribution standing as a sentence of its own is short: "Mayor Ana Pirelli said on Tuesday."
const SHORT_ATTRIBUTION = 100

/** `“We will rebuild.” Mayor Ana Pirelli said on Tuesday.`: a quote that ends its sentence, attributed by the short sentence after it. */
function attributedInSentenceAfter(context: Context, span: QuotedSpan, sentence: Span | undefined): EntityMention | undefined {
  const { text, sentences } = context
  if (!sentence || /[^\s"“”'’.,!?]/.test(text.slice(span.close + 1, sentence.end))) return undefined
  const next = sentences[sentenceIndexAt(sentences, sentence.end)]
  if (!next || next.start < sentence.end || next.end - next.start > SHORT_ATTRIBUTION) return undefined
  const body = text.slice(next.start, next.end)
  if (/["“”]/.test(body) || /\n[^\S\n]*\n/.test(text.slice(span.close, next.start)) || /\bthat\b/.test(body)) return undefined
  return attributionAfter(context, span.open, next.start, next.end)
}

/**
 * `Tomas Berger, of the regional council, described the scene. “The explosion was…”`: a quote that opens its
 * sentence, with nothing attributing it, takes the speaker of the sentence before it in the same paragraph
 * when that sentence has someone saying or describing something and quotes nobody.
 */
function introducedInSentenceBefore(context: Context, span: QuotedSpan, sentence: Span | undefined): EntityMention | undefined {
  const { text, sentences } = context
  if (!sentence || text.slice(sentence.start, span.open).trim() !== '') return undefined
  const previous = sentences[sentenceIndexAt(sentences, sentence.start) - 1]
  if (!previous || previous.end > sentence.start || /\n[^\S\n]*\n/.test(text.slice(previous.start, span.open))) return undefined
  if (/["“”]/.test(text.slice(previous.start, previous.end))) return undefined
  return attributionBefore(context, previous.start, previous.end)
}

function quotedAsSaying({ text, index }: Context, from: number, to: number): EntityMention | undefined {
  const region = text.slice(from, to)
  for (const match of matchesOf(region, QUOTED_AS_SAYING)) {
    const nameFrom = from + match.index + match[0].length
    const mention = index.within(nameFrom, Math.min(to, nameFrom + 60), ['person', 'organization'])[0]
    // "quoted Tim Manning, formerly a deputy administrator at FEMA, as saying"
    if (mention && /^(?:,[^,]{1,80},)?\s+as\s+say/.test(text.slice(mention.end, mention.end + 100))) return mention
  }
  return undefined
}

function accordingTo(context: Context, from: number, to: number): EntityMention | undefined {
  const { text, index } = context
  for (const match of matchesOf(text.slice(from, to), ACCORDING_TO)) {
    const nameFrom = from + match.index + match[0].length
    if (/^(?:him|her)\b/.test(text.slice(nameFrom, nameFrom + 4))) return resolvePronoun(context, nameFrom, nameFrom)
    // "According to its press release, the NBA was "…"": the document is that of the clause's subject after the comma.
    const ownDocument = OWN_DOCUMENT.exec(text.slice(nameFrom, Math.min(to, nameFrom + 60)))
    if (ownDocument) {
      const clauseFrom = nameFrom + ownDocument[0].length
      const subject = index.within(clauseFrom, Math.min(to, clauseFrom + 80), ['organization', 'person', 'country'])[0]
      if (subject && /^(?:the\s+)?$/i.test(text.slice(clauseFrom, subject.start))) return subject
      continue
    }
    // "according to a tweet on Monday by US Secretary of State Mike Pompeo": the author of the document.
    const document = DOCUMENT_THEN_AUTHOR.exec(text.slice(nameFrom, Math.min(to, nameFrom + 60)))
    const authorFrom = nameFrom + (document?.[0].length ?? 0)
    const rest = text.slice(authorFrom, Math.min(to, authorFrom + 100))
    const speaker =
      nameAfterVerb(text, index, authorFrom, authorFrom + (NAME_PHRASE_END.exec(rest)?.index ?? rest.length)) ?? spokespersonAfter(context, nameFrom)
    if (speaker) return speaker
  }
  return undefined
}

const OWN_DOCUMENT =
  /^(?:its|their|his|her)\s+(?:\p{Ll}+\s+)?(?:statement|press\s+release|release|report|website|announcement|filing|letter|tweet|post)\s*,\s*/u
const DOCUMENT_THEN_AUTHOR =
  /^(?:a|an|the|his|her|its|their)\s+(?:\p{Ll}+\s+)?(?:tweet|statement|post|letter|release|message|report|filing)\s+(?:(?:on|last)\s+\p{Lu}\p{Ll}+\s+)?(?:by|from)\s+(?:the\s+)?/u

/** "an order by Admiral X directing units to “…”", "in a statement from the ministry: “…”": the author of the document quoted. */
function documentBy({ text, index }: Context, from: number, to: number): EntityMention | undefined {
  let author: EntityMention | undefined
  for (const match of matchesOf(text.slice(from, to), DOCUMENT_BY)) {
    const nameFrom = from + match.index + match[0].length
    const rest = text.slice(nameFrom, Math.min(to, nameFrom + 100))
    const nameEnd = nameFrom + (NAME_PHRASE_END.exec(rest)?.index ?? rest.length)
    author = nameAfterVerb(text, index, nameFrom, nameEnd) ?? author
  }
  return author
}

// Documents whose words a text quotes: a body's statement, a court's summary, opinion or ruling, a decree, a warning, a website.
const DOCUMENT = '(?:statement|press\\s+release|release|letter|message|tweet|post|note|summary|decision|ruling|judg(?:e)?ment|opinion|decree|warning|website)'
// "read yesterday", "read, in part,", "reads": a day or a part between the document and its words.
const READ = '(?:(?:yesterday|today|on\\s+\\p{Lu}\\p{Ll}+|\\p{Ll}+ly)\\s+)?reads?(?:\\s*,?\\s*in\\s+part)?\\s*[:,]?\\s*$'
// "Ana Ruiz's statement read: “…”", "Acme's official statement yesterday read “…”", "The WHO's website said:": the owner of the document.
const OWNER_READ = new RegExp(`['’]s\\s+(?:\\p{Ll}+\\s+)?${DOCUMENT}\\s+(?:${READ}|said\\s*[:,]?\\s*$)`, 'u')
// "Part of the judge's statement reads “…”": a document owned by an office the text gives to someone.
const ROLE_OWNER_READ = new RegExp(`\\b[Tt]he\\s+(\\p{Ll}+)['’]s\\s+(?:\\p{Ll}+\\s+)?${DOCUMENT}\\s+${READ}`, 'u')
// "The decree signed by the Pope read “…”", "The opinion of the Court, released on Wednesday, read in part, “…”": the
// author named after the document, before an aside between commas.
const DOCUMENT_OF_READ = new RegExp(
  `\\b[Tt]he\\s+(?:\\p{Ll}+\\s+)?${DOCUMENT}\\s+(?:of|by|from|(?:signed|issued|written|released|posted|sent)\\s+by)\\s+(?:the\\s+)?([^,;:"“”]{1,60}?)(?:\\s*,[^,;"“”]{1,60},)?\\s+${READ}`,
  'u',
)
// "It read, “…”", "The statement read: “…”", "released a statement which read, in part, “…”", "“…” read the statement":
// a document named before.
const IT_READ = new RegExp(`(?:\\bIt|\\b[Tt]he\\s+(?:\\p{Ll}+\\s+)?${DOCUMENT}|${DOCUMENT},?\\s+(?:which|that))\\s+${READ}`, 'u')
// "“…” read the statement", "“…,” reads Judge Ana Ruiz's statement": after the quote, with its owner when it is named.
const READ_AFTER = new RegExp(`^[\\s,;]*reads?\\s+(?:(?:the|its|his|her|their)\\s+)?(?:([^,;:"“”]{1,60}?)['’]s\\s+)?(?:\\p{Ll}+\\s+)?${DOCUMENT}\\b`, 'u')
// "The federation released a statement": who put out the document the quote is read from.
const ISSUED = new RegExp(`\\b(?:released|issued|published|put\\s+out|posted|sent|made)\\s+(?:a|an|the)\\s+(?:\\p{Ll}+\\s+){0,2}${DOCUMENT}`, 'gu')
// "The orange warning issued by Met Éireann": the author named after a document put out in the passive.
const ISSUED_BY = new RegExp(`\\b${DOCUMENT}\\s+(?:issued|released|published|posted|sent|signed)\\s+by\\s+(?:the\\s+)?`, 'gu')
// How far back the sentence that issued the document may be: the paragraph before at most.
const ISSUED_REACH = 800

/**
 * A quote read from a document: "Ana Ruiz's statement read: “…”" and "“…,” reads Ana Ruiz's statement" (its owner);
 * "The decree signed by Ana Ruiz read “…”" (its author); "The federation released a statement … It read, “…”" and
 * "“…” read the statement" (whoever issued the last document named before the quote, in this paragraph or the one
 * before).
 */
function statementRead(context: Context, span: QuotedSpan, beforeFrom: number, afterFrom: number, afterTo: number): EntityMention | undefined {
  const { text, index, sentences } = context
  const before = text.slice(beforeFrom, span.open)
  const owner = OWNER_READ.exec(before)
  if (owner) {
    const named = ownerEndingAt(index, beforeFrom, beforeFrom + owner.index)
    const role = ROLE_OWNER_READ.exec(before)
    return named ?? (role ? roleHolder(context, role[1]!) : undefined)
  }
  const authored = DOCUMENT_OF_READ.exec(before)
  if (authored) {
    const authorFrom = beforeFrom + authored.index + authored[0].indexOf(authored[1]!, authored[0].search(/\s(?:of|by|from)\s/))
    const author =
      index.within(authorFrom, authorFrom + authored[1]!.length, ['person', 'organization', 'country'])[0] ??
      (/^\p{Lu}\p{Ll}+$/u.test(authored[1]!) ? roleHolder(context, authored[1]!) : undefined)
    if (author) return author
  }
  const after = READ_AFTER.exec(text.slice(afterFrom, afterTo))
  if (after?.[1] !== undefined) {
    const ownerEnd = afterFrom + after[0].lastIndexOf(after[1]) + after[1].length
    return ownerEndingAt(index, afterFrom, ownerEnd)
  }
  if (!IT_READ.test(before) && !after) return undefined
  const paragraph = paragraphStart(text, span.open)
  const from = Math.max(paragraph > 0 ? paragraphStart(text, paragraph - 1) : 0, span.open - ISSUED_REACH)
  let issuer: { at: number; mention: EntityMention } | undefined
  for (const match of matchesOf(text.slice(from, span.open), ISSUED)) {
    const verbStart = from + match.index
    const sentence = sentences[sentenceIndexAt(sentences, verbStart)]
    const subject = findSubject(text, Math.max(from, sentence?.start ?? from), verbStart, index)
    if (subject) issuer = { at: verbStart, mention: subject }
  }
  for (const match of matchesOf(text.slice(from, span.open), ISSUED_BY)) {
    const nameFrom = from + match.index + match[0].length
    const rest = text.slice(nameFrom, Math.min(span.open, nameFrom + 100))
    const author = nameAfterVerb(text, index, nameFrom, nameFrom + (NAME_PHRASE_END.exec(rest)?.index ?? rest.length))
    if (author && (!issuer || from + match.index > issuer.at)) issuer = { at: from + match.index, mention: author }
  }
  return issuer?.mention
}

/** The person, organisation or country whose mention ends right at `end` (the owner before "'s"). */
function ownerEndingAt(index: MentionIndex, from: number, end: number): EntityMention | undefined {
  return index
    .within(from, end, ['person', 'organization', 'country'])
    .filter((mention) => mention.end === end)
    .pop()
}

/** `”, X said` / `”, said X` / `”, he said`. */
function attributionAfter(context: Context, quoteOpen: number, from: number, to: number): EntityMention | undefined {
  const { text, index } = context
  const region = text.slice(from, Math.min(to, from + 160))
  const verbFirst = VERB_FIRST.exec(region)
  // '“…”, adding Iran will pursue Trump': a participle after the quote goes on with the sentence's own subject; the
  // name after it is what was added, never the speaker (only a finite verb is inverted: '“…”, said Ana Ruiz').
  if (verbFirst && /ing$/.test(verbFirst[0])) return undefined
  if (verbFirst) {
    const nameFrom = from + verbFirst[0].length
    const rest = text.slice(nameFrom, to)
    const nameEnd = NAME_PHRASE_END.exec(rest)
    const named = nameAfterVerb(text, index, nameFrom, nameFrom + (nameEnd ? nameEnd.index : rest.length))
    return (
      named ?? (nameEnd?.[0] === ',' && RELATION.test(rest.slice(0, nameEnd.index)) ? personInApposition(context, nameFrom + nameEnd.index + 1, to) : undefined)
    )
  }
  const verb = FIRST_SPEECH_VERB.exec(region)
  if (!verb) return undefined
  const subjectText = region.slice(0, verb.index)
  if (PRONOUN_SUBJECT.test(subjectText)) return resolvePronoun(context, quoteOpen, from)
  const role = ROLE_SUBJECT.exec(subjectText)
  if (role) return roleHolder(context, role[1]!)
  const clauseStart = from + (/^[\s,.!?—–-]*/.exec(subjectText)?.[0].length ?? 0)
  return findSubject(text, clauseStart, from + verb.index, index) ?? spokespersonOf(context, clauseStart, from + verb.index)
}

// '”, said his father, Tomas Berger', '”, said the mayor of Tolosa, Ana Ruiz': who the speaker is to someone or where,
// then the name in commas.
const RELATION =
  /^\s*(?:his|her|their|the)\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+(?:\s+(?:of|for|in|at)\s+(?:the\s+)?[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,3})?\s*$/u

/** The person named right at `from`, after the comma that closes a relation ('said his father, Tomas Berger,'). */
function personInApposition({ text, index }: Context, from: number, to: number): EntityMention | undefined {
  const person = index.within(from, Math.min(to, from + 80), ['person'])[0]
  return person && /^\s*$/.test(text.slice(from, person.start)) ? person : undefined
}

const SPOKESPERSON = '(?:spokesperson|spokesman|spokeswoman|official|representative)'
// "a Woolworths spokesperson": the office word right after the organisation's name.
const OFFICE_AFTER = new RegExp(`^\\s+${SPOKESPERSON}\\b`)

/** "according to a Woolworths spokesperson": the organisation an unnamed spokesperson speaks for. */
function spokespersonAfter({ text, index }: Context, from: number): EntityMention | undefined {
  const mention = index.within(from, from + 80, ['organization', 'country'])[0]
  if (!mention || !/^(?:an?|the)\s+$/i.test(text.slice(from, mention.start))) return undefined
  return OFFICE_AFTER.test(text.slice(mention.end, mention.end + 20)) ? mention : undefined
}
// "an Interpol spokesperson", "a Port Authority official": the organisation's name right before the office word.
const ORGANISATION_BEFORE = new RegExp(`^\\s+${SPOKESPERSON}\\s+(?:\\p{Ll}+ly\\s+|also\\s+|later\\s+)*$`, 'u')
// "An official from the Port Authority", "a spokesperson for Interpol": the organisation after the office word.
const ORGANISATION_AFTER = new RegExp(`\\b(?:[Aa]n?|[Tt]he)\\s+${SPOKESPERSON}\\s+(?:for|from|of|at)\\s+(?:the\\s+)?$`, 'u')

/**
 * '“…,” an Interpol spokesperson stated', 'An official from the Port Authority said': an unnamed spokesperson speaks
 * for the organisation (or country) named with the office word, which is the speaker the reader is given.
 */
function spokespersonOf({ text, index }: Context, clauseStart: number, verbStart: number): EntityMention | undefined {
  for (const mention of index.within(clauseStart, verbStart, ['organization', 'country']).reverse()) {
    const before = text.slice(clauseStart, mention.start)
    const after = text.slice(mention.end, verbStart)
    if (/^\s*$/.test(after) && ORGANISATION_AFTER.test(before)) return mention
    if (ORGANISATION_BEFORE.test(after) && /(?:^|[\s,;:.!?—–-])(?:[Aa]n?|[Tt]he)\s+(?:\p{Ll}+\s+)?$/u.test(before)) return mention
  }
  return undefined
}

/**
 * The person named in the phrase right after the verb ("said Chinese Foreign Ministry Spokesperson Lin Jian"),
 * else an organisation or country that opens it ("said the ministry"), unless that one only starts a longer
 * title ("said University of California, San Diego's chancellor, …").
 */
function nameAfterVerb(text: string, index: MentionIndex, from: number, to: number): EntityMention | undefined {
  const mentions = index.within(from, to, ['person', 'organization', 'country'])
  const person = mentions.filter((mention) => mention.entity.type === 'person').pop()
  if (person) return person
  const first = mentions[0]
  if (!first || !/^\s*(?:the\s+)?$/i.test(text.slice(from, first.start))) return undefined
  return POSSESSIVE_AHEAD.test(text.slice(first.end, first.end + 60)) ? undefined : first
}

/**
 * `X said “…` / `X condemned the attacks, extending “…`. `sentenceFrom` is where the sentence starts when an earlier
 * quote of it cut the region: "X gave its "sympathies" and said "…"" is X's.
 */
function attributionBefore(context: Context, from: number, to: number, sentenceFrom = from): EntityMention | undefined {
  const { text, index } = context
  const region = text.slice(from, to)
  const verbs = matchesOf(region, SPEECH_VERB).reverse()
  // A word or two in quotation marks after "which X called" is a label X gave, not X's speech ("which Ross called "a stunt"").
  const quote = context.spans.find((span) => span.open === to)
  const label = !quote || text.slice(quote.start, quote.end).trim().split(/\s+/).length < 3
  for (const verb of verbs) {
    const verbStart = from + verb.index
    // "He said, in remarks published by CNN, “…”": after a preposition or a determiner the word is a noun, not a verb.
    if (NOUN_BEFORE.test(region.slice(Math.max(0, verb.index - 8), verb.index))) continue
    // "Erdogan said — as reported by Hurriyet — “…”": an aside, the speaker is the subject of the verb before it.
    if (/\bas\s+$/.test(region.slice(Math.max(0, verb.index - 4), verb.index))) continue
    // "Speaker Ana Ruiz commented — which the BBC noted as unusual — “…”": a verb inside an aside between dashes is not the attribution.
    if (/[—–]/.test(region.slice(verb.index)) && /[—–]/.test(region.slice(0, verb.index))) continue
    if (verb.index < 40 && PRONOUN_SUBJECT.test(region.slice(0, verb.index))) return resolvePronoun(context, from, from)
    // "Speaking to NBC News, she said": an opening phrase, then the pronoun.
    if (verb.index < 80 && (OPENED_PRONOUN.test(region.slice(0, verb.index)) || DATED_PRONOUN.test(region.slice(0, verb.index))))
      return resolvePronoun(context, from, from)
    const role = verb.index < 60 ? ROLE_SUBJECT.exec(region.slice(0, verb.index)) : null
    if (role) return roleHolder(context, role[1]!)
    // "RIAA's DMCA notice alleged …"…"": a document speaks for its owner, not for a name inside the document's name.
    const ownedDocument = OWNED_DOCUMENT_SUBJECT.exec(region.slice(0, verb.index))
    const owner = ownedDocument ? ownerEndingAt(index, from, from + ownedDocument.index) : undefined
    if (owner) return owner
    if (GOVERNMENT_SUBJECT.test(region.slice(0, verb.index))) return governmentCountry(text, from, index)
    const subject =
      findSubject(text, from, verbStart, index) ??
      subjectAfterConjunction(context, from, verbStart) ??
      (label ? undefined : (subjectOfRelative(context, from, verbStart) ?? relativeSubject(text, from, verbStart, index))) ??
      spokespersonOf(context, from, verbStart) ??
      (verb[0].endsWith('ing') ? subjectAfterWith(context, from, verbStart) : undefined) ??
      toldBy(context, from, verbStart, verbStart + verb[0].length, to)
    if (subject) return subject
    // A participle ("extending") shares the subject of the verb before it; any other verb has its own, unless it
    // is joined to the clause's first verb by "and" ("Erdoğan cited Article 5 and said").
    if (!verb[0].endsWith('ing') && !/\band\s+(?:then\s+)?$/.test(region.slice(Math.max(0, verb.index - 10), verb.index))) return undefined
    // Only a finite verb joined by "and" goes back past an earlier quote: a participle there has its own subject
    // ("…, with X calling it "…" and Y calling it "…"").
    const pastQuote = sentenceFrom < from && !verb[0].endsWith('ing')
    const clauseSubject = subjectOfClause(text, from, verbStart, index) ?? (pastQuote ? subjectOfClause(text, sentenceFrom, verbStart, index) : undefined)
    if (clauseSubject) return clauseSubject
  }
  return undefined
}

// "X's statement", "X's take-down notice": a document owned by the name before "'s", as the subject of a speech verb.
const OWNED_DOCUMENT_SUBJECT =
  /['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:notice|statement|report|letter|filing|complaint|lawsuit|release|website|memo|document)\s+(?:(?:\p{Ll}+ly|also|later)\s+)*$/u

// A speech verb's word after these is a noun: "in remarks", "his claims", "the comments".
const NOUN_BEFORE = /\b(?:in|the|a|an|his|her|their|its|of|with|by)\s+$/i

// Words that open a clause of their own inside a sentence; its subject is the speaker of its verb.
const SUBORDINATE = /\s(?:because|after|when|while|since|although|though|whereas|before|until|once|that)\s/g
// "…, which the Daily Courier describes as "…"", "what Ana Ruiz called "…"": a relative clause whose subject speaks.
const RELATIVE = /\s(?:which|what)\s/g
// "…, with Ana Ruiz describing the "…"": a participle clause opened by "with" has its own subject.
const WITH_CLAUSE = /[\s,]with\s/g
// "he was told by Minister Ana Ruiz of "…"": the agent of a passive verb of telling.
const PASSIVE_BEFORE = /\b(?:was|were|been|being)\s+$/
const BY_AFTER = /^\s+by\s+/

/**
 * "The rally drew attention partly because President Ana Ruiz claimed there were “…”", "Reuters reported
 * that Ana Ruiz said “…”": the subject of the clause the speech verb stands in, opened by a conjunction.
 */
function subjectAfterConjunction({ text, index }: Context, from: number, verbStart: number): EntityMention | undefined {
  let start = from
  for (const match of matchesOf(text.slice(from, verbStart), SUBORDINATE)) start = from + match.index + match[0].length
  return start > from ? findSubject(text, start, verbStart, index) : undefined
}

/** "its legal system, which the Daily Courier describes as "…"": the subject of the relative clause the speech verb stands in. */
function subjectOfRelative({ text, index }: Context, from: number, verbStart: number): EntityMention | undefined {
  let start = from
  for (const match of matchesOf(text.slice(from, verbStart), RELATIVE)) start = from + match.index + match[0].length
  return start > from ? findSubject(text, start, verbStart, index) : undefined
}

/** "he was told by Minister Ana Ruiz of "…"": the one named after "by" of a passive speech verb. */
function toldBy({ text, index }: Context, from: number, verbStart: number, verbEnd: number, to: number): EntityMention | undefined {
  const by = BY_AFTER.exec(text.slice(verbEnd, verbEnd + 6))
  if (!by || !PASSIVE_BEFORE.test(text.slice(Math.max(from, verbStart - 8), verbStart))) return undefined
  const nameFrom = verbEnd + by[0].length
  const rest = text.slice(nameFrom, to)
  return nameAfterVerb(text, index, nameFrom, nameFrom + (NAME_PHRASE_END.exec(rest)?.index ?? rest.length))
}

/** "Search was suspended, with Minister Ana Ruiz describing the "…"": the subject of the participle after "with". */
function subjectAfterWith({ text, index, spans }: Context, from: number, verbStart: number): EntityMention | undefined {
  // "with Ana Ruiz calling it "unfair" and Tomas Berger calling it "…"": right after a quote, "and" opens the next such clause.
  const andAfterQuote = spans.some((span) => span.close === from - 1) ? /^\s*,?\s+and\s+/.exec(text.slice(from, verbStart)) : null
  let start = andAfterQuote ? from + andAfterQuote[0].length : -1
  for (const match of matchesOf(text.slice(from, verbStart), WITH_CLAUSE)) start = from + match.index + match[0].length
  return start >= 0 ? findSubject(text, start, verbStart, index) : undefined
}

// "In his message, he praised the general:": a pronoun, after an opening phrase, acting in the clause before a colon.
const PRONOUN_ACTS = /^[\s,.!?—–-]*(?:[^,;:"“”]{0,60},\s*)?(?:he|she|He|She)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|d)\b/u

// "— as the Supreme Court decision put it —", "As Ana Ruiz put it,": whose words the quote gives; a document names its author.
const AS_PUT_IT = /\b[Aa]s\s+(?:the\s+)?([^,;:"“”—–]{2,80}?)\s+put\s+it\b/g

/** "traffic "ground to a halt" — as the Supreme Court decision put it —": the one named before "put it". */
function asPutIt({ text, index }: Context, from: number, to: number): EntityMention | undefined {
  for (const match of matchesOf(text.slice(from, to), AS_PUT_IT)) {
    const nameFrom = from + match.index + match[0].indexOf(match[1]!)
    const named = index.within(nameFrom, nameFrom + match[1]!.length, ['person', 'organization', 'country'])
    const speaker = named.filter((mention) => mention.entity.type === 'person').pop() ?? named[0]
    if (speaker) return speaker
  }
  return undefined
}

/** A quote standing alone after a sentence that ends in a colon ("Lin said on Tuesday:"), or after a clause that does. */
function introducedByColon(context: Context, span: QuotedSpan, sentence: Span | undefined): EntityMention | undefined {
  const { text, sentences } = context
  if (!sentence || text.slice(sentence.start, span.open).trim() !== '') {
    const from = sentence?.start ?? 0
    const before = text.slice(from, span.open).trimEnd()
    if (!before.endsWith(':')) return undefined
    // "The ministry justified the strike as "defensive": "…"": with no verb of speaking, the words after the colon
    // are the act of the clause's subject.
    return (
      attributionBefore(context, from, span.open) ??
      subjectOfClause(text, from, from + before.length - 1, context.index) ??
      (PRONOUN_ACTS.test(before) ? resolvePronoun(context, from, from) : undefined)
    )
  }
  const previous = sentences[sentenceIndexAt(sentences, sentence.start) - 1]
  if (!previous || !text.slice(previous.start, previous.end).trimEnd().endsWith(':')) return undefined
  return attributionBefore(context, previous.start, previous.end)
}

/**
 * An unattributed quote keeps the speaker of the quote before it when nothing
 * else is named in between and it follows straight on: in the same paragraph,
 * or opening the next paragraph after a quote that ended the previous one.
 */
function inherit(
  context: Context,
  span: QuotedSpan,
  previous: { span: QuotedSpan; speaker: EntityMention | undefined } | undefined,
): EntityMention | undefined {
  if (!previous?.speaker) return undefined
  const { text, index } = context
  const between = text.slice(previous.span.close, span.open)
  const breaks = matchesOf(between, /\n[^\S\n]*\n/g)
  if (breaks.length > 1) return undefined
  if (breaks.length === 1 && !span.continued) {
    const restOfParagraph = between.slice(0, breaks[0]!.index)
    const opensParagraph = between.slice(breaks[0]!.index).trim() === ''
    // The previous quote's sentence must end its paragraph: no new sentence after it.
    if (!opensParagraph || /[.!?]["”’)]*\s+[\p{Lu}"“]/u.test(restOfParagraph)) return undefined
  }
  // Names in the previous quote's own sentence are its attribution, not someone new.
  const previousSentence = context.sentences[sentenceIndexAt(context.sentences, previous.span.close)]
  const from = Math.max(previous.span.close, previousSentence?.end ?? 0)
  const others = index.within(from, span.open, ['person', 'organization']).filter((mention) => mention.entity !== previous.speaker!.entity)
  return others.length === 0 ? previous.speaker : undefined
}

/**
 * "the archbishop said", "the commission said": the one organisation whose name ends in that word, else the one
 * person the text gives that role, as a mention-less speaker ("the team wrote" is no organisation the text names most).
 */
function roleHolder({ entities }: Context, roleWords: string): EntityMention | undefined {
  const holder = namedHolderOf(roleWords, entities)
  return holder ? { start: -1, end: -1, entity: holder } : undefined
}

/**
 * "he said": the one person named outside quotes before `at` in the
 * pronoun's paragraph, else the one named from two sentences before the
 * quote (`anchor`, its opening mark) up to `at`, if only one is.
 */
function resolvePronoun({ text, sentences, index, spans }: Context, anchor: number, at: number): EntityMention | undefined {
  const people = (from: number) => index.within(from, at, ['person']).filter((mention) => !insideQuote(spans, mention))
  const paragraph = paragraphStart(text, anchor)
  const inParagraph = people(paragraph)
  // Of several named: "Speaking to Ana Ruiz of PBS, he said", "the murder of journalist Ana Ruiz", "Berger called
  // Ruiz's plan …": one spoken to, one named after "of", or one named only as the owner of something is not "he".
  const actors = inParagraph.filter(
    (mention) =>
      !ADDRESSEE_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start)) && !/^['’]s\b/.test(text.slice(mention.end, mention.end + 3)),
  )
  const named = new Set(inParagraph.map((mention) => mention.entity)).size
  if (named === 1) return inParagraph[inParagraph.length - 1]
  if (named > 1 && new Set(actors.map((mention) => mention.entity)).size === 1) return actors[actors.length - 1]
  const own = sentenceIndexAt(sentences, anchor)
  // A paragraph whose sentences before the pronoun name nobody has brought in someone unnamed ("One of the victims…
  // She said"): the pronoun is that one, not a person of an earlier paragraph.
  if (inParagraph.length === 0 && (sentences[own]?.start ?? 0) > paragraph) return undefined
  const outsideQuotes = people(sentences[Math.max(0, own - 2)]?.start ?? 0)
  if (new Set(outsideQuotes.map((mention) => mention.entity)).size === 1) return outsideQuotes[outsideQuotes.length - 1]
  // Several people in sight: "he" is the one the sentence before the quote opens with, if no one else is named after that sentence.
  const before = sentences[own - 1]
  if (!before || anchor < before.end) return undefined
  const opener = findOpeningPerson(text, before.start, before.end, index) ?? firstActor(text, index, before)
  const later = outsideQuotes.filter((mention) => mention.start >= before.end && mention.entity !== opener?.entity)
  if (later.length > 0) return undefined
  // "X said …, while Minister Y wrote …. He tweeted": the speaker of the sentence's last clause is the nearer "he".
  return speakerOfLastClause(text, index, before, opener) ?? opener
}

/**
 * "This was the first time Flynn spoke since he was pardoned by Trump.": the one person of the sentence who acts, when
 * the sentence does not open with a name: the first named outside quotes who is neither spoken to, owner nor agent of a
 * passive verb, if no other person of the sentence acts.
 */
function firstActor(text: string, index: MentionIndex, sentence: Span): EntityMention | undefined {
  const actors = index
    .within(sentence.start, sentence.end, ['person'])
    .filter(
      (mention) =>
        !ADDRESSEE_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start)) &&
        !/\bby\s+$/.test(text.slice(Math.max(0, mention.start - 4), mention.start)) &&
        !/^['’]s\b/.test(text.slice(mention.end, mention.end + 3)),
    )
  return new Set(actors.map((mention) => mention.entity)).size === 1 ? actors[0] : undefined
}

// Before the one spoken to: "Speaking to …", "told …", "in an interview with …".
const ADDRESSEE_BEFORE = /\b(?:(?<![Aa]ccording\s)to|told|with|of|for|against)\s+(?:\p{Ll}+\s+){0,2}$/u

// A clause opened inside a sentence by one of these words.
const CLAUSE_OPENER = /(?:,\s*|\s)(?:while|whereas|but|and)\s/g

/** The person who speaks or writes in the last clause of a sentence, when that is someone other than its opener. */
function speakerOfLastClause(text: string, index: MentionIndex, sentence: Span, opener: EntityMention | undefined): EntityMention | undefined {
  if (!opener) return undefined
  let clause = -1
  for (const match of matchesOf(text.slice(sentence.start, sentence.end), CLAUSE_OPENER)) clause = sentence.start + match.index + match[0].length
  if (clause < 0) return undefined
  const verb = FIRST_SPEECH_VERB.exec(text.slice(clause, sentence.end))
  if (!verb) return undefined
  const subject = findSubject(text, clause, clause + verb.index, index)
  return subject?.entity.type === 'person' && subject.entity !== opener.entity ? subject : undefined
}
