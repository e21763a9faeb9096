import { CHART_STATISTIC_FIELDS, type ChartStatistic, chartFigure, renderChartBlock, unitInfo } from "../chart/chart-block.js";
import { type SafeHtml, html } from "../html.js";
import type { WebDeps } from "../deps.js";
import { runQuery } from "../run-query.js";
import { collapsible } from "./fact-card-checks.js";
import type { CardStatistic } from "./fact-card.query.js";

/** The figures of one metric about one subject, oldest period first (one page of 100). */
export const FACT_CARD_CHART_QUERY = /* GraphQL */ `
  query FactCardChart($metric: String!, $subject: String!) {
    metric(slug: $metric) {
      statistics(filter: { subject: $subject }, first: 100, orderBy: { field: PERIOD, direction: ASC }) {
        nodes { ${CHART_STATISTIC_FIELDS} }
      }
    }
  }
`;

/** Loads the figures a card's chart shows: its metric's figures about its subject. */
export async function loadCardChart(execute: WebDeps["execute"], s: CardStatistic): Promise<readonly ChartStatistic[]> {
  const result = await runQuery<{ metric: { statistics: { nodes: ChartStatistic[] } } | null }>(execute, FACT_CARD_CHART_QUERY, { metric: s.metric.slug, subject: s.subject.slug }, "FactCardChart");
  return result.metric?.statistics.nodes ?? [];
}

/**
 * The figure among its metric's figures about the same subject, in the same unit: a chart with
 * this figure dotted and the figures that conflict with it ringed, and the table below it.
 * Nothing when the figure is the only one.
 */
export function chartSection(s: CardStatistic, figures: readonly ChartStatistic[], linkAttrs: SafeHtml | "", embed: boolean): SafeHtml | "" {
  const same = figures.filter((f) => f.value.unit === s.value.unit);
  if (same.length < 2) return "";
  const conflicting = new Set(s.agreement.comparisons.filter((c) => c.verdict === "CONFLICTS").map((c) => c.statistic.slug));
  const unit = unitInfo(s.value.unitDetails);
  const block = renderChartBlock({
    id: "metric-chart",
    title: `${s.metric.name} of ${s.subject.name}: this figure among ${same.length} figures, in ${unit.plural}`,
    caption: `${s.metric.name} of ${s.subject.name}, every figure in ${unit.plural}.`,
    unit,
    figures: same.map((f) => chartFigure(f, conflicting.has(f.slug) || (f.slug === s.slug && conflicting.size > 0) ? 1 : null, f.slug === s.slug)),
    linkAttrs,
  });
  const more = embed ? "" : html` <a href="/metrics/${encodeURIComponent(s.metric.slug)}">All figures of this metric</a>.`;
  return collapsible("chart", "Among other figures", html`<p class="note">This figure beside the ${same.length - 1} other figure${same.length === 2 ? "" : "s"} of the same metric about ${s.subject.name}.${more}</p>`, "The chart and its table", block, true);
}
