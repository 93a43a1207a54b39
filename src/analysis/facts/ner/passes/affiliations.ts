import { isDemonym } from '../../../../gazetteer'
import { AFFILIATIONS } from '../lexicon'
import { addDemonym } from '../record'
import type { Reading } from '../reading'

/** The affiliations pass: "the Chinese embassy" names China, and the embassy where the text names it as an organisation elsewhere. */
export function readAffiliations(reading: Reading): void {
  for (const { sentence, candidate } of reading.candidates) {
    const [demonym] = candidate.tokens
    const next = sentence[candidate.to]
    if (candidate.tokens.length !== 1 || !isDemonym(demonym!.text) || !next?.word || next.capital || !AFFILIATIONS.has(next.text)) continue
    addDemonym(reading, demonym!)
    const organisation = reading.book.find('organization', `${demonym!.text} ${next.text}`)
    if (organisation) reading.book.add('organization', organisation.name, { start: demonym!.start, end: next.end })
  }
}
