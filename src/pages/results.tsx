import type { SearchHit, SearchResponse } from '../search/search'
import { FACETS, type FacetName } from '../search/facets'
import type { Range } from '../search/snippet'
import { FACET_FILTER_SCRIPT } from './facet-filter-script'
import { Layout } from './layout'
import { articlePath } from './paths'
import { isSelected, RESULTS_PER_PAGE, resultsUrl, toggleFilter, type ResultsState } from './results-state'
import { DateRangeFields } from './date-range-fields'

const FACET_LABELS: Record<FacetName, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  country: 'Countries',
  year: 'Years',
}

/** Values shown before the rest of a facet folds behind "more". */
const FACET_VALUES_SHOWN = 5
/** A facet with more values than this gets a filter box. */
const FACET_FILTER_FROM = 10

/** The API pages at most this far (its offset limit), so the page links stop there too. */
const LAST_OFFSET = 10_000

/** `text` with each range wrapped in `<mark>`; ranges that overlap an earlier one are skipped. */
function Highlighted(props: { text: string; ranges: readonly Range[] }) {
  const parts: unknown[] = []
  let at = 0
  for (const range of [...props.ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at || range.end > props.text.length) continue
    parts.push(props.text.slice(at, range.start), <mark>{props.text.slice(range.start, range.end)}</mark>)
    at = range.end
  }
  parts.push(props.text.slice(at))
  return <>{parts}</>
}

function Hit(props: { hit: SearchHit }) {
  const { hit } = props
  return (
    <li class="hit">
      <a class="hit-title" href={articlePath(hit.id)}>
        <Highlighted text={hit.title} ranges={hit.highlights.title} />
      </a>
      {hit.date ? (
        <div class="meta">
          <time datetime={hit.date}>{hit.date}</time>
        </div>
      ) : null}
      <p class="snippet">
        <Highlighted text={hit.snippet} ranges={hit.highlights.snippet} />
      </p>
    </li>
  )
}

/** The search form: a plain GET, so it works without JavaScript; active facet filters ride along as hidden fields. */
function SearchForm(props: { state: ResultsState }) {
  const { state } = props
  return (
    <form class="search-form" method="get" action="/search" role="search">
      <label>
        Search <input type="search" name="q" value={state.q} required maxlength={500} />
      </label>
      <label>
        Sort{' '}
        <select name="sort">
          <option value="relevance" selected={state.sort === 'relevance'}>
            Relevance
          </option>
          <option value="date" selected={state.sort === 'date'}>
            Newest first
          </option>
        </select>
      </label>
      <DateRangeFields from={state.from} to={state.to} />
      {FACETS.flatMap((facet) => (state.filters[facet] ?? []).map((value) => <input type="hidden" name={facet} value={value} />))}
      <button type="submit">Search</button>
    </form>
  )
}

