/** Cosine similarity of two sparse term-weight vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const product = dot(a, b)
  return product === 0 ? 0 : product / (norm(a) * norm(b))
}

/** Dot product of two sparse vectors: the cosine when both have unit length. */
export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const small = a.size <= b.size ? a : b
  const large = small === a ? b : a
  let sum = 0
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0)
  return sum
}

/** The vector scaled to unit length in place (an empty or zero vector stays as it is): no second map. */
export function normalize(vector: Map<string, number>): void {
  const length = norm(vector)
  if (length === 0) return
  for (const [term, weight] of vector) vector.set(term, weight / length)
}

function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const weight of vector.values()) sum += weight * weight
  return Math.sqrt(sum)
}
