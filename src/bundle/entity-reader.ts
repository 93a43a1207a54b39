import { entityDetail, type EntityDetail } from '../corpus-services/entity-detail'
import type { StoredEntity } from '../corpus-services/entity-registry'
import { placesAround, placesInRange } from '../corpus-services/place-figures'
import type { EntityReader } from './corpus-reader'
import type { LoadedBundle } from './open'

/** The entity registry of one bundle (the one Worker's), read from its entities asset. */
export function bundleEntityReader(bundle: LoadedBundle): EntityReader {
  const found = async (id: string): Promise<{ entity: StoredEntity; detail: EntityDetail } | undefined> => {
    const registry = await bundle.entityRegistry()
    const entity = registry.entity(id)
    if (!entity) return undefined
    const { tables } = bundle
    return { entity, detail: await entityDetail(entity, registry, await bundle.factCatalog(), { ids: bundle.ids, titles: tables.titles, dates: tables.dates }) }
  }
  return {
    search: async (query) => (await bundle.entityRegistry()).search(query),
    detail: async (id) => (await found(id))?.detail,
    async page(id) {
      const page = await found(id)
      if (!page) return undefined
      const map = placesAround(await bundle.entityRegistry(), page.entity, bundle.tables.dates).map(({ entity: place, total }) => ({
        id: place.id,
        name: place.name,
        lat: place.lat!,
        lon: place.lon!,
        figure: total,
        focus: place === page.entity,
      }))
      return { detail: page.detail, map }
    },
    async facts(filter, query) {
      const registry = await bundle.entityRegistry()
      if (filter.entity !== undefined && !registry.entity(filter.entity)) return undefined
      const only = registry.factNumbers(filter)
      return (await bundle.factCatalog()).query({ ...query, only })
    },
    idsIn: async (entities) => (await bundle.entityRegistry()).idsIn(entities),
    places: async (range) => placesInRange(await bundle.entityRegistry(), bundle.tables.dates, range),
  }
}
