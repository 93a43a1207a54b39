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

/** `topValues`'s list, shared like the histogram: its answer is a view of it, read before the next call. */
let topList = new Uint32Array(16)

/**
 * The `limit` values with the most articles, ties by name (`display` holds
 * name indices in name order), best first, without sorting every value: a
 * histogram of the counts finds the lowest count that makes the list, and
 * only the values at or above it are placed, in a list of at most `limit`
 * (most rejected by one comparison with its last). The answer is a view of
 * scratch shared by the isolate's searches: read it before the next call.
 */
export function topValues(touched: ArrayLike<number>, tally: Uint32Array, display: Uint32Array, limit: number): Uint32Array {
  let threshold = 0
  if (touched.length > limit) {
    let highest = 0
    for (let i = 0; i < touched.length; i++) if (tally[touched[i]!]! > highest) highest = tally[touched[i]!]!
    const counts = histogramScratch(highest + 1)
    for (let i = 0; i < touched.length; i++) counts[tally[touched[i]!]!]!++
    threshold = highest
    let atLeast = counts[highest]!
    while (atLeast < limit) atLeast += counts[--threshold]!
  }
  const room = Math.min(limit, touched.length)
  if (topList.length < room) topList = new Uint32Array(Math.max(room, 2 * topList.length))
  const top = topList
  // Whether value `a` lists before `b`: more articles, then the first name.
  const before = (a: number, b: number) => tally[a]! > tally[b]! || (tally[a] === tally[b] && display[a]! < display[b]!)
  let listed = 0
  for (let i = 0; i < touched.length; i++) {
    const key = touched[i]!
    if (tally[key]! < threshold || (listed === room && !before(key, top[room - 1]!))) continue
    let at = listed < room ? listed++ : room - 1
    while (at > 0 && before(key, top[at - 1]!)) {
      top[at] = top[at - 1]!
      at--
    }
    top[at] = key
  }
  return top.subarray(0, listed)
}
