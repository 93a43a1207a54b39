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

/** The vector scaled to unit length (an empty or zero vector stays as it is). */
export function normalize(vector: ReadonlyMap<string, number>): Map<string, number> {
  const length = norm(vector)
  const unit = new Map<string, number>()
  for (const [term, weight] of vector) unit.set(term, length === 0 ? weight : weight / length)
  return unit
}

function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const weight of vector.values()) sum += weight * weight
  return Math.sqrt(sum)
}
