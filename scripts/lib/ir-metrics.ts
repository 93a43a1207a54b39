/** Relevance judgements: query id -> document id -> grade (> 0 is relevant). */
export type Qrels = Map<string, Map<string, number>>

/** nDCG@k with graded gains (the grade itself, as BEIR / trec_eval compute it). */
export function ndcgAt(ranking: readonly string[], relevant: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0
  ranking.slice(0, k).forEach((id, i) => (dcg += (relevant.get(id) ?? 0) / Math.log2(i + 2)))
  const ideal = [...relevant.values()].sort((a, b) => b - a).slice(0, k)
  const idcg = ideal.reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0)
  return idcg === 0 ? 0 : dcg / idcg
}

/** Share of the relevant documents found in the first k. */
export function recallAt(ranking: readonly string[], relevant: ReadonlyMap<string, number>, k: number): number {
  const wanted = [...relevant].filter(([, grade]) => grade > 0).length
  if (wanted === 0) return 0
  return ranking.slice(0, k).filter((id) => (relevant.get(id) ?? 0) > 0).length / wanted
}

/** Average precision over the first k, divided by all relevant documents (MAP@k as BEIR reports it). */
export function averagePrecisionAt(ranking: readonly string[], relevant: ReadonlyMap<string, number>, k: number): number {
  const wanted = [...relevant].filter(([, grade]) => grade > 0).length
  if (wanted === 0) return 0
  let found = 0
  let sum = 0
  ranking.slice(0, k).forEach((id, i) => {
    if ((relevant.get(id) ?? 0) > 0) sum += ++found / (i + 1)
  })
  return sum / Math.min(wanted, k)
}

export type Scores = { ndcg10: number; recall100: number; map100: number }

/** The mean of each measure over the judged queries (a query without results scores 0). */
export function evaluate(rankings: ReadonlyMap<string, readonly string[]>, qrels: Qrels): Scores {
  let ndcg10 = 0
  let recall100 = 0
  let map100 = 0
  for (const [query, relevant] of qrels) {
    const ranking = rankings.get(query) ?? []
    ndcg10 += ndcgAt(ranking, relevant, 10)
    recall100 += recallAt(ranking, relevant, 100)
    map100 += averagePrecisionAt(ranking, relevant, 100)
  }
  const n = qrels.size || 1
  return { ndcg10: ndcg10 / n, recall100: recall100 / n, map100: map100 / n }
}
