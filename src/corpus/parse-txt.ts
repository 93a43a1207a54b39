/**
 * Plain-text articles in the form of the seed: an optional leading
 * `date YYYY-MM-DD`, then the body on the same line or the next; an optional
 * `DATELINE:` before the first sentence stays part of the text.
 */
const DATE_PREFIX = /^\s*date\s+(\S+)[ \t]*\n?/

export function parseTxt(content: string): { date?: string; text: string } {
  const match = DATE_PREFIX.exec(content)
  if (!match) return { text: content }
  return { date: match[1], text: content.slice(match[0].length) }
}
