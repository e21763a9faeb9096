import { type SafeHtml, html } from "../html.js";
import { renderPage } from "../layout.js";
import type { MetricsListResult } from "../metric/metric.query.js";
import { type PageView, count } from "../metric/metric.page.js";
import { shareTags } from "../sharing.js";

/** What the metrics list shows. */
export interface MetricsListData {
  readonly metrics: MetricsListResult["metrics"]["nodes"];
  readonly conflictsByMetric: ReadonlyMap<string, number>;
}

/**
 * The list of metrics (/metrics): each with its definition, its number of figures (linked to
 * its chart page) and of conflict groups; metrics with figures first, most figures first.
 */
export function renderMetricsList(data: MetricsListData, view: PageView): SafeHtml {
  const metrics = [...data.metrics].sort((a, b) => b.statistics.totalCount - a.statistics.totalCount || a.name.localeCompare(b.name));
  const rows = metrics.map((m) => {
    const conflicts = data.conflictsByMetric.get(m.slug) ?? 0;
    return html`<tr><th scope="row"><a href="/metrics/${encodeURIComponent(m.slug)}">${m.name}</a><span class="note">${m.description}</span></th><td>${m.statistics.totalCount}</td><td>${
      conflicts ? html`<span class="badge bad">${conflicts}</span>` : "0"
    }</td></tr>`;
  });
  const total = metrics.reduce((n, m) => n + m.statistics.totalCount, 0);
  const main = html`<section class="metrics-list" aria-labelledby="metrics-title">
<h1 id="metrics-title">Metrics</h1>
<p>What the figures measure, each defined once. ${count(metrics.length, "metric")}, ${count(total, "figure")}. Open a metric to see all its figures on a chart, from every source, with their conflicts.</p>
<div class="table-scroll"><table class="metrics">
<thead><tr><th scope="col">Metric</th><th scope="col">Figures</th><th scope="col">Conflict groups</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`;
  return renderPage({
    title: "Metrics · livestream-facts",
    description: "What the figures of China's live-streaming e-commerce measure, with their number of figures and conflicts.",
    canonical: "/metrics",
    embed: false,
    manifest: view.manifest,
    head: shareTags({ title: "Metrics of China's live-streaming e-commerce", description: `${count(metrics.length, "metric")}, ${count(total, "figure")}, each traced to its source.`, path: "/metrics", origin: view.origin, type: "website" }),
    main,
  });
}
