import { countryByCode, countryOfDemonym, findCountry, findPlaces, isDemonym, isFirstName } from '../gazetteer'
import { findDateline } from './dateline'
import { EntityBook } from './ner/book'
import { findCandidates, type Candidate } from './ner/candidates'
import {
  AFFILIATIONS,
  AIRPORT_WORDS,
  ARABIC_PLACE_OPENERS,
  COMPASS_WORDS,
  CONNECTORS,
  FUNCTION_WORDS,
  HONORIFICS,
  KIN,
  KNOWN_ORGS,
  NATIONS,
  NOT_ORG_ACRONYMS,
  NOT_PERSON_WORDS,
  ORG_KINDS,
  ORG_PREFIXES,
  ORG_MEMBERS,
  ORG_SUFFIXES,
  PLACE_NAME_OPENERS,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS_AFTER_NAME,
  STRONG_PLACE_PREPOSITIONS,
} from './ner/lexicon'
import { isBigPlace, isProminentPlace, pickPlace, placeDetails } from './ner/places'
import { endsWithAnd, introducedAsPlaces, joinsList } from './ner/lists'
import { countryAfterComma, featureBefore, kindAfter, kindOfBefore, PLACE_FEATURES } from './ner/place-cues'
import { ageAfter, countryInBrackets, isAcronym, looksLikePersonName, lower, namesPlace, titleCase } from './ner/names'
import { hasPersonEvidence, namesAThing, soundsLikeCommonNouns } from './ner/person-evidence'
import { appositionRole, lastRoleHead, roleBefore } from './ner/roles'
import { capitalRuns, CLUB_WORDS, couldBeTeam, facesAnother, isTableRow, isTeamPosition, isTown, isTownAndMascot, isVenue } from './ner/teams'
import { tokenize, type Token } from './ner/tokens'
import type { Place } from '../gazetteer'
import type { Entity, EntityType } from './types'
import type { Span } from '../text/span'

/**
 * People, organisations, countries and places named in a text, each once with
 * every mention. Rules, not a model: capitalised runs of words are read with
 * the text's own evidence (titles and appositions, organisation words, the
 * prepositions and lists places stand in, acronyms the text defines) and with
 * the gazetteer (countries, GeoNames towns and regions, first names). Later
 * short mentions ("Lin", "Naqvi") join the person they abbreviate.
 */
export function extractEntities(text: string, sentences: Span[]): Entity[] {
  return new Reader(text, tokenize(text, sentences)).read()
}

type Decided = { type: EntityType; name: string }


class Reader {
  private readonly book = new EntityBook()
  private readonly context = new Set<string>()
  private readonly decided = new Map<Candidate, Decided>()
  private readonly acronyms = new Map<string, Decided>()
  /** Full and last names of people found so far (null where two people share one). */
  private readonly people = new Map<string, string | null>()
  /** People by the spelling key of their surname of five letters or more (see `spellingKey`; null where two share one). */
  private readonly surnameSpellings = new Map<string, string | null>()
  /** First words of people's names: "Lin" of Lin Jian, "Sana" of Sana Farrant. */
  private readonly leadingNames = new Map<string, string | null>()
  /** First words of organisations' longer names ("Kestrel" of "Kestrel Logistics SpA"; null where two share one). */
  private readonly organisationsByFirstWord = new Map<string, string | null>()
  /** Organisations' names without their first words ("Police Prefecture" of "Paris Police Prefecture", "Congress" of "Indian National Congress"; null where two share one). */
  private readonly organisationTails = new Map<string, string | null>()
  /** Mascots of clubs named by town and mascot ("Hawks" of "Quetta Hawks"). */
  private readonly mascots = new Map<string, string | null>()
  /** Names that stand alone somewhere in the text. */
  private readonly singles = new Set<string>()
  private readonly candidates: { sentence: Token[]; candidate: Candidate }[] = []
  /** Names inside the brackets that spell out an acronym: part of its long form. */
  private readonly spelledOut = new Set<Candidate>()
  private readonly candidateAt = new Map<Token, Candidate>()
  private readonly shouting = new Set<Token[]>()
  /** Place names the text uses for sports teams ("Nushki 212-6", "Pasni beat Gwadar"): organisations throughout. */
  private readonly teams = new Set<string>()
  /** Words the text writes in lower case somewhere ("Parliament" is also "parliament"). */
  private readonly lowerWords = new Set<string>()
  /** Places the gazetteer lacks, given the text's main country at the end. */
  private readonly unplaced: string[] = []

  constructor(
    private readonly text: string,
    private readonly sentences: Token[][],
  ) {}

