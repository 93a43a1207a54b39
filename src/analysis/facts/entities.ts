import { findDateline, type Dateline } from './dateline'
import { readAffiliations } from './ner/passes/affiliations'
import { readDatelinePlace } from './ner/passes/dateline'
import { readLists } from './ner/passes/lists'
import { placeUnplaced } from './ner/passes/main-country'
import { readShouting } from './ner/passes/shouting'
import { readStrongEvidence } from './ner/passes/strong-evidence'
import { readVocabulary } from './ner/passes/vocabulary'
import { joinSurnames } from './ner/passes/surnames'
import { joinCompanyShortNames } from './ner/passes/company-short-names'
import { readWeakEvidence } from './ner/passes/weak-evidence'
import { startReading, type Reading } from './ner/reading'
import { tokenize } from './ner/tokens'
import type { Entity } from './types'
import type { Span } from '../../text/span'

/**
 * People, organisations, countries and places named in a text, each once with
 * every mention. Rules, not a model: capitalised runs of words are read with
 * the text's own evidence (titles and appositions, organisation words, the
 * prepositions and lists places stand in, acronyms the text defines) and with
 * the gazetteer (countries, GeoNames towns and regions, first names). Later
 * short mentions ("Lin", "Naqvi") join the person they abbreviate. The
 * dateline is the document's where the caller has it (found once per text).
 */
export function extractEntities(text: string, sentences: Span[], dateline: Dateline | undefined = findDateline(text)): Entity[] {
  const reading = startReading(text, tokenize(text, sentences), dateline)
  for (const pass of PASSES) pass(reading)
  return reading.book.all()
}

/** One step of the reader: it reads the shared `Reading` and adds what it decides. */
type Pass = (reading: Reading) => void

/**
 * The passes, in the order their evidence needs. The text's own vocabulary first (candidates, lower-case
 * words, teams, the countries in view), then the dateline, which fixes the country before any town is
 * placed. Strong evidence (titles, countries, organisation words, first names) before weak evidence, so
 * a surname or an organisation's short name is read once the full name is known. Lists twice, because a
 * list decided in the first round can settle a neighbouring one (a list of people beside a list of their
 * towns). Affiliations and headlines in capitals late, since they only reuse names found before; then
 * surnames read before their full name was known join it, as a company's brand joins its full name; the main country last of all, for the places
 * the gazetteer lacks.
 */
const PASSES: readonly Pass[] = [
  readVocabulary,
  readDatelinePlace,
  readStrongEvidence,
  readWeakEvidence,
  readLists,
  readLists,
  readAffiliations,
  readShouting,
  joinSurnames,
  joinCompanyShortNames,
  placeUnplaced,
]
