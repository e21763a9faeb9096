/**
 * Citations of sources and of statistics in the styles of cite-styles.ts (APA, MLA, Chicago,
 * GB/T 7714, CSL-JSON and BibTeX): a source's reference-list entry, and a statistic's figure in
 * words with the in-text citation of its sources and their entries.
 *
 * The formatting is done by citation-js and citeproc-js with the CSL project's styles (see
 * csl-engine.ts), from each source's CSL item (csl-item.ts); what they get wrong for these
 * sources is corrected afterwards (cite-corrections.ts).
 */
import type { StatisticKind } from "./agreement.js";
import { dropListNumber, fixChicago, fixMla, fixTitleCase, plainDescription } from "./cite-corrections.js";
import { type CitationMarkup, type CitationStyle, type FormattedStyle, STYLE_TEMPLATES, toMarkup } from "./cite-styles.js";
import { renderBibtex, renderCitation, renderEntries } from "./csl-engine.js";
import { type CitableSource, type CslItem, recordedNames, renderedItem, toCslItem } from "./csl-item.js";
import type { Comparator } from "./interval.js";
import { describeHuman } from "./number-format.js";

/** A statistic as a citation states it: what the figure is, and the sources it comes from. */
export interface CitableStatistic {
  /** The metric's name, e.g. "Live-streaming sessions". */
  readonly metricName: string;
  /** The subject's name, e.g. "China's live-streaming e-commerce market". */
  readonly subjectName: string;
  /** The period label, e.g. "2020-H1"; null when none is stated. */
  readonly periodLabel: string | null;
  readonly kind: StatisticKind;
  readonly comparator: Comparator;
  readonly amount: number;
  readonly unit: string;
  readonly sources: readonly CitableSource[];
}

/** Formats one source in a style. */
export function citeSource(source: CitableSource, style: CitationStyle, markup: CitationMarkup = "TEXT"): string {
  const item = toCslItem(source);
  switch (style) {
    case "CSL_JSON":
      return JSON.stringify([item], null, 2);
    case "BIBTEX":
      return renderBibtex([item]).trim();
    default: {
      const [only] = formattedEntries([renderedItem(item, source)], [source], style, markup);
      return style === "GB_T_7714" ? dropListNumber(only!, markup) : only!;
    }
  }
}

/**
 * Formats a statistic: the figure (what, of whom, when, how much), the in-text citation of
 * its sources in the style, then their reference-list entries (a source cited twice is listed
 * once). CSL_JSON gives the sources'
 * items with the figure as their `note`; BIBTEX gives their entries after an @comment naming
 * the figure (BibTeX describes works, not the figures in them).
 */
export function citeStatistic(stat: CitableStatistic, style: CitationStyle, markup: CitationMarkup = "TEXT"): string {
  const figure = describeFigure(stat);
  const sources = stat.sources.filter((s, i) => stat.sources.findIndex((t) => t.slug === s.slug) === i);
  const items = sources.map(toCslItem);
  if (style === "CSL_JSON") return JSON.stringify(items.map((i) => ({ ...i, note: figure })), null, 2);
  if (style === "BIBTEX") return `@comment{${figure.replace(/[{}]/g, "")}}\n\n${renderBibtex(items).trim()}`;
  if (items.length === 0) return markup === "HTML" ? `<p>${escapeHtml(figure)} (no source recorded).</p>` : `${figure} (no source recorded).`;
  const { template, lang } = STYLE_TEMPLATES[style];
  const m = toMarkup(markup);
  const rendered = items.map((item, i) => renderedItem(item, sources[i]!));
  const inText = fixTitleCase(renderCitation(rendered, template, lang, m), sources.flatMap(recordedNames));
  const entries = formattedEntries(rendered, sources, style, markup);
  const mark = style === "GB_T_7714" ? inText : ` ${inText}`;
  if (markup === "HTML") return `<p>${escapeHtml(figure)}${mark}.</p>\n<div class="csl-bib-body">\n${entries.join("\n")}\n</div>`;
  return `${figure}${mark}.\n\n${entries.join("\n")}`;
}

/**
 * The figure in words: "Live-streaming sessions of China's live-streaming e-commerce market,
 * 2020-H1: more than 10,000,000 sessions", with the kind when it is not a measurement
 * ("(forecast)"), so a forecast is never cited as a measurement.
 */
export function describeFigure(stat: Omit<CitableStatistic, "sources">): string {
  const when = stat.periodLabel ? `, ${stat.periodLabel}` : "";
  const kind = stat.kind === "MEASUREMENT" ? "" : ` (${KIND_WORDS[stat.kind]})`;
  return `${stat.metricName} of ${stat.subjectName}${when}: ${describeHuman(stat.comparator, stat.amount, stat.unit)}${kind}`;
}

const KIND_WORDS: Readonly<Record<CitableStatistic["kind"], string>> = {
  MEASUREMENT: "measurement",
  ESTIMATE: "estimate",
  FORECAST: "forecast",
  SURVEY: "survey",
  DERIVED: "derived",
};

/** Reference-list entries in the style's order, with the corrections of cite-corrections.ts applied. */
function formattedEntries(items: readonly CslItem[], sources: readonly CitableSource[], style: FormattedStyle, markup: CitationMarkup): string[] {
  const { template, lang } = STYLE_TEMPLATES[style];
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  return renderEntries(items, template, lang, toMarkup(markup)).map(({ id, entry }) => {
    const source = bySlug.get(id)!;
    let text = markup === "HTML" ? entry.trim() : entry.trim().replace(/\s*\n\s*/g, " ");
    text = fixTitleCase(text, recordedNames(source), source.url);
    if (style === "MLA") text = fixMla(text, source, markup);
    if (style === "CHICAGO") text = fixChicago(text, source);
    if ((style === "MLA" || style === "CHICAGO") && source.titleIsDescriptive && source.title) text = plainDescription(text, source.title);
    return text;
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