  /**
   * The passes, in the order their evidence needs: candidates and the text's own vocabulary first (lower-case
   * words, teams, the countries in view); the dateline, which fixes the country before any town is placed; strong
   * evidence (titles, countries, organisation words, first names) before weak evidence, so a surname or an
   * organisation's short name is read once the full name is known; longer runs before single words for the same
   * reason; lists twice, because a list decided in the first round can settle a neighbouring one; affiliations and
   * capitals last, since they only reuse names found before; the main country last of all, for the unplaced places.
   */
  read(): Entity[] {
    this.collect()
    this.readDateline()
    for (const { sentence, candidate } of this.candidates) this.readStrong(sentence, candidate)
    for (const { sentence, candidate } of this.candidates) if (candidate.tokens.length > 1) this.readWeak(sentence, candidate)
    for (const { sentence, candidate } of this.candidates) if (candidate.tokens.length === 1) this.readWeak(sentence, candidate)
    this.readLists()
    this.readLists()
    this.readAffiliations()
    for (const sentence of this.shouting) this.readShouting(sentence)
    const country = this.mainCountry()
    for (const name of this.unplaced) {
      const place = this.book.find('place', name)
      if (place && country && !place.country) place.country = country
    }
    return this.book.all()
  }

  // ---- gathering -------------------------------------------------------------

  private collect(): void {
    const midCapitals = new Set<string>()
    const lowerWords = this.lowerWords
    for (const sentence of this.sentences) {
      const words = sentence.filter((token) => token.word && /\p{L}/u.test(token.text))
      if (words.length > 0 && words.every((token) => !/\p{Ll}/u.test(token.text)) && words.some((token) => token.text.length > 1)) {
        this.shouting.add(sentence)
        continue
      }
      for (const token of words) {
        if (token.capital && !token.initial) midCapitals.add(token.text)
        if (!token.capital) lowerWords.add(token.text)
      }
    }
    const nameLike = (token: Token) =>
      midCapitals.has(token.text) || isDemonym(token.text) || KNOWN_ORGS.has(token.text) || WEBSITE.test(token.text) || Boolean(findCountry(token.text)) || findPlaces(token.text).length > 0 || isFirstName(token.text)
    const landmarks: string[] = []
    // A score after the first word of a line makes it a side in a result ("Dalbandin 2 Kharan 1");
    // an organisation word after it makes it part of that name ("Press TV said").
    const keepInitial = (token: Token, next: Token | undefined, following: Token | undefined) =>
      nameLike(token) || (next !== undefined && (!lowerWords.has(lower(token)) || ORG_SUFFIXES.has(lower(next)))) || (/^\d+$/.test(following?.text ?? '') && !lowerWords.has(lower(token)))
    for (const sentence of this.sentences) {
      if (this.shouting.has(sentence)) continue
      const candidates = findCandidates(sentence, keepInitial)
      const scored = candidates.filter((candidate) => isTeamPosition(sentence, candidate.from, candidate.to)).length
      for (const candidate of candidates) {
        if (isQuotedTitle(sentence, candidate)) continue
        this.candidates.push({ sentence, candidate })
        this.candidateAt.set(candidate.tokens[0]!, candidate)
        if (candidate.tokens.length === 1) this.singles.add(candidate.tokens[0]!.text)
        const name = this.name(candidate.tokens)
        const country = findCountry(name) ?? countryOfDemonym(candidate.tokens[0]!.text)
        if (country) this.context.add(country.code)
        else landmarks.push(name)
        const sides = scored > 1 || facesAnother(sentence, candidate.from, candidate.to) || isTableRow(sentence, candidate.from, candidate.to)
        const athlete = candidate.tokens.length > 1 && looksLikePersonName(candidate.tokens) && countryInBrackets(sentence, candidate.to)
        if (!country && !athlete && isTeamPosition(sentence, candidate.from, candidate.to) && couldBeTeam(candidate.tokens, sides)) this.teams.add(name.toLowerCase())
      }
    }
    // Where the text names no country, its regions and big towns tell which one it is about.
    if (this.context.size === 0) for (const name of landmarks) this.context.add(landmark(name)?.country ?? '')
    this.context.delete('')
    for (const sentence of this.shouting) {
      for (const run of capitalRuns(sentence)) {
        const name = titleCase(this.name(run.tokens))
        if (!findCountry(name) && isTown(name) && isTeamPosition(sentence, run.from, run.to)) this.teams.add(name.toLowerCase())
      }
    }
  }

  private readDateline(): void {
    const dateline = findDateline(this.text)
    if (!dateline) return
    const place = pickPlace(dateline.place, this.context)
    if (place) this.context.add(place.country)
    this.book.add('place', dateline.place, dateline, place ? placeDetails(place) : dateline.country ? { country: dateline.country } : {})
    const region = dateline.region
    if (!region) return
    const country = findCountry(region.name)
    if (country) return void this.book.add('country', country.name, region)
    const area = pickPlace(region.name, this.context)
    this.book.add('place', region.name, region, area ? placeDetails(area) : {})
  }

  // ---- strong evidence: titles, countries, organisation words, first names ---

