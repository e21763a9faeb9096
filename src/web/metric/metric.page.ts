import { type ChartStatistic, chartFigure, renderChartBlock, unitInfo } from "../chart/chart-block.js";
import { type SafeHtml, html } from "../html.js";
import { renderPage } from "../layout.js";
import type { WebManifest } from "../manifest.js";
import { shareTags } from "../sharing.js";
import type { MetricPageData } from "./load-metric.js";

/** How a page is being shown. */
export interface PageView {
  readonly embed: boolean;
  readonly manifest: WebManifest | null;
  /** The site's origin for absolute links in sharing tags; null when unknown. */
  readonly origin: string | null;
}

/** The figures of one subject, by unit. */
interface SubjectFigures {
  readonly slug: string;
  readonly name: string;
  readonly byUnit: Map<string, ChartStatistic[]>;
  count: number;
}

/** A metric's figures grouped by subject (most figures first) and unit (in the metric's order). */
export function groupBySubject(statistics: readonly ChartStatistic[]): SubjectFigures[] {
  const subjects = new Map<string, SubjectFigures>();
  for (const s of statistics) {
    let entry = subjects.get(s.subject.slug);
    if (!entry) subjects.set(s.subject.slug, (entry = { slug: s.subject.slug, name: s.subject.name, byUnit: new Map(), count: 0 }));
    entry.byUnit.set(s.value.unit, [...(entry.byUnit.get(s.value.unit) ?? []), s]);
    entry.count++;
  }
  return [...subjects.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** An id fragment from a slug or unit code ("sessions/day" gives "sessions-per-day"). */
function idPart(s: string): string {
  return s.replace(/\//g, "-per-").replace(/[^A-Za-z0-9-]/g, "-");
}

/**
 * Renders a metric's page: every figure of the metric over time, one chart per subject and
 * unit (forecasts beside measurements, each producer in the legend, conflict groups ringed,
 * every mark a link to its fact card), each followed by a table of the same figures. With
 * `embed`, the page is for an iframe: no site chrome, links open outside the frame.
 */
export function renderMetricPage(data: MetricPageData, view: PageView): SafeHtml {
  const m = data.metric;
  const path = `/metrics/${encodeURIComponent(m.slug)}`;
  const linkAttrs = view.embed ? html` target="_blank" rel="noopener"` : "";
  const units = new Map(m.unitDetails.map((u) => [u.code, unitInfo(u)]));
  const subjects = groupBySubject(data.statistics);
  const forecasts = data.statistics.filter((s) => s.kind === "FORECAST").length;
  const summary = `${count(data.statistics.length, "figure")} about ${count(subjects.length, "subject")}${forecasts ? `, ${count(forecasts, "forecast")} among them` : ""}; ${
    data.groupCount === 0 ? "no conflicts" : count(data.groupCount, "conflict group")
  }.`;

  const sections = subjects.map((subject) => {
    const blocks = [...subject.byUnit].map(([code, stats]) => {
      const unit = units.get(code) ?? unitInfo({ code, kind: "COUNT", singular: code, plural: code, symbol: null, chinese: code, description: "" });
      const several = subject.byUnit.size > 1;
      return html`${several ? html`<h3>In ${unit.plural}</h3>` : ""}${renderChartBlock({
        id: `chart-${idPart(subject.slug)}-${idPart(code)}`,
        title: `${m.name} of ${subject.name}, in ${unit.plural}`,
        caption: `${m.name} of ${subject.name}: ${count(stats.length, "figure")} in ${unit.plural}, by period.`,
        unit,
        figures: stats.map((s) => chartFigure(s, data.conflictGroupOf.get(s.slug) ?? null)),
        linkAttrs,
      })}`;
    });
    return html`<section class="subject" aria-labelledby="subject-${idPart(subject.slug)}">
<h2 id="subject-${idPart(subject.slug)}">${subject.name}</h2>
${blocks}
</section>`;
  });

  const main = html`<article class="metric-page" aria-labelledby="metric-title">
<p class="eyebrow">Metric</p>
<h1 id="metric-title">${m.name}</h1>
<p>${m.description}</p>
<p class="summary">${summary} ${view.embed ? "" : html`<a href="/facts?metric=${encodeURIComponent(m.slug)}">List and search these figures</a> · <a href="/metrics">All metrics</a>`}</p>
${data.statistics.length === 0 ? html`<p class="note">No figure of this metric is in the knowledge base yet.</p>` : sections}
${view.embed ? html`<p class="note"><a href="${path}"${linkAttrs}>Full page</a> · livestream-facts</p>` : ""}
</article>`;

  const description = `${m.name}: ${summary} Every figure traced to its source.`;
  return renderPage({
    title: `${m.name} · Metric · livestream-facts`,
    description,
    canonical: path,
    embed: view.embed,
    manifest: view.manifest,
    head: shareTags({ title: `${m.name}: every figure, every source`, description, path, origin: view.origin, type: "website" }),
    main,
    footer: html`<ul>
<li>Data version <code>${data.knowledgeBase.dataVersion.slice(0, 12)}</code>, built ${data.knowledgeBase.builtAt}</li>
<li>Embed this page: <code>${path}?embed=1</code></li>
</ul>`,
  });
}

/** "1 figure", "3 figures". */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
