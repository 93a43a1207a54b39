/**
 * The widget's own styles, inside its shadow root so host pages cannot break
 * them by accident; hosts theme it on purpose through these custom properties
 * and the `::part()`s named in the markup.
 */
export const STYLES = `
:host {
  --_accent: var(--news-search-accent, #0b57d0);
  --_bg: var(--news-search-background, #fff);
  --_fg: var(--news-search-color, #1f1f1f);
  --_muted: var(--news-search-muted, #5f6368);
  --_border: var(--news-search-border, #c4c7c5);
  --_mark: var(--news-search-mark, #fde68a);
  --_active: var(--news-search-active, #e8f0fe);
  --_radius: var(--news-search-radius, 8px);
  display: block;
  position: relative;
  font: var(--news-search-font, 16px/1.4 system-ui, sans-serif);
  color: var(--_fg);
}
[hidden] { display: none !important; }
input {
  box-sizing: border-box; width: 100%; padding: .6em .8em; font: inherit; color: inherit;
  background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
}
input:focus { outline: 2px solid var(--_accent); outline-offset: 1px; }
.panel {
  position: absolute; top: 100%; left: 0; right: 0; z-index: 1000; box-sizing: border-box;
  margin-top: 4px; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
  box-shadow: 0 4px 16px rgb(0 0 0 / .12); overflow: hidden;
}
.chips { display: flex; flex-wrap: wrap; gap: 4px 6px; padding: 8px; border-top: 1px solid var(--_border); font-size: .85em; }
.see-all { padding: 0 12px 8px; color: var(--_accent); text-decoration: underline; font-size: .9em; }
.filters-toggle { display: none; margin: 0 12px 8px; border: 1px solid var(--_border); border-radius: 999px; background: var(--_bg); color: inherit; padding: 1px 10px; font-size: .85em; }
@media (max-width: 40rem) {
  .filters-toggle { display: inline-block; }
  .panel:not(.filters-open) .chips { display: none; }
}
.chips b { font-weight: 600; color: var(--_muted); margin-right: 2px; align-self: center; }
button { font: inherit; cursor: pointer; }
.chip { border: 1px solid var(--_border); border-radius: 999px; background: var(--_bg); color: inherit; padding: 1px 8px; }
.chip[aria-pressed="true"] { background: var(--_accent); border-color: var(--_accent); color: #fff; }
ul { list-style: none; margin: 0; padding: 0; max-height: var(--news-search-max-height, 28em); overflow-y: auto; }
li { padding: 8px 12px; cursor: pointer; border-top: 1px solid var(--_border); }
li:first-child { border-top: 0; }
li[aria-selected="true"] { background: var(--_active); }
a { color: inherit; text-decoration: none; display: block; }
.title { display: block; font-weight: 600; color: var(--_accent); }
.meta { display: block; font-size: .8em; color: var(--_muted); }
.snippet { display: block; font-size: .9em; }
/* Its own text colour: a themed (light or dark) title colour on the mark background could be unreadable. */
mark { background: var(--_mark); color: var(--news-search-mark-color, #1f1f1f); border-radius: 2px; }
.status { padding: 8px 12px; font-size: .9em; color: var(--_muted); }
.status:empty { display: none; }
.status.error { color: var(--news-search-error, #b3261e); }
.status button { border: 0; background: none; color: var(--_accent); text-decoration: underline; padding: 0; }
`
