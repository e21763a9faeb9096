import { formatFigure } from "../../facts/human-number.js";
import { withUnitName } from "../../facts/display.js";
import type { UnitInfo } from "../../facts/unit-catalog.js";
import { type SafeHtml, html } from "../html.js";
import { dayNumber, timeScale, valueScale } from "./chart-scales.js";

/** One figure as a chart draws it. */
export interface ChartFigure {
  readonly slug: string;
  /** The value in words ("more than 1 trillion yuan"), for the mark's label. */
  readonly display: string;
  readonly amount: number;
  /** The interval the value stands for; null when unbounded on that side. */
  readonly lowerBound: number | null;
  readonly upperBound: number | null;
  readonly forecast: boolean;
  /** Kind in words ("estimate", "forecast"). */
  readonly kindLabel: string;
  readonly period: { readonly start: string; readonly end: string; readonly label: string } | null;
  /** Who produced it, as the legend names it ("No attribution stated" when nobody is credited). */
  readonly producer: string;
  /** Number of the conflict group it belongs to (1, 2, ...); null when it conflicts with nothing shown. */
  readonly conflictGroup: number | null;
  /** The figure whose card this is: drawn with a black dot. */
  readonly current?: boolean;
}

/** What to draw: the figures of one metric, subject and unit. */
export interface ChartSpec {
  /** Unique in the page, for ids. */
  readonly id: string;
  /** Accessible name of the chart ("Market size of China live commerce, in yuan"). */
  readonly title: string;
  readonly unit: UnitInfo;
  readonly figures: readonly ChartFigure[];
  /** Extra attributes of the marks' links (target=_blank in an embedded page). */
  readonly linkAttrs?: SafeHtml | "";
}

/** Producers' colours, each at least 3:1 against the chart's white background. */
const PALETTE = ["#1f5fbf", "#c4510a", "#13805f", "#6a4fb3", "#b3186b", "#4d7a12", "#8a5a12", "#0e6e8c"];
const UNATTRIBUTED = "#5b6270";
const CONFLICT = "#c0121b";
/** The chart's drawing box (viewBox units; the SVG scales to the page's width). */
const W = 640;
const H = 320;
const M = { left: 86, right: 14, top: 30, bottom: 36 };
const ARROW = 22;

/** The colour of each producer, in order of first appearance; the unattributed are grey. */
export function producerColours(figures: readonly ChartFigure[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const f of figures) {
    if (colours.has(f.producer)) continue;
    colours.set(f.producer, f.producer === NO_PRODUCER ? UNATTRIBUTED : PALETTE[[...colours.values()].filter((c) => c !== UNATTRIBUTED).length % PALETTE.length]!);
  }
  return colours;
}

/** The legend's name for figures no source attributes. */
export const NO_PRODUCER = "No attribution stated";

/** A tick label in the unit's short form: "¥1 tn", "40%", or the bare number for counts. */
function tickLabel(t: number, unit: UnitInfo): string {
  const n = formatFigure(t, { language: "EN", form: "SHORT", maxDigits: 3 });
  return unit.kind === "CURRENCY" || unit.kind === "PERCENT" ? withUnitName(n, unit, { language: "EN", form: "SHORT" }) : n;
}

/**
 * Draws every dated figure as a mark over its period: a horizontal stroke at the amount from
 * the period's first day to its last (dashed for a forecast), the interval the figure stands
 * for as a vertical bar (an arrow for a one-sided bound: up for "more than", down for "less
 * than"), its producer's colour, a red halo when it belongs to a conflict group (each group
 * also boxed in red and numbered), and a black dot for the current figure. Each mark links to its fact card and names the figure in its
 * title. Figures in the same period are spread across it so that their bars do not overlap.
 * Returns null when no figure has a period (nothing to place in time).
 */