  private readStrong(sentence: Token[], candidate: Candidate): void {
    const tokens = candidate.tokens
    if (this.book.has(this.span(tokens)) || this.spelledOut.has(candidate)) return
    const name = this.name(tokens)
    const abbreviated = this.acronyms.get(name)
    if (abbreviated) return this.decide(sentence, candidate, abbreviated.type, abbreviated.name)
    if (this.readSpelledOut(sentence, candidate)) return
    const head = lastRoleHead(tokens)
    const nameFrom = head < 0 ? -1 : looksLikePersonName(tokens.slice(head + 1)) ? head + 1 : this.nameAfterRoleOf(tokens, head)
    if (nameFrom > 0) {
      const roleTokens = tokens.slice(0, nameFrom)
      this.readRole(roleTokens)
      const honorific = roleTokens.length === 1 && HONORIFICS.has(lower(roleTokens[0]!))
      this.addPerson(sentence, candidate.from + nameFrom, candidate.to, honorific ? undefined : this.name(roleTokens))
      return
    }
    const surname = tokens.length === 1 ? this.people.get(name) : undefined
    if (surname && surname !== name) return this.decide(sentence, candidate, 'person', surname)
    const country = findCountry(name)
    if (country) return this.decide(sentence, candidate, 'country', country.name)
    const part = tokens.length === 2 && COMPASS_WORDS.has(lower(tokens[0]!)) ? findCountry(tokens[1]!.text) : undefined
    if (part) return this.decide(sentence, candidate, 'place', name, { country: part.name })
    if (tokens.length === 1 && isDemonym(name)) return
    const multiWordPlace = tokens.length > 1 ? pickPlace(name, this.context) : undefined
    if (multiWordPlace && this.isClubOfTown(sentence, candidate, multiWordPlace)) this.teams.add(name.toLowerCase())
    const team = this.isTeamHere(sentence, candidate)
    if (multiWordPlace && !team) return this.decide(sentence, candidate, 'place', name, placeDetails(multiWordPlace))
    if (team || this.isOrganisation(sentence, candidate)) {
      if (isDemonym(tokens[0]!.text)) this.addDemonym(tokens[0]!)
      return this.decide(sentence, candidate, 'organization', name)
    }
    if (tokens.length > 1 && PLACE_FEATURES.has(lower(tokens.at(-1)!))) return this.decidePlace(sentence, this.townOfAirport(candidate) ?? candidate)
    const role = roleBefore(sentence, candidate.from)
    if (looksLikePersonName(tokens) && (role !== undefined || (tokens.length > 1 && isFirstName(tokens[0]!.text) && findPlaces(name).length === 0 && !namesAThing(tokens)))) {
      this.addPerson(sentence, candidate.from, candidate.to, role ? this.name(role) : undefined)
      return
    }
    this.readNationalityAndName(sentence, candidate)
  }

  /**
   * "ISIS (Islamic State of Iraq and Syria)": an acronym followed by the words it abbreviates in brackets,
   * one capitalised word per letter. Both name one organisation (a country where the words name one),
   * and the names inside the brackets are read no further.
   */
  private readSpelledOut(sentence: Token[], candidate: Candidate): boolean {
    const acronym = candidate.tokens[0]!.text
    if (candidate.tokens.length !== 1 || !isAcronym(acronym) || sentence[candidate.to]?.text !== '(') return false
    const open = candidate.to + 1
    let close = open + 1
    while (close < Math.min(sentence.length, open + 2 * acronym.length + 2) && sentence[close]!.text !== ')') close++
    if (sentence[close]?.text !== ')') return false
    const words = sentence.slice(open, close)
    const initials = words.filter((token) => token.capital).map((token) => token.text[0]).join('')
    if (initials !== acronym.replace(/[.&]/g, '') || !words.every((token) => token.capital || CONNECTORS.has(token.text) || token.text === 'and')) return false
    const longName = this.name(words)
    const country = findCountry(longName)
    const entity: Decided = country ? { type: 'country', name: country.name } : { type: 'organization', name: longName }
    for (const inside of this.candidates) if (inside.sentence === sentence && inside.candidate.from >= open && inside.candidate.to <= close) this.spelledOut.add(inside.candidate)
    this.decide(sentence, candidate, entity.type, entity.name)
    this.book.add(entity.type, entity.name, this.span(words))
    this.acronyms.set(acronym, entity)
    return true
  }

  /**
   * "Quetta International Airport": the town it is named after, where the gazetteer knows that town;
   * otherwise the airport is the place ("Fath Airport").
   */
  private townOfAirport({ tokens, from }: Candidate): Candidate | undefined {
    if (!AIRPORT_WORDS.has(lower(tokens.at(-1)!))) return undefined
    const town = tokens.findIndex((token) => token.text === 'International' || AIRPORT_WORDS.has(lower(token)))
    const named = tokens.slice(0, town)
    if (town < 1 || !pickPlace(this.name(named), this.context)) return undefined
    return { tokens: named, from, to: from + town }
  }

