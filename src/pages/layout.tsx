import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'

/** Shared look of the server-rendered pages: readable without JavaScript, no external assets. */
const CSS = `
:root { color-scheme: light; --accent: #0b57d0; --muted: #5f6368; --line: #dadce0; --mark: #fde68a; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.55 system-ui, sans-serif; color: #1f1f1f; background: #fff; }
header.site, footer.site { padding: 12px 24px; border-bottom: 1px solid var(--line); display: flex; gap: 20px; align-items: baseline; flex-wrap: wrap; }
footer.site { border: 0; border-top: 1px solid var(--line); color: var(--muted); font-size: .9em; margin-top: 48px; }
header.site a.brand { font-weight: 700; font-size: 1.1em; color: inherit; }
a { color: var(--accent); }
main { max-width: 72rem; margin: 0 auto; padding: 24px; }
.columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 40px; }
@media (max-width: 60rem) { .columns { grid-template-columns: 1fr; } }
.meta { color: var(--muted); font-size: .95em; }
.article-text { white-space: pre-line; }
.article-text mark { background: none; color: inherit; border-radius: 3px; scroll-margin-top: 30vh; }
.article-text mark:target { background: var(--mark); outline: 2px solid #f59e0b; }
.facts h3 { font-size: 1em; margin: 20px 0 6px; }
.facts ul { padding-left: 18px; margin: 0; }
.facts li { margin: 4px 0; }
.facts .role { color: var(--muted); }
.facts .more a { font-size: .85em; margin-left: 4px; display: inline-block; min-width: 24px; min-height: 24px; line-height: 24px; text-align: center; }
/* A long page renders the sections in view first: the rest is laid out when scrolled to (Lighthouse's blocking time on /docs). */
.operation { content-visibility: auto; contain-intrinsic-size: auto 900px; }
blockquote { margin: 0; padding-left: 10px; border-left: 3px solid var(--line); }
.keywords { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; list-style: none; }
.keywords li { border: 1px solid var(--line); border-radius: 999px; padding: 0 10px; font-size: .9em; }
.attribution { border-top: 1px solid var(--line); padding-top: 12px; font-size: .9em; color: var(--muted); }
pre, code { font-family: ui-monospace, monospace; font-size: .9em; }
pre { background: #f6f8fa; padding: 12px; overflow-x: auto; border-radius: 6px; }
.columns pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
/* On a phone a wide table (the docs' parameters) scrolls on its own; the page never scrolls sideways. */
@media (max-width: 40rem) { .operation table { display: block; overflow-x: auto; } td code { overflow-wrap: anywhere; } }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; }
.operation { border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 16px; margin: 20px 0; }
.method { font-family: ui-monospace, monospace; font-weight: 700; text-transform: uppercase; margin-right: 8px; }
.try label { display: grid; grid-template-columns: 14rem minmax(0, 32rem); align-items: center; gap: 8px; margin: 4px 0; font-size: .9em; }
.try input, .try textarea { font: inherit; padding: 2px 6px; }
.try output pre { max-height: 24em; overflow: auto; }
.search-form { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 16px; }
.search-form input, .search-form select, .search-form button { font: inherit; padding: 4px 8px; }
.search-form input[type=search] { min-width: min(24rem, 80vw); }
.active-filters ul { display: inline-flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 0; list-style: none; }
.active-filters a { border: 1px solid var(--line); border-radius: 999px; padding: 0 10px; text-decoration: none; }
.results-columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14rem, 1fr); gap: 40px; }
@media (max-width: 50rem) { .results-columns { grid-template-columns: 1fr; } }
.stats { font-size: 1em; font-weight: 400; color: var(--muted); }
.results ol { padding-left: 1.5em; }
.hit { margin: 0 0 20px; }
.hit-title { font-size: 1.1em; }
.hit mark { background: var(--mark); color: #1f1f1f; border-radius: 2px; }
.snippet { margin: 4px 0 0; }
.facets h2 { font-size: 1em; margin: 0 0 4px; }
.facets section { margin-bottom: 16px; }
.facets ul { list-style: none; padding: 0; margin: 0; }
.facets li { margin: 2px 0; }
.facets .count { color: var(--muted); font-size: .9em; }
.facets .selected { font-weight: 700; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.facet-filter { font: inherit; width: 100%; box-sizing: border-box; padding: 2px 6px; margin: 2px 0 4px; }
.facet-filter-status { margin: 0; color: var(--muted); font-size: .85em; min-height: 0; }
.facet-filter-status:empty { display: none; }
.paging { display: flex; gap: 16px; align-items: baseline; }
svg.map, svg.chart { display: block; width: 100%; height: auto; margin: 8px 0; }
figure.chart { margin: 0; }
svg.map { border: 1px solid var(--line); border-radius: 6px; max-height: 70vh; }
svg.map .sea { fill: #eef4fb; }
svg.map .land { fill: #e4e2dc; }
svg.map .borders { fill: none; stroke: #fff; }
svg.map .place { fill: #5f6368; fill-opacity: .55; }
svg.map .figure { fill: #b3261e; fill-opacity: .6; stroke: #fff; }
svg.map .focus { fill: none; stroke: #0b57d0; }
svg.map .map-label { fill: #1f1f1f; font-weight: 600; paint-order: stroke; stroke: #fff; }
svg.chart .bar { fill: var(--accent); }
svg.chart .axis { stroke: var(--line); }
@media (max-width: 40rem) { table.places .country { display: none; } }
.fact-list { padding-left: 18px; }
.fact-list li { margin: 8px 0; }
`

export function Layout(props: { title: string; description?: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{props.title} · News Edge</title>
          {props.description ? <meta name="description" content={props.description} /> : null}
          <style dangerouslySetInnerHTML={{ __html: CSS }} />
        </head>
        <body>
          <header class="site">
            <a class="brand" href="/">
              News Edge
            </a>
            <nav>
              <a href="/">Search</a> · <a href="/docs">API docs</a> · <a href="/openapi.json">OpenAPI</a>
            </nav>
          </header>
          <main>{props.children}</main>
          <footer class="site">News Edge: news search, summaries and facts at the edge. Article texts keep their sources’ licences.</footer>
        </body>
      </html>
    </>
  )
}
