/** Cosine similarity of two sparse term-weight vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0)
  if (dot === 0) return 0
  return dot / (norm(a) * norm(b))
}

function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const weight of vector.values()) sum += weight * weight
  return Math.sqrt(sum)
}
