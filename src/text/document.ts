import { leadingDateline, type DatelineMatch } from './dateline'
import { splitSentences } from './sentences'
import type { Span } from './span'

/**
 * A text read once: its sentences and its opening dateline. `analyzeArticle`
 * builds one and hands it to every engine (keywords, headline, summary, facts),
 * so an article is split into sentences once. Words are not cut here: the
 * quantity reader and the prose words of the keywords and the summary share one
 * cut of these sentences (`sentenceTokens`), the entity reader cuts its own unit
 * (src/text/tokens.ts says why).
 */
export type TextDocument = {
  readonly text: string
  readonly sentences: Span[]
  /** A dateline opening the text ("KABUL (Reuters) -"); wire datelines on a line of their own are the facts' business. */
  readonly dateline: DatelineMatch | undefined
}

export function readDocument(text: string): TextDocument {
  return { text, sentences: splitSentences(text), dateline: leadingDateline(text) }
}

/** The engines take a text or a document already read: callers with one text need not build one. */
export function asDocument(source: string | TextDocument): TextDocument {
  return typeof source === 'string' ? readDocument(source) : source
}

/** Where the first sentence proper starts: after the dateline when the first sentence holds it. */
export function firstSentenceStart(document: TextDocument): number | undefined {
  const first = document.sentences[0]
  if (!first) return undefined
  const bodyStart = document.dateline?.bodyStart
  return bodyStart !== undefined && bodyStart > first.start && bodyStart < first.end ? bodyStart : first.start
}
