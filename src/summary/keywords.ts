export type Keyword = { text: string; score: number }

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own said same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your`.split(
    /\s+/,
  ),
)

/** Ranked single-word keywords by frequency, ignoring stop words. */
export function extractKeywords(text: string, limit = 10): Keyword[] {
  const counts = new Map<string, number>()
  for (const [word] of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}'-]*/gu)) {
    if (word.length < 3 || STOP_WORDS.has(word)) continue
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit)
  const top = ranked[0]?.[1] ?? 1
  return ranked.map(([word, count]) => ({ text: word, score: Math.round((count / top) * 1000) / 1000 }))
}
