/** A small line chart as SVG text: the scale curve for the README, with no plotting dependency. */
export type Series = { name: string; color: string; points: [number, number][] }
export type Panel = { title: string; unit: string; series: Series[] }

const WIDTH = 300
const HEIGHT = 220
const MARGIN = { left: 52, right: 12, top: 28, bottom: 40 }

function panel(p: Panel, offsetX: number, xs: readonly number[]): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const values = p.series.flatMap((s) => s.points.map(([, y]) => y)).filter(Number.isFinite)
  const maxY = Math.max(...values, 1e-9) * 1.1
  const logMin = Math.log10(Math.min(...xs))
  const logMax = Math.log10(Math.max(...xs))
  const x = (value: number) => offsetX + MARGIN.left + (logMax === logMin ? plotW / 2 : ((Math.log10(value) - logMin) / (logMax - logMin)) * plotW)
  const y = (value: number) => MARGIN.top + plotH - (value / maxY) * plotH
  const parts = [
    `<text x="${offsetX + WIDTH / 2}" y="16" text-anchor="middle" font-weight="bold">${p.title} (${p.unit})</text>`,
    `<line x1="${offsetX + MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${offsetX + WIDTH - MARGIN.right}" y2="${MARGIN.top + plotH}" stroke="#999"/>`,
    `<line x1="${offsetX + MARGIN.left}" y1="${MARGIN.top}" x2="${offsetX + MARGIN.left}" y2="${MARGIN.top + plotH}" stroke="#999"/>`,
  ]
  for (const tick of [0, 0.5, 1]) {
    const value = maxY * tick
    parts.push(`<text x="${offsetX + MARGIN.left - 4}" y="${y(value) + 4}" text-anchor="end">${value >= 10 ? value.toFixed(0) : value.toFixed(1)}</text>`)
  }
  for (const value of xs) {
    parts.push(`<text x="${x(value)}" y="${MARGIN.top + plotH + 14}" text-anchor="middle">${value >= 1000 ? `${value / 1000}k` : value}</text>`)
  }
  parts.push(`<text x="${offsetX + MARGIN.left + plotW / 2}" y="${HEIGHT - 6}" text-anchor="middle">articles (log scale)</text>`)
  for (const s of p.series) {
    const points = s.points.filter(([, v]) => Number.isFinite(v))
    if (points.length === 0) continue
    parts.push(
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(' ')}"/>`,
    )
    for (const [a, b] of points) parts.push(`<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="3" fill="${s.color}"/>`)
  }
  return parts.join('\n')
}

export function lineCharts(panels: readonly Panel[], xs: readonly number[]): string {
  const legend = panels[0]!.series.map(
    (s, i) =>
      `<rect x="${10 + i * 230}" y="${HEIGHT + 4}" width="12" height="12" fill="${s.color}"/><text x="${26 + i * 230}" y="${HEIGHT + 14}">${s.name}</text>`,
  )
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH * panels.length}" height="${HEIGHT + 24}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...panels.map((p, i) => panel(p, i * WIDTH, xs)),
    ...legend,
    '</svg>',
  ].join('\n')
}