  /** "Kenyan Amos Kiprono", "Peruvians Lucia Ferraz and …": a demonym (or its plural before a list of athletes), then a person's full name. */
  private readNationalityAndName(sentence: Token[], candidate: Candidate): void {
    const { tokens, from, to } = candidate
    const [demonym] = tokens
    const name = tokens.slice(1)
    if (tokens.length < 3 || !demonymOf(demonym!.text) || !looksLikePersonName(name) || namesPlace(name)) return
    this.addDemonym(demonym!)
    this.addPerson(sentence, from + 1, to)
    this.decided.set(candidate, { type: 'person', name: this.name(name) })
  }

  /**
   * "Minister of Information Moammar al-Eryani", "Prime Minister of India Narendra Modi": where the
   * title's "of" runs into the name, the name is its last two or three words, starting with a first
   * name or after a country, or ending in a name the text also uses alone. The index the name starts at, or -1.
   */
  private nameAfterRoleOf(tokens: Token[], head: number): number {
    if (tokens[head + 1]?.text !== 'of') return -1
    for (let from = Math.max(head + 3, tokens.length - 3); from <= tokens.length - 2; from++) {
      const name = tokens.slice(from)
      if (looksLikePersonName(name) && (isFirstName(name[0]!.text) || this.singles.has(name.at(-1)!.text) || findCountry(tokens[from - 1]!.text))) return from
    }
    return -1
  }

  /** "Chinese Foreign Ministry Spokesperson", "U.S. Secretary of State": the countries it names and the organisation. */
  private readRole(role: Token[]): void {
    if (isDemonym(role[0]!.text)) this.addDemonym(role[0]!)
    for (const token of role) {
      const country = findCountry(token.text)
      if (country) this.book.add('country', country.name, token)
    }
    for (let end = role.length - 1; end > 0; end--) {
      if (ORG_SUFFIXES.has(lower(role[end]!))) {
        const organisation = role.slice(0, end + 1)
        this.book.add('organization', this.name(organisation), this.span(organisation))
        return
      }
    }
  }

  private isOrganisation(sentence: Token[], { tokens, from, to }: Candidate): boolean {
    const last = lower(tokens.at(-1)!)
    if (KNOWN_ORGS.has(this.name(tokens)) || CLUB_WORDS.has(last)) return true
    if (ORG_SUFFIXES.has(last) && (tokens.length > 1 || last === 'parliament' || last === 'congress')) return true
    if (namesBodyOf(tokens)) return true
    // "Kataeb Hezbollah", "Tehreek-e-Taliban": a longer name ending in a known organisation's is a branch or ally of it; not "Henry Ford".
    if (tokens.length > 1 && KNOWN_ORGS.has(tokens.at(-1)!.text) && !isFirstName(tokens[0]!.text)) return true
    if (tokens.length === 1 && WEBSITE.test(tokens[0]!.text)) return true
    if (tokens.length > 1 && ORG_PREFIXES.has(lower(tokens[0]!))) return true
    const before = sentence[from - 1]
    const after = sentence[to]
    if (isTownAndMascot(tokens) && (before?.text.toLowerCase() === 'the' || isTeamPosition(sentence, from, to) || this.teams.size > 0)) return true
    if (before?.word && !before.capital && ORG_KINDS.has(before.text) && !(tokens.length > 1 && isFirstName(tokens[0]!.text))) return true
    if (after?.word && !after.capital && ORG_MEMBERS.has(after.text) && !this.people.has(this.name(tokens)) && !isNation(this.name(tokens))) return true
    if (kindInApposition(sentence, to) && !isFirstName(tokens[0]!.text) && findPlaces(this.name(tokens)).length === 0) return true
    return tokens.length === 1 && isAcronym(tokens[0]!.text) && !NOT_ORG_ACRONYMS.has(tokens[0]!.text) && findPlaces(tokens[0]!.text).length === 0
  }

  // ---- weak evidence: earlier mentions, name shape, gazetteer with context ---

