import { highlightedNodes, rangesForQuery } from './highlight'
import { SCRIPT_ORIGIN } from './origin'
import { readSearchResponse, type Facet, type FacetValue, type Hit, type SearchResult } from './response'
import { STYLES } from './styles'

const DEBOUNCE_MS = 150
const DEFAULT_LIMIT = 8
const FACET_VALUES_SHOWN = 6

const MARKUP = `<style>${STYLES}</style>
<input part="input" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="results" autocomplete="off" spellcheck="false">
<div class="panel" part="panel" hidden>
  <ul id="results" role="listbox" part="listbox" aria-label="Search results"></ul>
  <div class="status" part="status" role="status" aria-live="polite"></div>
  <a class="see-all" part="see-all" hidden></a>
  <button type="button" class="filters-toggle" part="filters-toggle" aria-expanded="false" aria-controls="chips" hidden>Filters</button>
  <div class="chips" id="chips" part="facets" role="group" aria-label="Filter results" hidden></div>
</div>`

type Filter = [param: string, value: string]

/**
 * `<news-search>`: search as you type against a News Edge API, as an ARIA
 * combobox (the input keeps focus; arrow keys move `aria-activedescendant`
 * through the listbox; Enter opens the active result).
 *
 * Attributes: `api` (API origin; default: where this script came from),
 * `limit` (results shown, default 8), `placeholder`, `label` (accessible name),
 * `link-template` (a host-site URL with `{id}`; default: the product's article page),
 * `search-link-template` (a host-site results page with `{query}`; default: the product's `/search?q=`).
 * The panel always floats over the page (the `overlay` attribute of older embeds is no longer needed).
 * Event: `news-search-select` (cancelable, `detail: { id, href }`) before a result opens.
 */
export class NewsSearchElement extends HTMLElement {
  static observedAttributes = ['placeholder', 'label']

  readonly #root = this.attachShadow({ mode: 'open' })
  readonly #input: HTMLInputElement
  readonly #panel: HTMLElement
  readonly #chips: HTMLElement
  readonly #list: HTMLElement
  readonly #status: HTMLElement
  readonly #seeAll: HTMLAnchorElement
  readonly #filtersToggle: HTMLButtonElement
  #sequence = 0
  /** A query the reader asked to search as typed ("search instead for"): sent with autocorrect=false. */
  #asTyped: string | undefined
  #controller: AbortController | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #hits: Hit[] = []
  #active = -1
  #filters: Filter[] = []

