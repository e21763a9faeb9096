import { kindLabel } from "../chart/chart-block.js";
import type { StatisticKind } from "../fact-card/fact-card.query.js";
import { type SafeHtml, html } from "../html.js";
import { renderPage } from "../layout.js";
import { type PageView, count } from "../metric/metric.page.js";
import { shareTags } from "../sharing.js";
import type { FactsListData, FactsListRequest } from "./load-facts-list.js";
import { searchForm } from "./search-form.js";

/** The list's URL for a request, keeping the search and filters (empty parameters left out). */
export function listHref(r: Partial<FactsListRequest>): string {
  const params = new URLSearchParams();
  for (const key of ["q", "metric", "source", "after", "before"] as const) if (r[key]) params.set(key, r[key]!);
  const qs = params.toString();
  return qs ? `/facts?${qs}` : "/facts";
}

/**
 * A search hit's snippet as HTML: the API marks matches with `<mark>…</mark>` and leaves the
 * rest as text, so the text is escaped and only the marks become elements.
 */
export function snippetHtml(snippet: string): SafeHtml {
  const parts = snippet.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const out: SafeHtml[] = [];
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) out.push(marked ? html`<mark>${part}</mark>` : html`${part}`);
  }
  return html`${out}`;
}

/**
 * The figures list (/facts): a search box (the API's full-text search), filters by metric and
 * source, one page of figures in words with their metric, subject, period, kind and producers,
 * each linked to its fact card, and links to the next and previous pages.
 */
export function renderFactsList(data: FactsListData, view: PageView): SafeHtml {
  const r = data.request;
  const searching = r.q !== "";
  const filtered = r.metric !== "" || r.source !== "";
  const metricName = data.metrics.find((m) => m.value === r.metric)?.label;
  const heading = searching ? `Figures matching “${r.q}”` : metricName ? `Figures of “${metricName}”` : "Figures";
  const status = data.error
    ? html`<p class="error" role="alert">The search could not be read: ${data.error.replace(/^Argument \w+: /, "")}</p>`
    : html`<p class="summary" role="status">${
        searching
          ? `${count(data.total, "search hit")} among figures${filtered ? "; those of the chosen metric and source are listed" : ""}.`
          : `${count(data.total, "figure")}${filtered ? " match the filters" : " in the knowledge base"}, newest period first.`
      }${r.metric ? html` <a href="/metrics/${encodeURIComponent(r.metric)}">See them on a chart</a>.` : ""}</p>`;
  const items = data.figures.map(
    ({ figure: f, snippet }) => html`<li><a class="figure" href="/facts/${encodeURIComponent(f.slug)}">${f.value.display}</a>
<span class="what">${f.metric.name} · ${f.subject.name} · ${f.period?.label ?? "no period stated"} · ${kindLabel(f.kind as StatisticKind)}</span>
<span class="by note">${f.producers.length ? `Produced by ${f.producers.map((p) => p.name).join(", ")}` : "No attribution stated"}</span>${
      snippet ? html`<span class="snippet note">${snippetHtml(snippet)}</span>` : ""
    }</li>`,
  );
  const pager = html`<nav class="pager" aria-label="Pages of figures">${
    data.previous ? html`<a rel="prev" href="${listHref({ ...r, after: "", before: data.previous })}">← Previous page</a>` : searching && r.after ? html`<a href="${listHref({ ...r, after: "" })}">← First page</a>` : ""
  }${data.next ? html`<a rel="next" href="${listHref({ ...r, before: "", after: data.next })}">Next page →</a>` : ""}</nav>`;
  const main = html`<section class="facts-list" aria-labelledby="list-title">
<h1 id="list-title">${heading}</h1>
<p>Every figure of the knowledge base, each traced to the passage that states it. Search words, phrases in quotes or <code>word*</code>; or browse <a href="/metrics">by metric</a>.</p>
${searchForm({ ...r, metrics: data.metrics, sources: data.sources })}
${status}
${items.length ? html`<ul class="fact-list">${items}</ul>` : data.error ? "" : html`<p class="note">No figure matches. Try fewer words, or another metric or source.</p>`}
${pager}
</section>`;
  return renderPage({
    title: `${heading} · livestream-facts`,
    description: "Search the figures of China's live-streaming e-commerce, each traced to its source.",
    canonical: "/facts",
    embed: false,
    manifest: view.manifest,
    head: shareTags({ title: heading, description: "Figures of China's live-streaming e-commerce, each traced to the passage that states it.", path: listHref(r), origin: view.origin, type: "website" }),
    main,
  });
}
