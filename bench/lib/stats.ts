/** Median and p99 over repeated runs: the two figures every bench table shows. */
export type Figure = { median: number; p99: number; runs: number }

export function summarize(samples: readonly number[]): Figure {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return { median: at(0.5), p99: at(0.99), runs: sorted.length }
}

/** Runs `fn` `runs` times (after `warmup` untimed runs) and returns its figure in milliseconds. */
export function timeSync(runs: number, fn: () => unknown, warmup = 1): Figure {
  for (let i = 0; i < warmup; i++) fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return summarize(samples)
}

export async function timeAsync(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  return summarize(samples)
}

/** Times each call of `fn` over the items (one sample per item, `rounds` passes): per-query latency. */
export function timeEach<T>(items: readonly T[], rounds: number, fn: (item: T) => unknown): Figure {
  for (const item of items) fn(item)
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const start = performance.now()
      fn(item)
      samples.push(performance.now() - start)
    }
  }
  return summarize(samples)
}

/** `timeEach` for asynchronous work: each sample waits for `fn`'s promise. */
export async function timeEachAsync<T>(items: readonly T[], rounds: number, fn: (item: T) => Promise<unknown>): Promise<Figure> {
  for (const item of items) await fn(item)
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      const start = performance.now()
      await fn(item)
      samples.push(performance.now() - start)
    }
  }
  return summarize(samples)
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}

export function fig(figure: Figure | undefined): string {
  return figure ? `${ms(figure.median)} / ${ms(figure.p99)}` : '—'
}

export function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1)
}
