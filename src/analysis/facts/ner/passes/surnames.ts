import { isFirstName } from '../../../../gazetteer'
import { placeKey } from '../../../../gazetteer/key'
import type { Reading } from '../reading'

/**
 * The surnames pass: a person named by a shorter form of exactly one person named in full is that person. The
 * shorter form is a surname ("Mayor Adamowicz" in a quote read before "Paweł Adamowicz" was), one of two surnames
 * ("Vázquez", "Rivera Schatz" for "Wanda Vázquez Garced", "Thomas Rivera Schatz"), the full name without its
 * initials ("John Bolton" for "John R. Bolton"), or any of these spelt without a diacritic ("Erdogan" for
 * "Recep Tayyip Erdoğan"). Earlier passes join a surname to a full name only when the full name came first in their
 * reading; this one runs once every name is read. Longer forms join first, so "John Bolton" has joined "John R.
 * Bolton" before "Bolton" looks for its one full name. Two people sharing the surname ("David Turpin", "Louise
 * Turpin") leave it as it is.
 */
export function joinSurnames(reading: Reading): void {
  const people = reading.book
    .all()
    .filter((entity) => entity.type === 'person')
    .map((entity) => ({ name: entity.name, words: comparableWords(entity.name) }))
    .sort((a, b) => a.words.length - b.words.length)
  const joined = new Set<string>()
  for (let i = people.length - 1; i >= 0; i--) {
    const short = people[i]!
    if (!isShortForm(short.words)) continue
    const fullNames = people.filter((full) => full !== short && !joined.has(full.name) && abbreviates(short.words, full.words))
    if (fullNames.length !== 1) continue
    const from = reading.book.find('person', short.name)
    const into = reading.book.find('person', fullNames[0]!.name)
    if (!from || !into || from === into) continue
    reading.book.merge(from, into)
    joined.add(short.name)
  }
}

/** A name's words as names are compared everywhere (`placeKey`: lower case, no diacritics, no dots): "Erdoğan" is "erdogan", "R." is "r". */
function comparableWords(name: string): string[] {
  return placeKey(name).split(/\s+/)
}

/** One word, or a few: a form that may shorten a longer name (a single given name stays on its own: "Zoe" is not read as anyone's). */
function isShortForm(words: string[]): boolean {
  return words.length >= 1 && words.length <= 3
}

/**
 * Whether `short` names the person `full` names: its surname ("Bolton" for "John R. Bolton"), the first of two surnames
 * after a given name ("Vázquez" for "Wanda Vázquez Garced"), both surnames ("Rivera Schatz" for "Thomas Rivera
 * Schatz"), or the full name without its initials ("John Bolton"). A middle name that is no initial may be another
 * person's ("Gloria Vanderbilt" and her mother "Gloria Morgan Vanderbilt"), and a name after a word that is no given
 * name may be a longer span read wrong ("Vermont Bernie Sanders"): neither is joined.
 */
function abbreviates(short: string[], full: string[]): boolean {
  if (short.length >= full.length || !inOrder(short, full)) return false
  const surname = full.at(-1)
  if (short.length === 1) return short[0] === surname || (full.length > 2 && short[0] === full.at(-2) && opensWithGivenName(full))
  if (short[0] === full[0]) return short.at(-1) === surname && full.every((word) => word.length === 1 || short.includes(word))
  return short.join(' ') === full.slice(1).join(' ') && opensWithGivenName(full)
}

/** Whether every word of `short` comes in `full`, in the same order. */
function inOrder(short: string[], full: string[]): boolean {
  let at = 0
  for (const word of full) if (at < short.length && word === short[at]) at++
  return at === short.length
}

const opensWithGivenName = (words: string[]) => isFirstName(capitalised(words[0]!))
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
