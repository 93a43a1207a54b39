import type { Reading } from '../reading'

/**
 * The surnames pass: a person named by one word that is the last word of exactly one person named in full is
 * that person ("Mayor Adamowicz" in a quote read before "Paweł Adamowicz" was). Earlier passes join a surname
 * to a full name only when the full name came first in their reading; this one runs once every name is read.
 * Two people sharing the surname ("David Turpin", "Louise Turpin") leave it as it is.
 */
export function joinSurnames(reading: Reading): void {
  const people = reading.book.all().filter((entity) => entity.type === 'person')
  const fullNamesBySurname = new Map<string, string[]>()
  for (const person of people) {
    const space = person.name.lastIndexOf(' ')
    if (space < 0) continue
    const surname = person.name.slice(space + 1)
    fullNamesBySurname.set(surname, [...(fullNamesBySurname.get(surname) ?? []), person.name])
  }
  for (const person of people) {
    if (person.name.includes(' ')) continue
    const fullNames = fullNamesBySurname.get(person.name)
    if (fullNames?.length !== 1) continue
    const single = reading.book.find('person', person.name)
    const full = reading.book.find('person', fullNames[0]!)
    if (single && full) reading.book.merge(single, full)
  }
}