  private readWeak(sentence: Token[], candidate: Candidate): void {
    const tokens = candidate.tokens
    if (this.decided.has(candidate) || this.book.has(this.span(tokens)) || this.spelledOut.has(candidate)) return
    const name = this.name(tokens)
    const surname = tokens.length === 1 ? this.people.get(name) : undefined
    if (surname) return this.decide(sentence, candidate, 'person', surname)
    const venue = this.teams.has(name.toLowerCase()) && !this.isTeamHere(sentence, candidate) ? pickPlace(name, this.context) : undefined
    if (venue) return this.decide(sentence, candidate, 'place', name, placeDetails(venue))
    const known = this.acronyms.get(name) ?? this.namedBefore(name)
    if (known) return this.decide(sentence, candidate, known.type, known.name)
    const organisation = tokens.some((token) => this.book.find('organization', token.text))
    const person = this.people.get(name) ?? (organisation ? undefined : this.byLeadingName(name))
    if (person) return this.decide(sentence, candidate, 'person', person)
    const inCountry = this.placeCue(sentence, candidate)
    if (inCountry !== undefined) return this.decidePlace(sentence, candidate, inCountry)
    const preposition = prepositionBefore(sentence, candidate.from)
    const afterPreposition = PLACE_PREPOSITIONS.has(preposition)
    if (tokens.length > 1 && STRONG_PLACE_PREPOSITIONS.has(preposition) && ((!isFirstName(tokens[0]!.text) && looksLikePersonName(tokens)) || startsPlaceName(tokens))) {
      this.decide(sentence, candidate, 'place', name)
      this.unplaced.push(name)
      return
    }
    if (tokens.length > 1 && ARABIC_PLACE_OPENERS.has(lower(tokens[0]!)) && looksLikePersonName(tokens.slice(1))) return this.decidePlace(sentence, candidate)
    if (tokens.length > 1 && tokens.length < 4 && !organisation && looksLikePersonName(tokens) && !namesAThing(tokens) && !tokens.some((token) => token.text === 'of' || token.text === 'for') && (!namesPlace(tokens) || countryInBrackets(sentence, candidate.to)) && (!soundsLikeCommonNouns(tokens, this.lowerWords) || hasPersonEvidence(this.text, sentence, tokens, candidate.to))) {
      return this.addPerson(sentence, candidate.from, candidate.to)
    }
    if (tokens.length !== 1 || name.length < 2) return
    const after = sentence[candidate.to]
    if (!organisation && kinBefore(sentence, candidate.from) && looksLikePersonName(tokens) && !isAcronym(name)) return this.addPerson(sentence, candidate.from, candidate.to)
    if (!organisation && ((after?.word && SPEECH_VERBS_AFTER_NAME.has(after.text)) || ageAfter(sentence, candidate.to)) && looksLikePersonName(tokens) && findPlaces(name).length === 0 && !isAcronym(name)) {
      return this.addPerson(sentence, candidate.from, candidate.to)
    }
    const place = isDemonym(name) || NOT_PERSON_WORDS.has(name.toLowerCase()) ? undefined : pickPlace(name, this.context)
    if (place && this.isClubOfTown(sentence, candidate, place)) {
      this.teams.add(name.toLowerCase())
      return this.decide(sentence, candidate, 'organization', name)
    }
    if (place && (afterPreposition || (isProminentPlace(place, this.context) && (!isFirstName(name) || isBigPlace(place))))) {
      this.decide(sentence, candidate, 'place', name, placeDetails(place))
      return
    }
    if (!place && STRONG_PLACE_PREPOSITIONS.has(preposition) && this.couldBeUnknownPlace(tokens[0]!, sentence[candidate.to])) this.decidePlace(sentence, candidate)
  }

  /** In a report of results (two or more clubs found), a town not named as the venue ("in Seattle") is its club ("Seattle won"). */
  private isClubOfTown(sentence: Token[], { from, to }: Candidate, place: Place): boolean {
    return this.teams.size >= 2 && place.kind === 'town' && !isVenue(sentence, from, to)
  }

  /** A name the text uses for a club, here not named as the venue of a match ("at Pasni" is the town). */
  private isTeamHere(sentence: Token[], { tokens, from, to }: Candidate): boolean {
    const name = this.name(tokens).toLowerCase()
    return this.teams.has(name) && !(isVenue(sentence, from, to) && isTown(name))
  }

  /** "in Morvella", "near Tasquera": a word the gazetteer lacks, after "in" or "near", that names nothing else (not "in Catalonian", "in Muslim-majority"). */
  private couldBeUnknownPlace(token: Token, next: Token | undefined): boolean {
    return next?.text !== '-' && !isAdjective(token) && !token.initial && !isAcronym(token.text) && !isFirstName(token.text) && !isDemonym(token.text) && !this.lowerWords.has(token.text.toLowerCase()) && !ORG_SUFFIXES.has(lower(token)) && !NOT_PERSON_WORDS.has(lower(token)) && looksLikePersonName([token])
  }

  /**
   * What the words around a name say of it being a place ("the town of Mokha",
   * "Maidan Wardak province", "the river Seine", "Mokha, Yemen"): the code of its country, '' when
   * none is said, undefined when nothing says it is a place.
   */
  private placeCue(sentence: Token[], { tokens, from, to }: Candidate): string | undefined {
    const name = this.name(tokens)
    if (this.teams.has(name.toLowerCase()) || this.people.has(name) || isDemonym(name) || isAdjective(tokens.at(-1)!) || (looksLikePersonName(tokens) && tokens.length > 1 && isFirstName(tokens[0]!.text))) return undefined
    if (kindOfBefore(sentence, from) || kindAfter(sentence, to) || featureBefore(sentence, from)) return ''
    return countryAfterComma(sentence, to)
  }

