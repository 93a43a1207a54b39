/** Every month from the first to the last, so gaps show as gaps. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = []
  let [year, month] = first.split('-').map(Number) as [number, number]
  for (let key = first; key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key)
    if (++month > 12) [year, month] = [year + 1, 1]
  }
  return months
}

/** The month `count` months before `month` (YYYY-MM). */
function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  const index = year * 12 + (number - 1) - count
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

const WIDTH = 640
const HEIGHT = 120
/** At least a year is shown, so one month's bar is a bar among months, not a block. */
const MIN_MONTHS = 12

/**
 * A bar chart of articles per month, drawn on the server. Its words are in
 * the caption (HTML, readable at any width); each bar's count is in its title.
 */
export function MentionsChart(props: { months: ReadonlyArray<{ month: string; articles: number }>; label: string }) {
  if (props.months.length === 0) return null
  const counts = new Map(props.months.map(({ month, articles }) => [month, articles]))
  const last = props.months.at(-1)!.month
  const first = props.months[0]!.month
  const range = monthRange(monthRange(first, last).length < MIN_MONTHS ? monthsBefore(last, MIN_MONTHS - 1) : first, last)
  const most = Math.max(...counts.values())
  const step = WIDTH / range.length
  const bar = Math.max(1, step * 0.8)
  const scale = (HEIGHT - 2) / most
  return (
    <figure class="chart">
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + 1}`} role="img" aria-label={props.label}>
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} class="axis" />
        {range.map((month, i) => {
          const count = counts.get(month) ?? 0
          const height = count * scale
          return count > 0 ? (
            <rect x={(i * step + (step - bar) / 2).toFixed(1)} y={(HEIGHT - height).toFixed(1)} width={bar.toFixed(1)} height={height.toFixed(1)} class="bar">
              <title>{`${month}: ${count} article${count === 1 ? '' : 's'}`}</title>
            </rect>
          ) : null
        })}
      </svg>
      <figcaption class="meta">
        Articles per month, {range[0]} to {last}; the tallest bar is {most} article{most === 1 ? '' : 's'}.
      </figcaption>
    </figure>
  )
}
