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

const WIDTH = 640
const HEIGHT = 160
const AXIS = 22

/** A bar chart of articles per month, drawn on the server; the figures are in each bar's title and in the sentence the page gives. */
export function MentionsChart(props: { months: ReadonlyArray<{ month: string; articles: number }>; label: string }) {
  if (props.months.length === 0) return null
  const counts = new Map(props.months.map(({ month, articles }) => [month, articles]))
  const range = monthRange(props.months[0]!.month, props.months.at(-1)!.month)
  const most = Math.max(...counts.values())
  const step = WIDTH / range.length
  const bar = Math.max(1, step * 0.8)
  const scale = (HEIGHT - AXIS - 14) / most
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label}>
      <line x1="0" x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} class="axis" />
      {range.map((month, i) => {
        const count = counts.get(month) ?? 0
        const height = count * scale
        return count > 0 ? (
          <rect x={(i * step + (step - bar) / 2).toFixed(1)} y={(HEIGHT - AXIS - height).toFixed(1)} width={bar.toFixed(1)} height={height.toFixed(1)} class="bar">
            <title>{`${month}: ${count} article${count === 1 ? '' : 's'}`}</title>
          </rect>
        ) : null
      })}
      <text x="0" y={HEIGHT - 6} class="tick">
        {range[0]}
      </text>
      {range.length > 1 ? (
        <text x={WIDTH} y={HEIGHT - 6} class="tick" text-anchor="end">
          {range.at(-1)}
        </text>
      ) : null}
      <text x="0" y="11" class="tick">
        {`${most} article${most === 1 ? '' : 's'}`}
      </text>
    </svg>
  )
}
