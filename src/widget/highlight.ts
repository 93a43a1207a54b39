import type { Range } from './response'

/**
 * Where the words of `query` start words of `text`, for servers that send no
 * highlight ranges: case-insensitive, merged when they overlap.
 */
export function rangesForQuery(text: string, query: string): Range[] {
  const lower = text.toLowerCase()
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
  const ranges: Range[] = []
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(lower[at - 1]!)) ranges.push({ start: at, end: wordEnd(lower, at + word.length) })
    }
  }
  return mergeRanges(ranges)
}

/** Extends a prefix match to the end of its word, so "balo" marks all of "Balochistan". */
function wordEnd(text: string, from: number): number {
  let end = from
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end++
  return end
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const merged: Range[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

/** Text nodes and `<mark part="mark">` elements for `text`: API text only ever goes into textContent. */
export function highlightedNodes(text: string, ranges: readonly Range[]): Node[] {
  const nodes: Node[] = []
  let at = 0
  for (const { start, end } of mergeRanges(ranges)) {
    if (start < at) continue
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)))
    const mark = document.createElement('mark')
    mark.setAttribute('part', 'mark')
    mark.textContent = text.slice(start, end)
    nodes.push(mark)
    at = end
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)))
  return nodes
}