  /** A place, in the given country when the gazetteer knows it there; one it lacks keeps the text's country. */
  private decidePlace(sentence: Token[], candidate: Candidate, countryCode = ''): void {
    const name = this.name(candidate.tokens)
    const known = countryCode ? findPlaces(name).find((place) => place.country === countryCode) : pickPlace(name, this.context)
    if (known) return this.decide(sentence, candidate, 'place', name, placeDetails(known))
    const country = countryByCode(countryCode)?.name
    this.decide(sentence, candidate, 'place', name, country ? { country } : {})
    if (!country) this.unplaced.push(name)
  }

  /**
   * Names listed with places are places too ("Kalat, Tump, and Sariab"), in the country most of the list is in;
   * names listed with people are people ("Odhiambo, Farrant, Lindqvist").
   */
  private readLists(): void {
    for (const list of this.lists()) {
      const kinds = list.items.map((item) => this.decided.get(item.candidate)?.type)
      const places = list.items.filter((_, index) => kinds[index] === 'place')
      const open = list.items.filter((item, index) => kinds[index] === undefined && !this.book.has(this.span(item.candidate.tokens)))
      if (open.length === 0) continue
      const people = kinds.filter((kind) => kind === 'person').length
      if (people >= 2 && people * 2 >= list.items.length) {
        for (const item of open) if (looksLikePersonName(item.candidate.tokens)) this.addPerson(item.sentence, item.candidate.from, item.candidate.to)
        continue
      }
      if (!list.introducedAsPlaces && (places.length < 2 || places.length * 2 < list.items.length)) continue
      const countries = places.map((item) => this.book.find('place', this.decided.get(item.candidate)!.name)?.country).filter(Boolean)
      const country = mostCommon(countries as string[])
      for (const item of open) this.decide(item.sentence, item.candidate, 'place', this.name(item.candidate.tokens), country ? { country } : {})
    }
  }

  private *lists(): Generator<{ items: { sentence: Token[]; candidate: Candidate }[]; introducedAsPlaces: boolean }> {
    let items: { sentence: Token[]; candidate: Candidate }[] = []
    const flush = () => {
      const found = items
      items = []
      return found
    }
    for (let index = 0; index < this.candidates.length; index++) {
      const current = this.candidates[index]!
      const previous = items.at(-1)
      if (previous && !(previous.sentence === current.sentence && joinsList(current.sentence, previous.candidate.to, current.candidate.from))) {
        const found = flush()
        if (found.length > 2 || (found.length === 2 && endsWithAnd(found))) yield { items: found, introducedAsPlaces: introducedAsPlaces(found[0]!) }
      }
      items.push(current)
    }
    const found = flush()
    if (found.length > 2) yield { items: found, introducedAsPlaces: introducedAsPlaces(found[0]!) }
  }

  /** "The Chinese embassy": China, and the embassy when the text names it as an organisation elsewhere. */
  private readAffiliations(): void {
    for (const { sentence, candidate } of this.candidates) {
      const [demonym] = candidate.tokens
      const next = sentence[candidate.to]
      if (candidate.tokens.length !== 1 || !isDemonym(demonym!.text) || !next?.word || next.capital || !AFFILIATIONS.has(next.text)) continue
      this.addDemonym(demonym!)
      const organisation = this.book.find('organization', `${demonym!.text} ${next.text}`)
      if (organisation) this.book.add('organization', organisation.name, { start: demonym!.start, end: next.end })
    }
  }

  /** Headlines and tables in capitals: only names the text or the gazetteer already knows. */
  private readShouting(sentence: Token[]): void {
    for (let index = 0; index < sentence.length; index++) {
      for (let length = Math.min(4, sentence.length - index); length > 0; length--) {
        const tokens = sentence.slice(index, index + length)
        if (!tokens.every((token) => token.word && /^\p{Lu}/u.test(token.text))) continue
        const name = titleCase(this.name(tokens))
        const venue = isVenue(sentence, index, index + length) && isTown(name)
        const type = venue ? ({ type: 'place', name } as const) : this.teams.has(name.toLowerCase()) ? ({ type: 'organization', name } as const) : this.knownType(name)
        if (!type) continue
        if (type.type === 'place') {
          const place = pickPlace(type.name, this.context)
          this.book.add('place', type.name, this.span(tokens), place ? placeDetails(place) : {})
        } else this.book.add(type.type, type.name, this.span(tokens))
        index += length - 1
        break
      }
    }
  }

