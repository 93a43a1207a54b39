import type { Entity } from '../../types'
import type { Reading } from '../reading'

// The words a company's full name ends in after its brand: "Ford Motor Company", "Acme Holdings Inc.".
const COMPANY_FORM =
  /^(?:(?:motor|motors|air|oil|chemical|steel|pharmaceutical|electric|financial|entertainment|media)\s+)?(?:company|co\.?|corporation|corp\.?|incorporated|inc\.?|limited|ltd\.?|group|holdings|plc|llc|ag|sa|s\.a\.)$/i

/**
 * The company short-name pass: an organisation named by one word that is the brand of exactly one company named in
 * full is that company ("Ford" and "Ford Motor Company"), named as the text first names it. The full name's words after the
 * brand must be a company form, so "Ford" stays apart from "Ford Foundation" and "Apple" from "Apple Daily".
 */
export function joinCompanyShortNames(reading: Reading): void {
  const organisations = reading.book.all().filter((entity) => entity.type === 'organization')
  for (const short of organisations) {
    if (short.name.includes(' ')) continue
    const companies = organisations.filter((full) => full.name.startsWith(`${short.name} `) && COMPANY_FORM.test(full.name.slice(short.name.length + 1)))
    if (companies.length !== 1) continue
    const brand = reading.book.find('organization', short.name)
    const company = reading.book.find('organization', companies[0]!.name)
    if (!brand || !company || brand === company) continue
    // The one company keeps the name the text introduces it by: "On Friday Ford Motor Company announced … Ford said" is
    // Ford Motor Company, "ABS-CBN was shut down … ABS-CBN Corporation is the largest network" is ABS-CBN.
    if (firstMention(company) < firstMention(brand)) reading.book.merge(brand, company)
    else reading.book.merge(company, brand)
  }
}

const firstMention = (entity: Entity) => Math.min(...entity.mentions.map((mention) => mention.start))
