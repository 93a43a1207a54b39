/**
 * An averaged perceptron that ranks candidates (Collins 2002): each example is a list of candidates, each a list of
 * feature names, and the index of the right one. On a mistake the right candidate's features gain 1 and the
 * predicted one's lose 1; the weights returned are the average over every step, which generalises far better than the
 * last ones. Deterministic: the order of examples in each epoch comes from a seeded generator, and ties go to the
 * first candidate.
 */
export type RankingExample = { candidates: readonly (readonly string[])[]; gold: number }

export function trainRankingPerceptron(examples: readonly RankingExample[], epochs: number, seed = 1): Map<string, number> {
  const weights = new Map<string, number>()
  // Sum of (step × update) per feature: average = weights − totals / steps (the usual lazy averaging).
  const totals = new Map<string, number>()
  let step = 1
  const random = mulberry32(seed)
  const order = examples.map((_, i) => i)
  const score = (features: readonly string[]) => features.reduce((sum, feature) => sum + (weights.get(feature) ?? 0), 0)
  const update = (features: readonly string[], by: number) => {
    for (const feature of features) {
      weights.set(feature, (weights.get(feature) ?? 0) + by)
      totals.set(feature, (totals.get(feature) ?? 0) + step * by)
    }
  }
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const at of order) {
      const { candidates, gold } = examples[at]!
      let predicted = 0
      let best = -Infinity
      candidates.forEach((features, i) => {
        const value = score(features)
        if (value > best) {
          best = value
          predicted = i
        }
      })
      if (predicted !== gold) {
        update(candidates[gold]!, 1)
        update(candidates[predicted]!, -1)
      }
      step++
    }
  }
  const averaged = new Map<string, number>()
  for (const [feature, weight] of weights) averaged.set(feature, weight - (totals.get(feature) ?? 0) / step)
  return averaged
}

/**
 * The mean of the weights of `orders` perceptrons, each trained on the examples in the order of its own seed (1 to
 * `orders`). One perceptron's weights depend on the order it met the examples in: with a few hundred examples, one
 * example more or less reshuffles every epoch and can swing the weights far enough to flip a decision. The mean over
 * many orders keeps what the data says and averages out what one order said.
 */
export function trainOverOrders(examples: readonly RankingExample[], epochs: number, orders: number): Map<string, number> {
  const sum = new Map<string, number>()
  for (let seed = 1; seed <= orders; seed++) {
    for (const [feature, weight] of trainRankingPerceptron(examples, epochs, seed)) sum.set(feature, (sum.get(feature) ?? 0) + weight)
  }
  return new Map([...sum].map(([feature, weight]) => [feature, weight / orders]))
}

/** A small seeded generator (public domain), so that the same data gives the same weights on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
