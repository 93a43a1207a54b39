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

/** Whether value `a` lists before `b`: more matches, then the first name. */
export function ranksBefore(a: number, b: number, tally: Uint32Array, display: Uint32Array): boolean {
  return tally[a]! > tally[b]! || (tally[a] === tally[b] && display[a]! < display[b]!)
}

/**
 * Into `top` (room for `limit`), the `limit` values of the first `length` of
 * `touched` with the most articles, ties by name (`display` holds name
 * indices in name order), best first, without sorting every value: a
 * histogram of the counts finds the lowest count that makes the list, and
 * only the values at or above it are placed, in a list of at most `limit`
 * (most rejected by one comparison with its last). Returns how many are
 * listed (no view made of the list, no closure for the comparison).
 */
export function topValues(touched: ArrayLike<number>, length: number, tally: Uint32Array, display: Uint32Array, limit: number, top: Uint32Array): number {
  let threshold = 0
  if (length > limit) {
    let highest = 0
    for (let i = 0; i < length; i++) if (tally[touched[i]!]! > highest) highest = tally[touched[i]!]!
    const counts = histogramScratch(highest + 1)
    for (let i = 0; i < length; i++) counts[tally[touched[i]!]!]!++
    threshold = highest
    let atLeast = counts[highest]!
    while (atLeast < limit) atLeast += counts[--threshold]!
  }
  const room = Math.min(limit, length)
  let listed = 0
  for (let i = 0; i < length; i++) {
    const key = touched[i]!
    if (tally[key]! < threshold || (listed === room && !ranksBefore(key, top[room - 1]!, tally, display))) continue
    let at = listed < room ? listed++ : room - 1
    while (at > 0 && ranksBefore(key, top[at - 1]!, tally, display)) {
      top[at] = top[at - 1]!
      at--
    }
    top[at] = key
  }
  return listed
}
