import { WORLD_BORDERS, WORLD_LAND } from '../../generated/world-map'
import { project, WORLD_WIDTH } from '../map/projection'

/** A place to draw: its circle's area follows `figure` (casualties); places without one get a small dot. */
export type MapPoint = { name: string; lat: number; lon: number; figure: number; focus?: boolean }

/** The smallest area a regional map shows, in degrees, so a lone town still has its surroundings. */
const MIN_SPAN = { lon: 24, lat: 14 }
const PADDING = 0.15
/** The latitudes a world map shows. */
const WORLD_VIEW = { north: 84, south: -58 }

/** The part of the world the points need (the whole world when they are spread over most of it). */
function viewOf(points: readonly MapPoint[], world: boolean): { x: number; y: number; width: number; height: number } {
  if (world || points.length === 0) {
    // The inhabited world: Antarctica and the far Arctic would only shrink the rest on a phone.
    const [, top] = project(0, WORLD_VIEW.north)
    const [, bottom] = project(0, WORLD_VIEW.south)
    return { x: 0, y: top, width: WORLD_WIDTH, height: bottom - top }
  }
  const lons = points.map((point) => point.lon)
  const lats = points.map((point) => point.lat)
  let [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)]
  const padLon = Math.max(MIN_SPAN.lon, (east - west) * (1 + 2 * PADDING)) - (east - west)
  const padLat = Math.max(MIN_SPAN.lat, (north - south) * (1 + 2 * PADDING)) - (north - south)
  ;[west, east, south, north] = [west - padLon / 2, east + padLon / 2, Math.max(-90, south - padLat / 2), Math.min(90, north + padLat / 2)]
  // Keep the map twice as wide as high at most and no narrower than square, so it reads on a phone and a desktop alike.
  const [x0, y0] = project(west, north)
  const [x1, y1] = project(east, south)
  let width = x1 - x0
  let height = y1 - y0
  if (width > 2 * height) height = width / 2
  if (height > width) width = height
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  return { x: cx - width / 2, y: cy - height / 2, width, height }
}

/**
 * An SVG map drawn on the server: the Natural Earth outline pre-projected at
 * build time, the places as circles sized by their figures (area ∝ figure), the
 * focused place ringed and named. `world` shows the whole world; otherwise
 * the view fits the points. The map is one image (no links inside: axe's
 * nested-interactive rule); the page lists and links the places beside it.
 */
export function PlaceMap(props: { points: readonly MapPoint[]; label: string; world?: boolean }) {
  const view = viewOf(props.points, props.world ?? false)
  const unit = view.width / 100
  const largest = Math.max(1, ...props.points.map((point) => point.figure))
  const radius = (figure: number) => (figure > 0 ? unit * (0.8 + 3.2 * Math.sqrt(figure / largest)) : unit * 0.55)
  const ordered = [...props.points].sort((a, b) => b.figure - a.figure)
  return (
    <svg
      class="map"
      viewBox={`${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.width.toFixed(1)} ${view.height.toFixed(1)}`}
      role="img"
      aria-label={props.label}
      preserveAspectRatio="xMidYMid meet"
    >
      <rect x={view.x} y={view.y} width={view.width} height={view.height} class="sea" />
      <path d={WORLD_LAND} class="land" />
      <path d={WORLD_BORDERS} class="borders" stroke-width={(unit * 0.12).toFixed(3)} />
      {ordered.map((point) => {
        const [x, y] = project(point.lon, point.lat)
        return (
          <circle
            cx={x.toFixed(2)}
            cy={y.toFixed(2)}
            r={radius(point.figure).toFixed(2)}
            class={point.figure > 0 ? 'figure' : 'place'}
            stroke-width={(unit * 0.15).toFixed(3)}
          >
            <title>{point.figure > 0 ? `${point.name}: ${point.figure}` : point.name}</title>
          </circle>
        )
      })}
      {props.points
        .filter((point) => point.focus)
        .map((point) => {
          const [x, y] = project(point.lon, point.lat)
          const r = radius(point.figure) + unit * 0.8
          return (
            <>
              <circle cx={x.toFixed(2)} cy={y.toFixed(2)} r={r.toFixed(2)} class="focus" stroke-width={(unit * 0.3).toFixed(3)} />
              <text
                x={(x + r + unit * 0.6).toFixed(2)}
                y={(y + unit * 1.2).toFixed(2)}
                font-size={(unit * 3.6).toFixed(2)}
                stroke-width={(unit * 0.6).toFixed(2)}
                class="map-label"
              >
                {point.name}
              </text>
            </>
          )
        })}
    </svg>
  )
}
