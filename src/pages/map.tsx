import type { DateRange, MapEntity, PlaceFigures } from '../corpus-services/place-figures'
import { entityPath } from './entity'
import { Layout } from './layout'
import { PlaceMap } from './place-map'
import { DateRangeFields } from './date-range-fields'

/** How many places the table under the map lists (the map draws them all). */
export const MAP_TABLE_ROWS = 40

function describeCasualties(casualties: PlaceFigures['casualties']): string {
  return Object.entries(casualties)
    .map(([event, value]) => `${value} ${event}`)
    .join(', ')
}

/** `/map`: every place the corpus names, sized by casualty figures, for a date range that stays in the URL. */
export function MapPage(props: { places: readonly PlaceFigures<MapEntity>[]; range: DateRange; errors?: string[] }) {
  const { places, range } = props
  const withFigures = places.filter((place) => place.total > 0)
  const points = places.map(({ entity, total }) => ({ name: entity.name, lat: entity.lat!, lon: entity.lon!, figure: total }))
  const when = range.from || range.to ? ` ${range.from ? `from ${range.from}` : ''}${range.from && range.to ? ' ' : ''}${range.to ? `to ${range.to}` : ''}` : ''
  return (
    <Layout title="Map of places in the news" description="The places the News Edge corpus names, with their casualty figures.">
      <h1>Places in the news</h1>
      {props.errors ? (
        <div role="alert">
          <p>These dates cannot be used (give YYYY-MM-DD, “from” not after “to”); showing every date instead:</p>
          <ul>
            {props.errors.map((error) => (
              <li>{error}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form class="search-form" method="get" action="/map">
        <DateRangeFields from={range.from} to={range.to} />
        <button type="submit">Show</button>
        {when ? <a href="/map">All dates</a> : null}
      </form>
      <p>
        {places.length} place{places.length === 1 ? '' : 's'} named in articles{when}; {withFigures.length} with casualty figures (killed, injured, missing,
        kidnapped, shot, stabbed in the reported events; hypothetical, historical and running totals left out).
      </p>
      <PlaceMap points={points} world label={`World map of ${places.length} places named in the news${when}; circles sized by casualty figures`} />
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Places by casualty figures</h2>
        <table class="places">
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col" class="country">
                Country
              </th>
              <th scope="col">Casualty figures</th>
              <th scope="col">Articles</th>
            </tr>
          </thead>
          <tbody>
            {places.slice(0, MAP_TABLE_ROWS).map((place) => (
              <tr>
                <td>
                  <a href={entityPath(place.entity.id)}>{place.entity.name}</a>
                </td>
                <td class="country">{place.entity.country ?? ''}</td>
                <td>{describeCasualties(place.casualties) || '—'}</td>
                <td>{place.articles}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {places.length > MAP_TABLE_ROWS ? (
          <p class="meta">
            The first {MAP_TABLE_ROWS} of {places.length} places; every place is on the map.
          </p>
        ) : null}
      </section>
    </Layout>
  )
}
