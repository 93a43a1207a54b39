/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin 2004) of a candidate text against one
 * reference text: lower-cased, tokenised on runs of letters and digits, no
 * stemming, no stop-word removal. ROUGE-L is the longest common subsequence
 * of the two whole token sequences.
 */
export type RougeScores = { rouge1: number; rouge2: number; rougeL: number }

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

export function rouge(candidate: string, reference: string): RougeScores {
  const c = tokenize(candidate)
  const r = tokenize(reference)
  return {
    rouge1: f1(overlap(ngrams(c, 1), ngrams(r, 1)), c.length, r.length),
    rouge2: f1(overlap(ngrams(c, 2), ngrams(r, 2)), Math.max(0, c.length - 1), Math.max(0, r.length - 1)),
    rougeL: f1(lcsLength(c, r), c.length, r.length),
  }
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ')
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

/** Clipped matches: each reference n-gram counts at most as often as it occurs there. */
function overlap(candidate: Map<string, number>, reference: Map<string, number>): number {
  let matches = 0
  for (const [gram, count] of candidate) matches += Math.min(count, reference.get(gram) ?? 0)
  return matches
}

function f1(matches: number, candidateTotal: number, referenceTotal: number): number {
  if (matches === 0 || candidateTotal === 0 || referenceTotal === 0) return 0
  const precision = matches / candidateTotal
  const recall = matches / referenceTotal
  return (2 * precision * recall) / (precision + recall)
}

/** Dynamic programming over two rows: O(|a|·|b|) time, O(|b|) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0)
  let current = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!)
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]!
}
