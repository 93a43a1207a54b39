import type { Span } from '../facts/types'
import { splitSentences } from '../text/sentences'

export type SummarySentence = Span & { text: string }
export type Summary = { sentences: SummarySentence[]; text: string }

export const DEFAULT_SUMMARY_SENTENCES = 3

/** An extractive summary: the leading `count` sentences, with their offsets into `text`. */
export function summarize(text: string, count = DEFAULT_SUMMARY_SENTENCES): Summary {
  const sentences = splitSentences(text)
    .slice(0, count)
    .map(({ start, end }) => ({ text: text.slice(start, end), start, end }))
  return { sentences, text: sentences.map((sentence) => sentence.text).join(' ') }
}
