/**
 * Passages that are page furniture rather than news: section headings of
 * Wikinews and similar sites, reader calls to action,
 * short lines without a closing stop (headings, captions, bylines) and
 * fragments of fewer than four words ("Share it.", "Read more.").
 */
const HEADING = /^(?:sources?|related news|related stories|external links|see also|references|share this(?: story)?)\s*:?$/i
const FURNITURE = /^(?:have an opinion on this story|this story has been updated)/i

export function isBoilerplate(sentence: string, words = spacedWords(sentence)): boolean {
  if (HEADING.test(sentence) || FURNITURE.test(sentence)) return true
  if (words < 4) return true
  return words < 8 && !/[.!?]["'”’)\]]*$/.test(sentence)
}

const SPACES = /\s+/g

/** How many pieces `sentence.split(/\s+/)` gives (white space at either end makes an empty piece), without making them. */
export function spacedWords(sentence: string): number {
  SPACES.lastIndex = 0
  let pieces = 1
  while (SPACES.exec(sentence) !== null) pieces++
  return pieces
}
