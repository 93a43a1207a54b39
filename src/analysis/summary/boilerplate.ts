import { isSpace } from '../../text/whitespace'

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

/**
 * How many pieces `sentence.split(/\s+/)` gives (white space at either end makes an empty piece), without making
 * them: one more than the runs of white space, counted by character (a pattern's match per run was garbage).
 */
export function spacedWords(sentence: string): number {
  let pieces = 1
  let inSpace = false
  for (let i = 0; i < sentence.length; i++) {
    const space = isSpace(sentence, i)
    if (space && !inSpace) pieces++
    inSpace = space
  }
  return pieces
}