/** Every active filter as a link that removes it. */
function ActiveFilters(props: { state: ResultsState }) {
  const { state } = props
  const removals = [
    ...FACETS.flatMap((facet) =>
      (state.filters[facet] ?? []).map((value) => ({ label: `${FACET_LABELS[facet]}: ${value}`, href: resultsUrl(toggleFilter(state, facet, value)) })),
    ),
    ...(state.from ? [{ label: `From ${state.from}`, href: resultsUrl({ ...state, from: undefined, page: 1 }) }] : []),
    ...(state.to ? [{ label: `To ${state.to}`, href: resultsUrl({ ...state, to: undefined, page: 1 }) }] : []),
  ]
  if (removals.length === 0) return null
  return (
    <section class="active-filters" aria-label="Active filters">
      Filtered by:{' '}
      <ul>
        {removals.map((removal) => (
          <li>
            <a href={removal.href} aria-label={`Remove filter ${removal.label}`}>
              {removal.label} ✕
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

function FacetPanel(props: { state: ResultsState; facets: SearchResponse['facets'] }) {
  const { state, facets } = props
  const valueLink = (facet: FacetName, value: string, count: number) => {
    const selected = isSelected(state, facet, value)
    return (
      <li>
        <a href={resultsUrl(toggleFilter(state, facet, value))} aria-current={selected ? 'true' : undefined} class={selected ? 'selected' : undefined}>
          {selected ? '✓ ' : ''}
          {value}
        </a>{' '}
        <span class="count">{count}</span>
      </li>
    )
  }
  return (
    <aside class="facets" aria-label="Filters">
      {FACETS.filter((facet) => facets[facet].length > 0).map((facet) => {
        const values = facets[facet]
        return (
          <section>
            <h2 id={`facet-${facet}`}>{FACET_LABELS[facet]}</h2>
            {values.length > FACET_FILTER_FROM ? (
              <>
                <label for={`facet-filter-${facet}`} class="visually-hidden" hidden>
                  Filter {FACET_LABELS[facet].toLowerCase()}
                </label>
                <input
                  type="search"
                  id={`facet-filter-${facet}`}
                  class="facet-filter"
                  placeholder={`Filter ${FACET_LABELS[facet].toLowerCase()}…`}
                  autocomplete="off"
                  hidden
                />
                <p class="facet-filter-status" role="status" aria-live="polite"></p>
              </>
            ) : null}
            <ul>{values.slice(0, FACET_VALUES_SHOWN).map(({ value, count }) => valueLink(facet, value, count))}</ul>
            {values.length > FACET_VALUES_SHOWN ? (
              <details>
                <summary>
                  More {FACET_LABELS[facet].toLowerCase()} ({values.length - FACET_VALUES_SHOWN})
                </summary>
                <ul>{values.slice(FACET_VALUES_SHOWN).map(({ value, count }) => valueLink(facet, value, count))}</ul>
              </details>
            ) : null}
          </section>
        )
      })}
    </aside>
  )
}

function Paging(props: { state: ResultsState; total: number }) {
  const { state, total } = props
  const lastPage = Math.max(1, Math.ceil(Math.min(total, LAST_OFFSET + RESULTS_PER_PAGE) / RESULTS_PER_PAGE))
  if (lastPage === 1 && state.page === 1) return null
  return (
    <nav class="paging" aria-label="Result pages">
      {state.page > 1 ? (
        <a rel="prev" href={resultsUrl({ ...state, page: Math.min(state.page - 1, lastPage) })}>
          ← Previous
        </a>
      ) : null}{' '}
      <span>
        Page {state.page} of {lastPage}
      </span>{' '}
      {state.page < lastPage ? (
        <a rel="next" href={resultsUrl({ ...state, page: state.page + 1 })}>
          Next →
        </a>
      ) : null}
    </nav>
  )
}

/** What the search did with the words: a correction applied or offered, forgiven typos, only stop words. */
function QueryNotes(props: { state: ResultsState; response: SearchResponse }) {
  const { state, response } = props
  return (
    <>
      {response.suggestion ? (
        <p class="did-you-mean">
          Did you mean <a href={resultsUrl({ ...state, q: response.suggestion, page: 1, autocorrect: true })}>{response.suggestion}</a>?
        </p>
      ) : null}
      {response.correctedQuery ? (
        <p class="did-you-mean">
          Showing results for <b>{response.correctedQuery}</b>. Search instead for <a href={resultsUrl({ ...state, page: 1, autocorrect: false })}>{state.q}</a>
          .
        </p>
      ) : response.typoTolerance ? (
        <p class="query-note">Some results match close spellings of your words.</p>
      ) : null}
      {response.hint ? <p class="query-note">{response.hint}</p> : null}
    </>
  )
}

/** `/search?q=`: the full results page, rendered on the server from the URL alone. */
export function ResultsPage(props: { state: ResultsState; response: SearchResponse }) {
  const { state, response } = props
  const first = response.offset + 1
  const last = response.offset + response.hits.length
  return (
    <Layout
      title={`${state.q} – search results`}
      description={`${response.total} news articles about “${state.q}”, with summaries, people, places and figures.`}
    >
      <h1>Search results</h1>
      <SearchForm state={state} />
      <ActiveFilters state={state} />
      <QueryNotes state={state} response={response} />
      <div class="results-columns">
        <section class="results" aria-labelledby="results-heading">
          <h2 id="results-heading" class="stats">
            {response.hits.length > 0
              ? `${first}–${last} of ${response.total} results for “${state.q}”`
              : response.total > 0
                ? `Page ${state.page} is past the last of ${response.total} results for “${state.q}”`
                : `No results for “${state.q}”`}
          </h2>
          {response.hits.length > 0 ? (
            <ol start={first}>
              {response.hits.map((hit) => (
                <Hit hit={hit} />
              ))}
            </ol>
          ) : response.total > 0 ? (
            <p>
              <a href={resultsUrl({ ...state, page: 1 })}>Go to the first page</a>
            </p>
          ) : null}
          <Paging state={state} total={response.total} />
        </section>
        <FacetPanel state={state} facets={response.facets} />
      </div>
      {FACETS.some((facet) => response.facets[facet].length > FACET_FILTER_FROM) ? <script dangerouslySetInnerHTML={{ __html: FACET_FILTER_SCRIPT }} /> : null}
    </Layout>
  )
}

/** `/search` without words: the form alone. */
export function EmptySearchPage(props: { state: ResultsState }) {
  return (
    <Layout title="Search" description="Search the news articles: phrases, filters by person, place and organisation, dates.">
      <h1>Search the articles</h1>
      <SearchForm state={props.state} />
    </Layout>
  )
}

/** Bad parameters: what is wrong with each, and a form to try again (answered with 400). */
export function BadSearchPage(props: { errors: { name: string; message: string }[]; q: string }) {
  return (
    <Layout title="Search parameters to fix">
      <h1>Search parameters to fix</h1>
      <p>This search could not run; change these parameters:</p>
      <ul class="errors">
        {props.errors.map((error) => (
          <li>
            <code>{error.name}</code> {error.message}
          </li>
        ))}
      </ul>
      <SearchForm state={{ q: props.q, page: 1, sort: 'relevance', filters: {} }} />
    </Layout>
  )
}
