import { splitSentences } from '../text/sentences'

const MAX_WORDS = 12

/** A headline for an article that has none: its first sentence, without dateline, cut at a word boundary. */
export function generateHeadline(text: string): string {
  const first = splitSentences(text)[0]
  const sentence = first ? text.slice(first.start, first.end) : text
  const words = sentence.replace(/^[\p{Lu}\s,.'-]+:\s*/u, '').replace(/[.!?]+$/, '').split(/\s+/).filter(Boolean)
  return words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS).join(' ')}…` : words.join(' ')
}
