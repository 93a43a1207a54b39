import type { Span } from '../../text/span'
import { firstSentenceStart, type TextDocument } from '../../text/document'

/** A passage a summary can take whole: one sentence, or the sentences of one quotation; `first`..`last` are splitter sentence indexes. */
export type Unit = Span & { first: number; last: number }

const MAX_SENTENCES_IN_QUOTE = 4

/** Wikinews interview markup: "((WN)) What prompted…?", "((Anthony Boccaletti)) We observed…". */
const SPEAKER_MARKER = /^\(\([^()]{1,30}\)\)\s*:?\s*/

/**
 * The text's sentences as units a summary can quote without cutting a
 * quotation: the splitter ends sentences inside a multi-sentence quotation
 * ("…stating "In B.C., this has been… 2016. Unfortunately…""), so those
 * pieces are joined back until the quotation closes, within one paragraph.
 * A quotation that does not close within a few sentences is left out. The
 * first sentence starts after its dateline; an interview answer after its
 * speaker markup; the interviewer's questions are left out.
 */
export function sentenceUnits(document: TextDocument): Unit[] {
  const { text, sentences: spans } = document
  const units: Unit[] = []
  for (let first = 0; first < spans.length; first++) {
    const opening = first === 0 ? firstSentenceStart(document)! : spans[first]!.start
    const marker = SPEAKER_MARKER.exec(text.slice(opening, Math.min(spans[first]!.end, opening + 40)))
    const start = opening + (marker?.[0].length ?? 0)
    let balance = quoteBalance(text.slice(start, spans[first]!.end))
    let last = first
    while (!balance.closed && last + 1 < spans.length && last - first + 1 < MAX_SENTENCES_IN_QUOTE && sameParagraph(text, spans[last]!, spans[last + 1]!)) {
      last++
      balance = add(balance, quoteBalance(text.slice(spans[last]!.start, spans[last]!.end)))
    }
    const interviewerQuestion = marker !== null && /\?["'”’)\]]*$/.test(text.slice(start, spans[last]!.end))
    if (balance.closed && !interviewerQuestion && start < spans[last]!.end) units.push({ start, end: spans[last]!.end, first, last })
    first = last
  }
  return units
}

type Balance = { curly: number; straight: number; closed: boolean }

function quoteBalance(passage: string): Balance {
  const curly = (passage.match(/“/g)?.length ?? 0) - (passage.match(/”/g)?.length ?? 0)
  const straight = passage.match(/"/g)?.length ?? 0
  return { curly, straight, closed: curly === 0 && straight % 2 === 0 }
}

function add(a: Balance, b: Balance): Balance {
  const curly = a.curly + b.curly
  const straight = a.straight + b.straight
  return { curly, straight, closed: curly === 0 && straight % 2 === 0 }
}

function sameParagraph(text: string, a: Span, b: Span): boolean {
  return !/\n\s*\n/.test(text.slice(a.end, b.start))
}
