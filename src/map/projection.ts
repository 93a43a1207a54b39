/**
 * The maps' projection: plate carrée (equirectangular), 360° of longitude over
 * WORLD_WIDTH units. The build draws the world outline with d3-geo's
 * `geoEquirectangular` at these settings (scripts/build-world-map.ts), and the
 * Worker places points with `project`: the two agree, and a regional map is
 * the same outline seen through a smaller viewBox.
 */
export const WORLD_WIDTH = 1000
export const WORLD_HEIGHT = WORLD_WIDTH / 2
export const WORLD_SCALE = WORLD_WIDTH / (2 * Math.PI)

export function project(lon: number, lat: number): [number, number] {
  return [WORLD_WIDTH / 2 + (lon / 360) * WORLD_WIDTH, WORLD_HEIGHT / 2 - (lat / 180) * WORLD_HEIGHT]
}
