import type { StoredArticle } from '../article'
import { facetNamePosition, packFacetTable, type StoredFacetTable } from '../search/tables/facet-table'
import { articleFacets, FACETS, type ArticleFacets, type FacetName } from '../search/facets'

/**
 * The live articles' facet values, kept as articles come and go: each
 * article's values are worked out once (when it is put), and each facet's
 * names stay sorted (`compareFacetNames`), a new name inserted in place. A
 * version's facet table (`stored`) is then the packing of numbers only, the
 * same table `storeFacetTable` makes from the articles, without reading every
 * article and sorting every name again on every change.
 */
export class LiveFacets {
  private readonly byArticle = new Map<string, ArticleFacets>()
  private readonly columns = new Map<FacetName, { names: string[]; uses: Map<string, number> }>(FACETS.map((facet) => [facet, { names: [], uses: new Map() }]))

  add(article: StoredArticle): void {
    const facets = articleFacets(article)
    this.byArticle.set(article.id, facets)
    for (const facet of FACETS) {
      const { names, uses } = this.columns.get(facet)!
      for (const name of facets[facet].values()) {
        const count = uses.get(name) ?? 0
        uses.set(name, count + 1)
        if (count === 0) names.splice(facetNamePosition(names, name), 0, name)
      }
    }
  }

  remove(id: string): void {
    const facets = this.byArticle.get(id)
    if (!facets) return
    this.byArticle.delete(id)
    for (const facet of FACETS) {
      const { names, uses } = this.columns.get(facet)!
      for (const name of facets[facet].values()) {
        const count = uses.get(name)! - 1
        if (count > 0) uses.set(name, count)
        else {
          uses.delete(name)
          names.splice(facetNamePosition(names, name), 1)
        }
      }
    }
  }

  /** The facet table of `articles` (this version's live articles, in index order), as `storeFacetTable` makes it. */
  stored(articles: readonly StoredArticle[]): StoredFacetTable {
    return packFacetTable(
      articles.map((article) => this.byArticle.get(article.id)!),
      (facet) => this.columns.get(facet)!.names,
    )
  }
}
