import { CALENDAR_WORDS, CONNECTORS, FUNCTION_WORDS } from './lexicon'
import type { Token } from './tokens'

/** A run of capitalised words in one sentence: tokens[from..to) of that sentence. */
export type Candidate = { tokens: Token[]; from: number; to: number }

/**
 * Capitalised runs, joined over connectors ("Fitna al Hindustan", "Bank of
 * England") and `&`, cut at punctuation, days and months, function words and
 * line breaks (a heading above its text). Leading function
 * words ("The", "In") go, and so does a capitalised first word of a sentence
 * that `keepInitial` rejects ("Similar attacks…").
 */
export function findCandidates(sentence: Token[], keepInitial: (token: Token, next: Token | undefined) => boolean): Candidate[] {
  const out: Candidate[] = []
  let index = 0
  while (index < sentence.length) {
    if (!startsName(sentence[index]!)) {
      index++
      continue
    }
    let to = index + 1
    for (;;) {
      const next = sentence[to]
      if (sentence[to - 1]!.possessive || (next && ((next.capital && isFunctionWord(next)) || next.lineStart))) break
      if (next && startsName(next)) to++
      else if (next && isJoiner(next) && sentence[to + 1] && startsName(sentence[to + 1]!)) to += 2
      else break
    }
    let from = index
    while (from < to && (isFunctionWord(sentence[from]!) || (sentence[from]!.initial && !keepInitial(sentence[from]!, from + 1 < to ? sentence[from + 1] : undefined)))) from++
    while (to > from && !startsName(sentence[to - 1]!)) to--
    if (to > from) out.push({ tokens: sentence.slice(from, to), from, to })
    index = Math.max(to, index + 1)
  }
  return out
}

function startsName(token: Token): boolean {
  return token.capital && !CALENDAR_WORDS.has(token.text.toLowerCase().replace(/\.$/, ''))
}

function isJoiner(token: Token): boolean {
  return token.text === '&' || (token.word && !token.capital && CONNECTORS.has(token.text))
}

function isFunctionWord(token: Token): boolean {
  return FUNCTION_WORDS.has(token.text.toLowerCase())
}