export function renderFigureChart(spec: ChartSpec): SafeHtml | null {
  const dated = spec.figures.filter((f) => f.period !== null);
  if (dated.length === 0) return null;
  const first = Math.min(...dated.map((f) => dayNumber(f.period!.start)));
  const last = Math.max(...dated.map((f) => dayNumber(f.period!.end)));
  const x = timeScale(first, last, M.left, W - M.right);
  const values = dated.flatMap((f) => [f.amount, f.lowerBound ?? f.amount, f.upperBound ?? f.amount]);
  const y = valueScale(values, H - M.bottom, M.top);
  const colours = producerColours(dated);
  const samePeriod = new Map<string, ChartFigure[]>();
  for (const f of dated) {
    const key = `${f.period!.start}/${f.period!.end}`;
    samePeriod.set(key, [...(samePeriod.get(key) ?? []), f]);
  }
  const titleId = `${spec.id}-title`;

  const mark = (f: ChartFigure): SafeHtml => {
    const p = f.period!;
    let x1 = x(dayNumber(p.start));
    let x2 = x(dayNumber(p.end) + 1);
    if (x2 - x1 < 6) [x1, x2] = [(x1 + x2) / 2 - 3, (x1 + x2) / 2 + 3];
    const peers = samePeriod.get(`${p.start}/${p.end}`)!;
    const xm = x1 + ((x2 - x1) * (peers.indexOf(f) + 1)) / (peers.length + 1);
    const ya = y(f.amount);
    const colour = colours.get(f.producer)!;
    const label = `${f.display}, ${p.label}, ${f.kindLabel}, ${f.producer}${f.conflictGroup ? `, in conflict group ${f.conflictGroup}` : ""}`;
    const lo = f.lowerBound;
    const hi = f.upperBound;
    let bound: SafeHtml | "" = "";
    if (lo !== null && hi !== null && hi > lo) {
      bound = html`<rect class="interval" x="${r(xm - 3)}" y="${r(y(hi))}" width="6" height="${r(Math.max(2, y(lo) - y(hi)))}" fill="${colour}" fill-opacity="0.3" stroke="${colour}"/>`;
    } else if ((lo === null) !== (hi === null)) {
      const dir = lo !== null ? -1 : 1;
      const tip = ya + dir * ARROW;
      bound = html`<line class="bound" x1="${r(xm)}" y1="${r(ya)}" x2="${r(xm)}" y2="${r(tip)}" stroke="${colour}" stroke-width="2"/><path class="arrow" d="M${r(xm - 5)} ${r(tip - dir * 7)} L${r(xm)} ${r(tip)} L${r(xm + 5)} ${r(tip - dir * 7)} Z" fill="${colour}"/>`;
    }
    return html`<a href="/facts/${encodeURIComponent(f.slug)}"${spec.linkAttrs ?? ""} class="mark${f.forecast ? " forecast" : ""}${f.conflictGroup ? " conflict" : ""}${f.current ? " current" : ""}" data-slug="${f.slug}" aria-label="${label}"><title>${label}</title>
<rect class="hit" x="${r(x1)}" y="${r(ya - 9)}" width="${r(x2 - x1)}" height="18" fill="transparent"/>${
      f.conflictGroup ? html`<line class="halo" x1="${r(x1)}" y1="${r(ya)}" x2="${r(x2)}" y2="${r(ya)}" stroke="${CONFLICT}" stroke-opacity="0.35" stroke-width="11"/>` : ""
    }${bound}
<line class="period" x1="${r(x1)}" y1="${r(ya)}" x2="${r(x2)}" y2="${r(ya)}" stroke="${colour}" stroke-width="4"${f.forecast ? html` stroke-dasharray="6 4"` : ""}/>${f.current ? html`<circle class="this" cx="${r(xm)}" cy="${r(ya)}" r="5.5" fill="#000" stroke="#fff" stroke-width="1.5"/>` : ""}</a>`;
  };

  const axes = html`<g class="axes" aria-hidden="true">${y.ticks.map(
    (t) => html`<line x1="${M.left}" y1="${r(y(t))}" x2="${W - M.right}" y2="${r(y(t))}" stroke="#d5d8de"/><text x="${M.left - 6}" y="${r(y(t) + 4)}" text-anchor="end">${tickLabel(t, spec.unit)}</text>`,
  )}${x.ticks.map(
    (t, i) => html`<line x1="${r(x(t))}" y1="${M.top}" x2="${r(x(t))}" y2="${H - M.bottom}" stroke="#e4e6ea"/>${
      i < x.ticks.length - 1 ? html`<text x="${r((x(t) + x(x.ticks[i + 1]!)) / 2)}" y="${H - M.bottom + 20}" text-anchor="middle">${x.years[i]!}</text>` : ""
    }`,
  )}<text x="${M.left}" y="${M.top - 12}">${unitCaption(spec.unit)}</text></g>`;

  // Each conflict group in a red box around its members, numbered as in the table.
  const groups = [...new Set(dated.flatMap((f) => (f.conflictGroup ? [f.conflictGroup] : [])))];
  const boxes = groups.map((g) => {
    const members = dated.filter((f) => f.conflictGroup === g);
    const left = Math.min(...members.map((f) => x(dayNumber(f.period!.start)))) - 4;
    const right = Math.max(...members.map((f) => x(dayNumber(f.period!.end) + 1))) + 4;
    const top = Math.min(...members.map((f) => y(f.amount))) - 10;
    const bottom = Math.max(...members.map((f) => y(f.amount))) + 10;
    return html`<g class="conflict-group" data-group="${g}"><rect x="${r(left)}" y="${r(top)}" width="${r(right - left)}" height="${r(bottom - top)}" fill="${CONFLICT}" fill-opacity="0.05" stroke="${CONFLICT}" stroke-width="1.5" stroke-dasharray="4 3"/><text x="${r(left + 3)}" y="${r(top - 4)}" class="group-label" fill="${CONFLICT}">conflict ${g}</text></g>`;
  });

  return html`<svg class="figure-chart" viewBox="0 0 ${W} ${H}" role="group" aria-labelledby="${titleId}" data-figures="${dated.length}">
<title id="${titleId}">${spec.title}</title>
${axes}
<g class="conflict-groups" aria-hidden="true">${boxes}</g>
<g class="marks">${dated.map(mark)}</g>
</svg>`;
}

/** The axis caption: the unit in words ("yuan", "percent", "jobs"). */
function unitCaption(unit: UnitInfo): string {
  return unit.kind === "PERCENT" ? "percent" : unit.plural;
}

/** Coordinates with one decimal: enough for a screen, short in the markup. */
function r(v: number): number {
  return Math.round(v * 10) / 10;
}
