import { FUNCTION_WORDS, HONORIFICS } from './lexicon'
import { isRoleWord, lower } from './names'
import type { Token } from './tokens'

/** The index of the last title word in a run that goes on after it ("Interior Minister | Mohsin Naqvi"), or -1. */
export function lastRoleHead(tokens: Token[]): number {
  for (let index = tokens.length - 2; index >= 0; index--) if (isRoleWord(tokens[index]!) || HONORIFICS.has(lower(tokens[index]!))) return index
  return -1
}

/** Lower-case title words just before a name ("said spokesman"): the role. */
export function roleBefore(sentence: Token[], from: number): Token[] | undefined {
  let start = from
  while (start > 0 && from - start < 3) {
    const token = sentence[start - 1]!
    if (!token.word || token.capital || FUNCTION_WORDS.has(token.text)) break
    start--
  }
  const words = sentence.slice(start, from)
  const head = words.findLastIndex(isRoleWord)
  return head === words.length - 1 && head >= 0
    ? words.slice(
        words.findIndex((token) => !isVerbLike(token)),
        head + 1,
      )
    : undefined
}

const isVerbLike = (token: Token) => (/(?:ed|ing|s)$/.test(token.text) || SAYING.has(token.text)) && !isRoleWord(token)

/** Verbs of saying that end in none of the endings above ("said economist X"). */
const SAYING = new Set(['said', 'told', 'wrote', 'spoke'])

/** "Lin Jian, the ministry's spokesperson, said": the role after the comma. */
export function appositionRole(text: string, sentence: Token[], after: number): string | undefined {
  if (sentence[after]?.text !== ',') return undefined
  let end = after + 1
  while (end < sentence.length && end - after < 9 && sentence[end]!.word) end++
  if (end < sentence.length && !/^[,.;)]$/.test(sentence[end]!.text)) return undefined
  const words = sentence.slice(after + 1, end)
  const first = words[0]
  if (!first || !/^(?:the|a|an|its|his|her|their)$/i.test(first.text)) return undefined
  if (!words.some(isRoleWord)) return undefined
  return text.slice(words[1]?.start ?? first.start, words.at(-1)!.end)
}