  constructor() {
    super()
    this.#root.innerHTML = MARKUP
    this.#input = this.#root.querySelector('input')!
    this.#panel = this.#root.querySelector('.panel')!
    this.#chips = this.#root.querySelector('.chips')!
    this.#list = this.#root.querySelector('ul')!
    this.#status = this.#root.querySelector('.status')!
    this.#seeAll = this.#root.querySelector('.see-all')!
    this.#filtersToggle = this.#root.querySelector('.filters-toggle')!
    this.#filtersToggle.addEventListener('click', () => {
      const open = this.#filtersToggle.getAttribute('aria-expanded') !== 'true'
      this.#filtersToggle.setAttribute('aria-expanded', String(open))
      this.#panel.classList.toggle('filters-open', open)
    })
    this.#input.addEventListener('input', () => this.#schedule())
    this.#input.addEventListener('keydown', (event) => this.#onKey(event))
    this.#input.addEventListener('focus', () => this.#setExpanded(this.#hits.length > 0))
    // Listened to on the shadow root, where `relatedTarget` is not retargeted to the host: tabbing to a chip keeps the panel open.
    this.#root.addEventListener('focusout', (event) => {
      const next = (event as FocusEvent).relatedTarget
      if (!(next instanceof Node && this.#root.contains(next))) this.#setExpanded(false)
    })
    // Keep focus in the input when a result or chip is pressed, so the combobox stays usable.
    this.#panel.addEventListener('mousedown', (event) => event.preventDefault())
    this.#list.addEventListener('mousemove', (event) => {
      const option = (event.target as Element).closest('li')
      if (option) this.#setActive(Number(option.dataset.index))
    })
    // Options hold no link (a link inside an option is a nested control, which screen readers announce badly),
    // so clicks that would open a link in a new tab or window (modifier keys, the middle button) do so here.
    const onClick = (event: MouseEvent) => {
      const option = (event.target as Element).closest('li')
      if (!option || event.button > 1) return
      event.preventDefault()
      if (event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey) window.open(option.dataset.href, '_blank', 'noopener')
      else this.#open(Number(option.dataset.index))
    }
    this.#list.addEventListener('click', onClick)
    this.#list.addEventListener('auxclick', onClick)
    this.#syncInputAttributes()
  }

  attributeChangedCallback() {
    this.#syncInputAttributes()
  }

  disconnectedCallback() {
    clearTimeout(this.#timer)
    this.#controller?.abort()
  }

  /** Runs the search now (also what typing does, after a short pause). */
  search(query?: string) {
    if (query !== undefined) this.#input.value = query
    clearTimeout(this.#timer)
    this.#timer = undefined
    void this.#run()
  }

  get #api(): string {
    return (this.getAttribute('api') || SCRIPT_ORIGIN || location.origin).replace(/\/+$/, '')
  }

  get #limit(): number {
    const limit = Number.parseInt(this.getAttribute('limit') ?? '', 10)
    return Number.isFinite(limit) ? Math.min(Math.max(limit, 1), 100) : DEFAULT_LIMIT
  }

  #syncInputAttributes() {
    this.#input.placeholder = this.getAttribute('placeholder') ?? 'Search the news'
    this.#input.setAttribute('aria-label', this.getAttribute('label') ?? 'Search the news')
  }

  #schedule() {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.search(), DEBOUNCE_MS)
  }

  #onKey(event: KeyboardEvent) {
    const count = this.#hits.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return
      event.preventDefault()
      this.#setExpanded(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      this.#setActive(this.#active === -1 && step === -1 ? count - 1 : (this.#active + step + count) % count)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (this.#active >= 0 && this.#input.getAttribute('aria-expanded') === 'true') this.#open(this.#active)
      else this.search()
    } else if (event.key === 'Escape') {
      // The ARIA combobox pattern: the first Escape closes the popup, the next clears the query.
      if (!this.#panel.hidden) {
        // A search input clears itself on Escape by default: not on this first press.
        event.preventDefault()
        this.#setExpanded(false)
        this.#panel.hidden = true
      } else this.search('')
    }
  }

  async #run() {
    const query = this.#input.value.trim()
    const sequence = ++this.#sequence
    this.#controller?.abort()
    if (!query) {
      this.#show(query, { total: 0, hits: [], facets: [] })
      this.#panel.hidden = true
      return
    }
    const controller = new AbortController()
    this.#controller = controller
    const params = new URLSearchParams({ q: query, limit: String(this.#limit) })
    if (query === this.#asTyped) params.set('autocorrect', 'false')
    for (const [param, value] of this.#filters) params.append(param, value)
    this.toggleAttribute('busy', true)
    this.#list.setAttribute('aria-busy', 'true')
    try {
      const response = await fetch(`${this.#api}/api/search?${params}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
      const body: unknown = await response.json().catch(() => undefined)
      if (sequence !== this.#sequence) return
      if (!response.ok) throw new Error(problemDetail(body) ?? `The search service answered with status ${response.status}.`)
      this.#show(query, readSearchResponse(body))
    } catch (error) {
      // A newer keystroke superseded this request: its answer is the one to show.
      if (sequence !== this.#sequence) return
      this.#showError(error instanceof TypeError ? 'Search is unavailable right now: the news service cannot be reached.' : (error as Error).message)
    } finally {
      if (sequence === this.#sequence) {
        this.toggleAttribute('busy', false)
        this.#list.removeAttribute('aria-busy')
      }
    }
  }

  #show(query: string, result: SearchResult) {
    this.#hits = result.hits
    this.#active = -1
    this.#input.removeAttribute('aria-activedescendant')
    this.#list.replaceChildren(...result.hits.map((hit, index) => this.#option(hit, index, query)))
    this.#renderChips(result.facets)
    this.#status.className = 'status'
    this.#status.replaceChildren()
    if (query && result.hits.length === 0) this.#showEmpty(query)
    else if (result.hits.length > 0) {
      this.#status.append(`${result.hits.length} of ${result.total} result${result.total === 1 ? '' : 's'}.`)
    }
    if (result.correctedQuery) this.#showCorrected(query, result.correctedQuery)
    if (result.suggestion && result.suggestion.toLowerCase() !== query.toLowerCase()) this.#showSuggestion(result.suggestion)
    this.#seeAll.hidden = result.total <= result.hits.length
    this.#seeAll.href = this.#searchLinkFor(query)
    this.#seeAll.textContent = `See all ${result.total} results`
    this.#panel.hidden = false
    this.#setExpanded(result.hits.length > 0)
  }

  /** "No results", saying which filters are on (they stay on across queries) with one press to drop them. */
  #showEmpty(query: string) {
    if (this.#filters.length === 0) {
      this.#status.append(`No results for “${query}”.`)
      return
    }
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'remove' })
    remove.setAttribute('part', 'remove-filters')
    remove.addEventListener('click', () => {
      this.#filters = []
      this.search()
    })
    const named = this.#filters.map(([, value]) => value).join(', ')
    this.#status.append(`No results for “${query}” with filter${this.#filters.length === 1 ? '' : 's'} ${named} — `, remove)
  }

  /** The server searched a correction of the query: say so, with one press to search the words as typed. */
  #showCorrected(query: string, corrected: string) {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: query })
    button.setAttribute('part', 'search-as-typed')
    button.addEventListener('click', () => {
      this.#asTyped = query
      this.search()
    })
    this.#status.append(' Showing results for ', Object.assign(document.createElement('b'), { textContent: corrected }), '. Search instead for ', button, '.')
  }

  /** The server's did-you-mean: one press searches for it. */
  #showSuggestion(suggestion: string) {
    const button = document.createElement('button')
    button.type = 'button'
    button.setAttribute('part', 'suggestion')
    button.append('Did you mean ', Object.assign(document.createElement('b'), { textContent: suggestion }), '?')
    button.addEventListener('click', () => this.search(suggestion))
    this.#status.append(' ', button)
  }

  #showError(message: string) {
    this.#hits = []
    this.#list.replaceChildren()
    this.#chips.hidden = true
    this.#filtersToggle.hidden = true
    this.#seeAll.hidden = true
    this.#status.className = 'status error'
    const retry = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Try again' })
    retry.addEventListener('click', () => this.search())
    this.#status.replaceChildren(`${message} `, retry)
    this.#panel.hidden = false
    this.#setExpanded(false)
  }

  #option(hit: Hit, index: number, query: string): HTMLElement {
    const option = document.createElement('li')
    option.id = `result-${index}`
    option.dataset.index = String(index)
    option.setAttribute('role', 'option')
    option.setAttribute('part', 'option')
    option.setAttribute('aria-selected', 'false')
    option.dataset.href = this.#linkFor(hit.id)
    option.append(
      part('span', 'title', highlightedNodes(hit.title, hit.titleRanges ?? rangesForQuery(hit.title, query))),
      ...(hit.date ? [part('span', 'meta', [document.createTextNode(hit.date)])] : []),
      part('span', 'snippet', highlightedNodes(hit.snippet, hit.snippetRanges ?? rangesForQuery(hit.snippet, query))),
    )
    return option
  }

  #renderChips(facets: Facet[]) {
    const groups: Node[] = []
    if (this.#filters.length > 0) {
      groups.push(label('Filters'), ...this.#filters.map(([param, value]) => this.#chip(param, value, undefined)))
    }
    for (const facet of facets) {
      const values = byCountThenSeen(
        facet.values.filter(({ value }) => !this.#isFiltered(facet.param, value)),
        this.#hits,
      ).slice(0, FACET_VALUES_SHOWN)
      if (values.length > 0) groups.push(label(facet.label), ...values.map(({ value, count }) => this.#chip(facet.param, value, count)))
    }
    this.#chips.replaceChildren(...groups)
    this.#chips.hidden = groups.length === 0
    this.#filtersToggle.hidden = groups.length === 0
    this.#filtersToggle.textContent = this.#filters.length > 0 ? `Filters (${this.#filters.length} on)` : 'Filters'
  }

  #chip(param: string, value: string, count: number | undefined): HTMLElement {
    const chip = document.createElement('button')
    chip.type = 'button'
    chip.className = 'chip'
    chip.setAttribute('part', 'chip')
    chip.dataset.param = param
    chip.setAttribute('aria-pressed', String(this.#isFiltered(param, value)))
    chip.textContent = count === undefined ? `${value} ×` : `${value} (${count})`
    chip.addEventListener('click', () => {
      this.#filters = this.#isFiltered(param, value) ? this.#filters.filter(([p, v]) => p !== param || v !== value) : [...this.#filters, [param, value]]
      this.search()
    })
    return chip
  }

  #isFiltered(param: string, value: string): boolean {
    return this.#filters.some(([p, v]) => p === param && v === value)
  }

  #linkFor(id: string): string {
    const template = this.getAttribute('link-template')
    if (template) return template.replaceAll('{id}', encodeURIComponent(id))
    return `${this.#api}/articles/${id.split('/').map(encodeURIComponent).join('/')}`
  }

  /** The full results page for a query, with the widget's filters: the host's own, or the product's `/search`. */
  #searchLinkFor(query: string): string {
    const template = this.getAttribute('search-link-template')
    if (template) return template.replaceAll('{query}', encodeURIComponent(query))
    const params = new URLSearchParams({ q: query })
    for (const [param, value] of this.#filters) params.append(param, value)
    return `${this.#api}/search?${params}`
  }

  #setActive(index: number) {
    const options = this.#list.children
    options[this.#active]?.setAttribute('aria-selected', 'false')
    this.#active = index
    const option = options[index]
    if (!option) return
    option.setAttribute('aria-selected', 'true')
    option.scrollIntoView({ block: 'nearest' })
    this.#input.setAttribute('aria-activedescendant', option.id)
  }

  #setExpanded(expanded: boolean) {
    this.#input.setAttribute('aria-expanded', String(expanded && this.#hits.length > 0))
    if (!expanded) this.#input.removeAttribute('aria-activedescendant')
    if (!expanded && this.#hits.length > 0) this.#panel.hidden = true
    else if (this.#input.value.trim()) this.#panel.hidden = false
  }

  #open(index: number) {
    const hit = this.#hits[index]
    if (!hit) return
    const href = this.#linkFor(hit.id)
    const proceed = this.dispatchEvent(new CustomEvent('news-search-select', { detail: { id: hit.id, href }, bubbles: true, composed: true, cancelable: true }))
    if (proceed) location.assign(href)
  }
}

/**
 * Facet values by count; a tie goes to the value the shown results mention,
 * so the chips name what the reader sees rather than what sorts first.
 */
function byCountThenSeen(values: FacetValue[], hits: Hit[]): FacetValue[] {
  const shown = hits
    .map((hit) => `${hit.title} ${hit.snippet}`)
    .join(' ')
    .toLowerCase()
  const seen = (value: string) => (shown.includes(value.toLowerCase()) ? 1 : 0)
  return values
    .map((value, order) => ({ value, order, seen: seen(value.value) }))
    .sort((a, b) => b.value.count - a.value.count || b.seen - a.seen || a.order - b.order)
    .map(({ value }) => value)
}

function part(tag: string, name: string, children: Node[]): HTMLElement {
  const element = document.createElement(tag)
  element.className = name
  element.setAttribute('part', name)
  element.append(...children)
  return element
}

function label(text: string): HTMLElement {
  return Object.assign(document.createElement('b'), { textContent: text })
}

function problemDetail(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | undefined)?.detail
  return typeof detail === 'string' ? detail : undefined
}
