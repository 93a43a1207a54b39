/**
 * Every match of a global pattern in `text`, as `[...text.matchAll(pattern)]` gives them, found with the pattern
 * itself rather than a copy of it.
 *
 * Why: `matchAll` (and `new RegExp(pattern)`) makes a new RegExp per call, and V8 finds a new RegExp's compiled code
 * through a cache that its collector empties; after a collection the next copy parses and compiles its pattern again.
 * For a case-insensitive pattern over Unicode classes (`\p{L}` under `/iu`) that takes milliseconds, so an analysis
 * that copied its patterns per sentence paid for compiling them many times over (the pattern object itself keeps its
 * code). Like `matchAll`, the search starts at the pattern's `lastIndex` and leaves it as it was.
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('matchesOf needs a global pattern')
  const from = pattern.lastIndex
  const matches: RegExpExecArray[] = []
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      matches.push(match)
      // An empty match would be found again at the same place: step over one character (one code point under /u or /v).
      if (match[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'))
    }
  } finally {
    pattern.lastIndex = from
  }
  return matches
}

/** The index after `index` as the language's AdvanceStringIndex steps it: a whole surrogate pair in Unicode mode. */
export function advance(text: string, index: number, unicode: boolean): number {
  return unicode && index + 1 < text.length && (text.codePointAt(index) ?? 0) > 0xffff ? index + 2 : index + 1
}
