// Maps, not object literals: a word such as "constructor" must not find something on Object.prototype.
const UNITS = new Map(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((word, i) => [word, i + 1] as const),
)
const TENS = new Map('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((word, i) => [word, (i + 2) * 10] as const))
const SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['million', 1_000_000],
])

export type ParsedNumber = { value: number; words: number }

/** Whether a number may start at this lower-cased token: a cheap test before parsing. */
export function mayStartNumber(word: string): boolean {
  return /^\d/.test(word) || word === 'a' || word === 'half' || smallNumber(word) !== undefined
}

/**
 * The number written at the start of `words` (lower-cased tokens): digits
 * ("1,200", "35"), words ("six", "twenty-five", "two hundred and ten"), or
 * dozens ("a dozen", "two dozen", "half a dozen"). `words` is how many tokens
 * it took. Vague plurals ("dozens", "hundreds") are not numbers.
 */
export function parseNumber(words: readonly string[]): ParsedNumber | undefined {
  const first = words[0]
  if (first === undefined) return undefined
  if (/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(first)) {
    const value = Number(first.replace(/,/g, ''))
    return scaled(value, words, 1)
  }
  if (first === 'half' && words[1] === 'a' && words[2] === 'dozen') return { value: 6, words: 3 }
  if (first === 'a' && words[1] === 'dozen') return { value: 12, words: 2 }
  const spelled = parseSpelled(words)
  if (!spelled) return undefined
  if (words[spelled.words] === 'dozen') return { value: spelled.value * 12, words: spelled.words + 1 }
  return spelled
}

function scaled(value: number, words: readonly string[], used: number): ParsedNumber {
  const scale = SCALES.get(words[used] ?? '')
  return scale && scale >= 1_000 ? { value: value * scale, words: used + 1 } : { value, words: used }
}

function parseSpelled(words: readonly string[]): ParsedNumber | undefined {
  let total = 0
  let current = 0
  let used = 0
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const small = smallNumber(word)
    if (small !== undefined) {
      current += small
      used = i + 1
    } else if (SCALES.has(word) && current > 0) {
      const scale = SCALES.get(word)!
      if (scale === 100) current = (current || 1) * 100
      else {
        total += (current || 1) * scale
        current = 0
      }
      used = i + 1
    } else if (word === 'and' && used > 0 && smallNumber(words[i + 1] ?? '') !== undefined && /hundred|thousand/.test(words[i - 1] ?? '')) {
      continue
    } else break
  }
  if (used === 0) return undefined
  return { value: total + current, words: used }
}

function smallNumber(word: string): number | undefined {
  const simple = UNITS.get(word) ?? TENS.get(word)
  if (simple !== undefined || !word.includes('-')) return simple
  const [tens, unit] = word.split('-')
  const ten = TENS.get(tens ?? '')
  const one = UNITS.get(unit ?? '')
  return ten !== undefined && one !== undefined && one < 10 ? ten + one : undefined
}
