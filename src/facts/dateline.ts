/** A dateline is an upper-case place name followed by a colon or dash before the first sentence: `ISLAMABAD: China…`. */
const DATELINE = /^\s*([\p{Lu}][\p{Lu} .'-]{1,40}?)(?:,\s*[\p{L} .]+)?\s*(?::|—|–|\s-\s)/u

export type Dateline = { place: string; start: number; end: number }

export function findDateline(text: string): Dateline | undefined {
  const match = DATELINE.exec(text)
  const name = match?.[1]
  if (!match || !name) return undefined
  const start = match[0].indexOf(name)
  const place = name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (letter) => letter.toUpperCase())
  return { place, start, end: start + name.length }
}
