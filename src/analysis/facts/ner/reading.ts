import { EntityBook } from './book'
import type { Candidate } from './candidates'
import type { Token } from './tokens'
import type { Dateline } from '../dateline'
import type { EntityType } from '../types'
import type { Span } from '../../../text/span'

/** What a pass decided a candidate names. */
export type Decided = { type: EntityType; name: string }

/** A candidate with the sentence it stands in: what every rule of a pass looks at. */
export type Located = { sentence: Token[]; candidate: Candidate }

/**
 * Everything the entity reader's passes share, handed from one pass to the next (see `PASSES` in
 * `../entities.ts` for the order). The vocabulary pass fills the first group; later passes read it, and
 * the evidence passes add to the second and third as they decide.
 */
export type Reading = {
  readonly text: string
  readonly sentences: Token[][]
  /** "QUETTA, Pakistan —": where the text is filed from, if it says. */
  readonly dateline: Dateline | undefined

  // ---- the text's own vocabulary (the vocabulary pass) -------------------------
  /** Capitalised runs in text order, each with its sentence. */
  readonly candidates: Located[]
  /** The candidate starting at a token. */
  readonly candidateAt: Map<Token, Candidate>
  /** Names that stand alone somewhere in the text. */
  readonly singles: Set<string>
  /** Sentences written in capitals (headlines, tables): read last, for names known by then. */
  readonly shouting: Set<Token[]>
  /** Words the text writes in lower case somewhere ("Parliament" is also "parliament"). */
  readonly lowerWords: Set<string>
  /** Codes of the countries the text is about (its countries, demonyms, landmarks, dateline). */
  readonly context: Set<string>
  /** Place names the text uses for sports teams ("Nushki 212-6", "Pasni beat Gwadar"), in lower case: organisations throughout. */
  readonly teams: Set<string>
  /** Whether the text is a sports report (see `isSportsReport`): there a town named as no venue is its club. */
  sportsReport: boolean

  // ---- decisions ---------------------------------------------------------------
  /** One entity per type and name, with its mentions: the reader's answer. */
  readonly book: EntityBook
  /** What each candidate was read as; the weak pass and the lists skip decided candidates. */
  readonly decided: Map<Candidate, Decided>
  /** Names inside the brackets that spell out an acronym: part of its long form. */
  readonly spelledOut: Set<Candidate>
  /** Places the gazetteer lacks, given the text's main country at the end. */
  readonly unplaced: string[]

  // ---- names found so far, by their parts (null where two entities share a part) ---
  /** Acronyms the text defines ("Federal Security Service (FSB)"). */
  readonly acronyms: Map<string, Decided>
  /** Full and last names of people found so far. */
  readonly people: Map<string, string | null>
  /** People by the spelling key of their surname of five letters or more (see `spellingKey`). */
  readonly surnameSpellings: Map<string, string | null>
  /** First words of people's names: "Lin" of Lin Jian, "Sana" of Sana Farrant. */
  readonly leadingNames: Map<string, string | null>
  /** First words of organisations' longer names ("Kestrel" of "Kestrel Logistics SpA"). */
  readonly organisationsByFirstWord: Map<string, string | null>
  /** Organisations' names without their first words ("Police Prefecture" of "Paris Police Prefecture", "Congress" of "Indian National Congress"). */
  readonly organisationTails: Map<string, string | null>
  /** Mascots of clubs named by town and mascot ("Hawks" of "Quetta Hawks"). */
  readonly mascots: Map<string, string | null>
}

export function startReading(text: string, sentences: Token[][], dateline: Dateline | undefined): Reading {
  return {
    text,
    sentences,
    dateline,
    candidates: [],
    candidateAt: new Map(),
    singles: new Set(),
    shouting: new Set(),
    lowerWords: new Set(),
    context: new Set(),
    teams: new Set(),
    sportsReport: false,
    book: new EntityBook(),
    decided: new Map(),
    spelledOut: new Set(),
    unplaced: [],
    acronyms: new Map(),
    people: new Map(),
    surnameSpellings: new Map(),
    leadingNames: new Map(),
    organisationsByFirstWord: new Map(),
    organisationTails: new Map(),
    mascots: new Map(),
  }
}

/** The text a run of tokens covers. */
export function nameOf(reading: Reading, tokens: Token[]): string {
  return reading.text.slice(tokens[0]!.start, tokens.at(-1)!.end)
}

export function spanOf(tokens: Token[]): Span {
  return { start: tokens[0]!.start, end: tokens.at(-1)!.end }
}

/** Records whose name a word is part of; null once two share it. */
export function remember(names: Map<string, string | null>, part: string, owner: string): void {
  const known = names.get(part)
  names.set(part, known === undefined || known === owner ? owner : null)
}

/** A surname's first three letters and its consonants after them: "Sarea" and "Saree" share "sar|r". */
export function spellingKey(word: string): string {
  const lowered = word.toLowerCase()
  return `${lowered.slice(0, 3)}|${lowered.slice(3).replace(/[aeiouy]/g, '')}`
}

/** The most frequent value (the first seen among equals). */
export function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}
