import type { UnitInfo } from "../../facts/unit-catalog.js";
import type { ApiUnit } from "./api-unit.js";
import { KIND_LABELS } from "../fact-card/format.js";
import type { StatisticKind } from "../fact-card/fact-card.query.js";
import { type SafeHtml, html } from "../html.js";
import { type ChartFigure, type ChartSpec, NO_PRODUCER, producerColours, renderFigureChart } from "./figure-chart.js";

/**
 * A statistic as the chart queries select it (`CHART_STATISTIC_FIELDS`): enough to place it
 * in time and value, name it, colour it by producer and link it to its card.
 */
export interface ChartStatistic {
  readonly slug: string;
  readonly kind: StatisticKind;
  readonly subject: { readonly slug: string; readonly name: string };
  readonly value: {
    readonly amount: number;
    readonly unit: string;
    readonly lowerBound: number | null;
    readonly upperBound: number | null;
    readonly display: string;
  };
  readonly period: { readonly label: string; readonly start: string; readonly end: string } | null;
  readonly producers: readonly { readonly name: string }[];
}

/** The fields of a statistic the charts need, for a selection set on Statistic. */
export const CHART_STATISTIC_FIELDS = /* GraphQL */ `
  slug kind
  subject { slug name }
  value { amount unit lowerBound upperBound display }
  period { label start end }
  producers { name }
`;

/** The API's Unit as the facts functions take it. */
export function unitInfo(u: ApiUnit): UnitInfo {
  return { code: u.code, kind: u.kind, singular: u.singular, plural: u.plural, symbol: u.symbol, zh: u.chinese, description: u.description };
}

/** The label of a statistic's kind, lower case, as marks and tables say it. */
export function kindLabel(kind: StatisticKind): string {
  return (KIND_LABELS[kind]?.label ?? kind).toLowerCase();
}

/** A statistic as a chart figure; `conflictGroup` numbers the group it is in, if any. */
export function chartFigure(s: ChartStatistic, conflictGroup: number | null, current = false): ChartFigure {
  return {
    slug: s.slug,
    display: s.value.display,
    amount: s.value.amount,
    lowerBound: s.value.lowerBound,
    upperBound: s.value.upperBound,
    forecast: s.kind === "FORECAST",
    kindLabel: kindLabel(s.kind),
    period: s.period,
    producer: s.producers.map((p) => p.name).join(" and ") || NO_PRODUCER,
    conflictGroup,
    current,
  };
}

/**
 * A chart with its legend and, below it, a table of the same figures (what the chart shows,
 * for screen readers and for anyone who wants the numbers): figure, period, kind, producer,
 * conflict group. Figures without a period are in the table only, and the caption says so.
 */
export function renderChartBlock(spec: ChartSpec & { readonly caption: string }): SafeHtml {
  const svg = renderFigureChart(spec);
  const colours = producerColours(spec.figures.filter((f) => f.period !== null));
  const undated = spec.figures.filter((f) => f.period === null).length;
  const anyForecast = spec.figures.some((f) => f.forecast);
  const anyConflict = spec.figures.some((f) => f.conflictGroup !== null);
  const swatch = (colour: string, dashed = false) =>
    html`<svg class="swatch" width="22" height="10" aria-hidden="true"><line x1="1" y1="5" x2="21" y2="5" stroke="${colour}" stroke-width="4"${dashed ? html` stroke-dasharray="6 4"` : ""}/></svg>`;
  const legend = html`<ul class="legend">${[...colours].map(([name, colour]) => html`<li>${swatch(colour)} ${name}</li>`)}${
    anyForecast ? html`<li>${swatch("#5b6270", true)} dashed: a forecast, not a measurement</li>` : ""
  }<li class="note">A stroke spans the figure’s period; a bar is the interval it stands for; an arrow is a bound (“more than”, “less than”).</li>${
    anyConflict
      ? html`<li><svg class="swatch" width="22" height="14" aria-hidden="true"><rect x="1" y="1" width="20" height="12" fill="#c0121b" fill-opacity="0.08" stroke="#c0121b" stroke-dasharray="4 3"/><line x1="3" y1="7" x2="19" y2="7" stroke="#c0121b" stroke-opacity="0.35" stroke-width="8"/></svg> red box and halo: a conflict group, figures of one period that cannot all be true</li>`
      : ""
  }${spec.figures.some((f) => f.current) ? html`<li><svg class="swatch" width="22" height="14" aria-hidden="true"><circle cx="11" cy="7" r="5.5" fill="#000"/></svg> this figure</li>` : ""}</ul>`;
  return html`<figure class="chart" id="${spec.id}">
${svg ?? html`<p class="note">None of these figures states a period, so none can be placed in time.</p>`}
<figcaption>${spec.caption}${undated > 0 && svg ? ` ${undated} figure${undated === 1 ? " has" : "s have"} no period and ${undated === 1 ? "is" : "are"} listed in the table only.` : ""}${svg ? legend : ""}</figcaption>
</figure>
${figureTable(spec)}`;
}

function figureTable(spec: ChartSpec): SafeHtml {
  return html`<div class="table-scroll"><table class="figures">
<caption class="visually-hidden">${spec.title}: the figures of the chart</caption>
<thead><tr><th scope="col">Figure</th><th scope="col">Period</th><th scope="col">Kind</th><th scope="col">Produced by</th><th scope="col">Conflict</th></tr></thead>
<tbody>${spec.figures.map(
    (f) => html`<tr${f.current ? html` class="current"` : ""}><td data-label="Figure"><a href="/facts/${encodeURIComponent(f.slug)}"${spec.linkAttrs ?? ""}>${f.display}</a>${f.current ? html` <span class="badge neutral">this figure</span>` : ""}</td><td data-label="Period">${f.period?.label ?? "none stated"}</td><td data-label="Kind">${f.kindLabel}</td><td data-label="Produced by">${f.producer}</td><td data-label="Conflict">${
      f.conflictGroup ? html`<span class="badge bad">group ${f.conflictGroup}</span>` : "—"
    }</td></tr>`,
  )}</tbody>
</table></div>`;
}

export { type ApiUnit, UNIT_FIELDS } from "./api-unit.js";
