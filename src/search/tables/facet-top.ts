/**
 * `topValues`'s histogram, shared by the isolate's searches (filled and read
 * in one synchronous call): sized by the largest count, which grows with the
 * corpus (a year of a 50,000-article corpus: 80 KiB a facet per search).
 */
let histogram = new Uint32Array(1024)

function histogramScratch(length: number): Uint32Array {
  if (histogram.length < length) histogram = new Uint32Array(Math.max(length, 2 * histogram.length))
  else histogram.fill(0, 0, length)
  return histogram
}

/**
 * The `limit` values with the most articles, ties by name (`display` holds
 * name indices in name order), best first, without sorting every value: a
 * histogram of the counts finds the lowest count that makes the list, and
 * only the values at that count are compared.
 */
export function topValues(touched: ArrayLike<number>, tally: Uint32Array, display: Uint32Array, limit: number): number[] {
  const better = (a: number, b: number) => tally[b]! - tally[a]! || display[a]! - display[b]!
  if (touched.length <= limit) return Array.from(touched).sort(better)
  let highest = 0
  for (let i = 0; i < touched.length; i++) if (tally[touched[i]!]! > highest) highest = tally[touched[i]!]!
  const counts = histogramScratch(highest + 1)
  for (let i = 0; i < touched.length; i++) counts[tally[touched[i]!]!]!++
  let threshold = highest
  let atLeast = counts[highest]!
  while (atLeast < limit) atLeast += counts[--threshold]!
  const chosen: number[] = []
  const ties: number[] = []
  for (let i = 0; i < touched.length; i++) {
    const key = touched[i]!
    const count = tally[key]!
    if (count > threshold) chosen.push(key)
    else if (count === threshold) ties.push(key)
  }
  const room = limit - chosen.length
  if (ties.length > room) {
    // The `room` ties with the first names: a small sorted buffer, most ties rejected by one comparison.
    const kept: number[] = []
    for (const key of ties) {
      if (kept.length === room && display[key]! >= display[kept[room - 1]!]!) continue
      let at = kept.length === room ? room - 1 : kept.length
      while (at > 0 && display[kept[at - 1]!]! > display[key]!) {
        kept[at] = kept[at - 1]!
        at--
      }
      kept[at] = key
    }
    chosen.push(...kept)
  } else chosen.push(...ties)
  return chosen.sort(better)
}
