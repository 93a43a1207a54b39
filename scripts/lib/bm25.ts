/**
 * Plain Okapi BM25 (k1 1.2, b 0.75): lower-cased words, no stemming, no stop
 * words, title and text as one field. The baseline `eval:search` compares the
 * product's search with; deliberately independent of MiniSearch.
 */
const WORD = /[\p{L}\p{N}]+/gu

export type Bm25Document = { id: string; text: string }

export function createBm25(documents: readonly Bm25Document[], k1 = 1.2, b = 0.75) {
  const postings = new Map<string, Array<[number, number]>>()
  const lengths: number[] = []
  documents.forEach((document, i) => {
    const counts = new Map<string, number>()
    const words = document.text.toLowerCase().match(WORD) ?? []
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1)
    for (const [word, count] of counts) {
      const list = postings.get(word) ?? []
      list.push([i, count])
      postings.set(word, list)
    }
    lengths.push(words.length)
  })
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / (lengths.length || 1)

  /** The ids of the best `limit` documents for a query, best first. */
  return function search(query: string, limit: number): string[] {
    const scores = new Map<number, number>()
    for (const word of new Set(query.toLowerCase().match(WORD) ?? [])) {
      const list = postings.get(word)
      if (!list) continue
      const idf = Math.log(1 + (documents.length - list.length + 0.5) / (list.length + 0.5))
      for (const [i, tf] of list) {
        const norm = tf + k1 * (1 - b + (b * lengths[i]!) / averageLength)
        scores.set(i, (scores.get(i) ?? 0) + (idf * tf * (k1 + 1)) / norm)
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1])
      .slice(0, limit)
      .map(([i]) => documents[i]!.id)
  }
}