  private knownType(name: string): Decided | undefined {
    for (const type of ['person', 'organization', 'country', 'place'] as const) {
      const entity = this.book.find(type, name)
      if (entity) return { type, name: entity.name }
    }
    const person = this.people.get(name)
    if (person) return { type: 'person', name: person }
    const country = findCountry(name)
    if (country) return { type: 'country', name: country.name }
    if (!isDemonym(name) && findPlaces(name).some(isBigPlace)) return { type: 'place', name }
    return undefined
  }

  /**
   * A person named by the first word of their name: a family name first ("Lin"
   * for Lin Jian), unless the text calls them by the last word elsewhere, which
   * makes this a given name ("Sana" with "Farrant") or someone else.
   */
  private byLeadingName(name: string): string | undefined {
    const person = this.leadingNames.get(name)
    if (!person) return undefined
    const last = person.slice(person.lastIndexOf(' ') + 1)
    return this.singles.has(last) ? undefined : person
  }

  /**
   * A name the text already gave an organisation, place or country, or the first
   * word of an organisation's longer name ("Kestrel" of "Kestrel Logistics SpA").
   */
  private namedBefore(name: string): Decided | undefined {
    for (const type of ['organization', 'place', 'country'] as const) {
      const entity = this.book.find(type, name)
      if (entity) return { type, name: entity.name }
    }
    if (name.includes(' ') || isFirstName(name) || findPlaces(name).length > 0 || FUNCTION_WORDS.has(name.toLowerCase())) return undefined
    const organisation = this.mascots.get(name) ?? this.organisationsByFirstWord.get(name)
    return organisation ? { type: 'organization', name: organisation } : undefined
  }

  /** "Saree" after "Yahya Sarea": a surname transliterated with other vowels at its end is the same person. */
  private otherSpelling(name: string): string | undefined {
    return name.length >= 5 ? (this.surnameSpellings.get(spellingKey(name)) ?? undefined) : undefined
  }

  /** "Robert Gabriel Mugabe" after "Robert Mugabe": a fuller name of someone already found, by first and last word. */
  private samePerson(tokens: Token[]): string | undefined {
    if (tokens.length < 3) return undefined
    const known = this.people.get(tokens.at(-1)!.text)
    return known && known.startsWith(`${tokens[0]!.text} `) ? known : undefined
  }

  /** The country the text is most about: the one its countries and places name most often. */
  private mainCountry(): string | undefined {
    const names: string[] = []
    for (const entity of this.book.all()) {
      const country = entity.type === 'country' ? entity.name : entity.type === 'place' ? entity.country : undefined
      if (country) for (const _ of entity.mentions) names.push(country)
    }
    return mostCommon(names)
  }

  // ---- recording -------------------------------------------------------------

  private decide(sentence: Token[], candidate: Candidate, type: EntityType, decidedName: string, details: Partial<Entity> = {}): void {
    const name = (type === 'organization' && this.organisationTails.get(decidedName)) || decidedName
    this.decided.set(candidate, { type, name })
    if (type === 'organization') for (let from = 1; from < candidate.tokens.length; from++) remember(this.organisationTails, this.name(candidate.tokens.slice(from)), name)
    if (type === 'organization' && candidate.tokens.length > 1) remember(this.organisationsByFirstWord, candidate.tokens[0]!.text, name)
    if (type === 'organization' && isTownAndMascot(candidate.tokens)) remember(this.mascots, candidate.tokens.at(-1)!.text, name)
    this.book.add(type, name, this.span(candidate.tokens), details)
    this.readAcronym(sentence, candidate.to, { type, name })
  }

  private addPerson(sentence: Token[], from: number, to: number, role?: string): void {
    const tokens = sentence.slice(from, to)
    const name = this.name(tokens)
    const spelling = tokens.length === 1 && !this.people.has(name) ? this.otherSpelling(name) : undefined
    if (spelling) this.people.set(name, spelling)
    const fullName = this.people.get(name) ?? this.samePerson(tokens) ?? name
    const apposition = role ?? appositionRole(this.text, sentence, to)
    this.book.add('person', fullName, this.span(tokens), apposition ? { role: apposition } : {})
    const candidate = this.candidateAt.get(tokens[0]!)
    if (candidate) this.decided.set(candidate, { type: 'person', name: fullName })
    if (fullName !== name) return
    this.people.set(name, name)
    if (tokens.length < 2) return
    remember(this.people, tokens.at(-1)!.text, name)
    remember(this.leadingNames, tokens[0]!.text, name)
    if (tokens.at(-1)!.text.length >= 5) remember(this.surnameSpellings, spellingKey(tokens.at(-1)!.text), name)
  }

  private addDemonym(token: Token): void {
    const country = countryOfDemonym(demonymOf(token.text) ?? '')
    if (country) this.book.add('country', country.name, token)
  }

