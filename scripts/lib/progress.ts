/**
 * Progress of long work on the console: how many of how many, the rate, and the
 * time left at that rate. One line every `everyMs` at most (and at the end), so
 * it costs nothing per item and stays readable in a CI log.
 */
export function createProgress(
  verb: string,
  total: number,
  { everyMs = 2000, minimum = 500, now = () => performance.now(), log = console.log } = {},
): (done: number) => void {
  if (total < minimum) return () => {}
  const started = now()
  let last = started
  // The rate is measured from the first item done: start-up (threads loading their data) would make early estimates hours long.
  let first: { time: number; done: number } | undefined
  return (done) => {
    const time = now()
    first ??= done > 0 ? { time, done } : undefined
    if (done < total && (first === undefined || time - first.time < everyMs || time - last < everyMs)) return
    last = time
    const seconds = (time - started) / 1000
    const measured = first === undefined ? 0 : (time - first.time) / 1000
    // At the end, the whole work's rate: items that finish together (shards written on threads) would make the last interval's absurd.
    const rate = done < total && measured > 0 ? (done - first!.done) / measured : done / Math.max(seconds, 1e-9)
    const left = rate > 0 ? (total - done) / rate : Number.NaN
    log(
      `  ${verb} ${done}/${total} (${Math.round((done / total) * 100)}%), ${rate.toFixed(0)}/s, ${done === total ? `done in ${formatDuration(seconds)}` : `${formatDuration(left)} left`}`,
    )
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  if (seconds < 9.95) return `${seconds.toFixed(1)} s`
  // Rounded once, before it is cut into units: rounding the remainder alone printed "6 min 60 s".
  const whole = Math.round(seconds)
  if (whole < 60) return `${whole} s`
  const minutes = Math.floor(whole / 60)
  return minutes < 60 ? `${minutes} min ${whole % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
