import { type SafeHtml, html } from "../html.js";

/** A choice of a select: its value (a slug) and what it shows. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/** What the figures search form shows and keeps. */
export interface SearchFormState {
  readonly q: string;
  readonly metric: string;
  readonly source: string;
  /** The metrics and sources to filter by; without them the form has the search box only. */
  readonly metrics?: readonly Option[];
  readonly sources?: readonly Option[];
}

/**
 * The search form of the figures list (GET /facts, so results have a URL to share): a search
 * box for the API's full-text search and, when lists are given, filters by metric and by
 * source. Every control has a visible label.
 */
export function searchForm(state: SearchFormState): SafeHtml {
  const select = (name: string, label: string, options: readonly Option[], chosen: string) => html`<p class="field"><label for="filter-${name}">${label}</label>
<select id="filter-${name}" name="${name}"><option value="">Any ${name}</option>${options.map(
    (o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ""}>${o.label}</option>`,
  )}</select></p>`;
  return html`<form class="search" action="/facts" method="get" role="search">
<p class="field"><label for="search-q">Search figures</label>
<input id="search-q" type="search" name="q" value="${state.q}" maxlength="200" placeholder="e.g. trillion, Taobao Live, 1.73 million"></p>
${state.metrics ? select("metric", "Metric", state.metrics, state.metric) : ""}
${state.sources ? select("source", "Source", state.sources, state.source) : ""}
<p class="field submit"><button type="submit">Search</button></p>
</form>`;
}