  /** "Federal Security Service (FSB)": the acronym names the same entity, here and later. */
  private readAcronym(sentence: Token[], after: number, entity: Decided): void {
    const [open, acronym, close] = sentence.slice(after, after + 3)
    if (open?.text !== '(' || close?.text !== ')' || !acronym || !isAcronym(acronym.text)) return
    this.acronyms.set(acronym.text, entity)
    this.book.add(entity.type, entity.name, acronym)
  }

  private span(tokens: Token[]): Span {
    return { start: tokens[0]!.start, end: tokens.at(-1)!.end }
  }

  private name(tokens: Token[]): string {
    return this.text.slice(tokens[0]!.start, tokens.at(-1)!.end)
  }
}

/**
 * The preposition right before a name, in lower case ('' if none): "in Mosul", and "Near Mosul," opening
 * a sentence, as strike lists do ("Near Mosul, one strike destroyed…").
 */
function prepositionBefore(sentence: Token[], from: number): string {
  const before = sentence[from - 1]
  return before?.word && (!before.capital || before.initial) ? lower(before) : ''
}

/** "Catalonian", "Kurdish", "Islamic", "Sunni": an adjective of a people or faith, no place's name. */
const isAdjective = (token: Token) => /(?:ian|ean|ese|ish|ic)$/.test(token.text) || NOT_PERSON_WORDS.has(lower(token))

/** "Harbour Lights", 'the film "Anna Verhoeven"': capitalised words that fill a quotation are a title, no name. */
function isQuotedTitle(sentence: Token[], { tokens, from, to }: Candidate): boolean {
  const open = sentence[from - 1]?.text ?? ''
  const close = sentence[to]?.text ?? ''
  return tokens.length > 1 && QUOTE_MARKS.has(open) && QUOTE_MARKS.has(close) && !KNOWN_ORGS.has(tokens.map((token) => token.text).join(' '))
}

const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’'])

/** A surname's first three letters and its consonants after them: "Sarea" and "Saree" share "sar|r". */
function spellingKey(word: string): string {
  const lowered = word.toLowerCase()
  return `${lowered.slice(0, 3)}|${lowered.slice(3).replace(/[aeiouy]/g, '')}`
}

/** "Airfleets, a database of …", "Dawn, the daily": a name followed by what kind of organisation it is. */
function kindInApposition(sentence: Token[], to: number): boolean {
  const [comma, article, kind] = sentence.slice(to, to + 3)
  return comma?.text === ',' && /^(?:a|an|the)$/.test(article?.text ?? '') && Boolean(kind?.word && !kind.capital && ORG_KINDS.has(kind.text))
}

/** "his widow, Denise", "the victim's mother, Anwar": a relative named by one word in apposition. */
function kinBefore(sentence: Token[], from: number): boolean {
  const kin = sentence[from - 2]
  return sentence[from - 1]?.text === ',' && Boolean(kin?.word && !kin.capital && KIN.has(kin.text))
}

/** "La Llagosta", "San Andrés": an article or a saint before a name the gazetteer lacks. */
function startsPlaceName(tokens: Token[]): boolean {
  return PLACE_NAME_OPENERS.has(lower(tokens[0]!)) && looksLikePersonName(tokens.slice(1))
}

/** A region or a big town, whose country tells what the text is about ("Balochistan", "Quetta"). */
function landmark(name: string): Place | undefined {
  const places = findPlaces(name).filter((place) => place.country && (place.kind === 'region' || isBigPlace(place)))
  return places.length > 0 && places.every((place) => place.country === places[0]!.country) ? places[0] : undefined
}

/**
 * "Central Bank of Nigeria", "Directorate General of Civil Aviation", "Committee to Protect Journalists":
 * an organisation word before the "of", "for" or "to" that says whose or what for the body is.
 */
function namesBodyOf(tokens: Token[]): boolean {
  const connector = tokens.findIndex((token) => token.text === 'of' || token.text === 'for' || token.text === 'to')
  return connector > 0 && connector < tokens.length - 1 && tokens.slice(0, connector).some((token) => ORG_SUFFIXES.has(lower(token)))
}

/** A country or a nation within one ("England"): its captain or coach leads a national side, which is the country itself. */
function isNation(name: string): boolean {
  return Boolean(findCountry(name)) || NATIONS.has(name.toLowerCase())
}

/** Records whose name a word is part of; null once two share it. */
function remember(names: Map<string, string | null>, part: string, owner: string): void {
  const known = names.get(part)
  names.set(part, known === undefined || known === owner ? owner : null)
}

/** "Znak.com", "Meduza.io": a site named by its domain is the organisation that runs it. */
const WEBSITE = /^\p{L}[\p{L}\p{N}-]*\.(?:com|org|net|info|io|news|ru|ua|tv)$/u

/** The demonym a word is, or whose plural it is ("Kenyans" -> "Kenyan"). */
function demonymOf(word: string): string | undefined {
  if (isDemonym(word)) return word
  return word.endsWith('s') && isDemonym(word.slice(0, -1)) ? word.slice(0, -1) : undefined
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}
