import { displayInterval } from "../../facts/display.js";
import { unitInfo } from "../chart/chart-block.js";
import { type SafeHtml, html } from "../html.js";
import { renderPage } from "../layout.js";
import type { WebManifest } from "../manifest.js";
import { chartSection } from "./fact-card-chart.js";
import { agreementSection, citeSection, derivationSection, provenanceSection } from "./fact-card-checks.js";
import { factCardHead } from "./fact-card-sharing.js";
import { citationsSection } from "./fact-card-sources.js";
import type { CardStatistic, NamedRef } from "./fact-card.query.js";
import { COMPARATOR_LABELS, KIND_LABELS, humanInterval, humanize, valueText } from "./format.js";
import type { FactCard } from "./load-fact-card.js";

/** How the card is being shown. */
interface FactCardView {
  readonly embed: boolean;
  readonly manifest: WebManifest | null;
  /** The site's origin for absolute links in sharing tags and JSON-LD; null when unknown. */
  readonly origin?: string | null;
}

/**
 * Renders a fact card as a complete HTML page that needs no script: the figure as written
 * and in words, the interval it implies, its period and kind; the figure on a chart among its
 * metric's figures; each citation's quote marked inside the archived text around it, with
 * the source's date, publisher, link and checksum and one sentence on whether the quote
 * verifies; then, folded below their lead sentences, the chain from the source to the
 * producer, how other sources' figures agree or conflict, the derivation check and the figure
 * cited in every style (a script adds copy buttons and opens a section named in the address).
 * Every value from the API is escaped by `html`. The head carries Open Graph and Twitter tags
 * and the figure as a schema.org Claim in JSON-LD.
 */
export function renderFactCard(card: FactCard, view: FactCardView): SafeHtml {
  const s = card.statistic;
  const headline = valueText(s.value);
  const what = `${s.metric.name} · ${s.subject.name}`;
  const path = `/facts/${encodeURIComponent(s.slug)}`;
  const linkAttrs = view.embed ? html` target="_blank" rel="noopener"` : "";
  const chart = chartSection(s, card.chart, linkAttrs, view.embed);

  const main = html`<article class="fact-card" aria-labelledby="fact-title">
<p class="eyebrow">Fact card</p>
<h1 id="fact-title"><span class="value">${headline}</span> ${what}</h1>
${contents(Boolean(chart), Boolean(s.derivation))}
${figureSection(s)}
${chart}
${citationsSection(s, card.passages, view.embed)}
${provenanceSection(s, linkAttrs)}
${agreementSection(s, linkAttrs)}
${derivationSection(s, linkAttrs)}
${citeSection(s)}
${view.embed ? html`<p class="note"><a href="${path}"${linkAttrs}>Full fact card</a> · livestream-facts</p>` : ""}
</article>`;

  return renderPage({
    title: `${headline}: ${what} · Fact card`,
    description: `${s.metric.name} of ${s.subject.name}: ${headline}, with the passage that states it and its source.`,
    canonical: path,
    embed: view.embed,
    manifest: view.manifest,
    head: factCardHead(s, headline, path, view.origin ?? null),
    main,
    footer: html`<ul>
<li>Data version <code>${card.knowledgeBase.dataVersion.slice(0, 12)}</code>, built ${card.knowledgeBase.builtAt}</li>
<li><a href="/metrics/${encodeURIComponent(s.metric.slug)}">All figures of “${s.metric.name}”</a></li>
<li><a href="/">Query this figure in the explorer</a> (statistic slug <code>${s.slug}</code>)</li>
</ul>`,
  });
}

/** Links to the card's sections, so that a long card can be read out of order. */
function contents(chart: boolean, derived: boolean): SafeHtml {
  const items: [string, string][] = [
    ["figure", "The figure"],
    ...(chart ? ([["chart", "Chart"]] as [string, string][]) : []),
    ["sources", "Sources"],
    ["provenance", "Provenance"],
    ["agreement", "Agreement"],
    ...(derived ? ([["derivation", "Derivation"]] as [string, string][]) : []),
    ["cite", "Cite"],
  ];
  return html`<nav class="card-contents" aria-label="On this card"><ul>${items.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>`;
}

function figureSection(s: CardStatistic): SafeHtml {
  const kind = KIND_LABELS[s.kind] ?? { label: humanize(s.kind), tone: "neutral" as const };
  return html`<section id="figure" aria-labelledby="figure-heading">
<h2 id="figure-heading">The figure</h2>
<dl class="facts">
<dt>In words</dt><dd><strong>${s.value.display}</strong></dd>
<dt>In Chinese</dt><dd lang="zh-Hans">${s.value.displayZh}</dd>
<dt>As written</dt><dd>${s.value.asWritten ?? html`<span class="note">the source’s words are not archived</span>`} <span class="note">(${COMPARATOR_LABELS[s.value.comparator] ?? humanize(s.value.comparator)})</span></dd>
<dt>Interval</dt><dd>${intervalText(s.value)}</dd>
<dt>Period</dt><dd>${periodText(s)}</dd>
<dt>Kind</dt><dd><span class="badge ${kind.tone}">${kind.label}</span></dd>
<dt>Metric</dt><dd>${s.metric.name} <span class="note">${s.metric.description}</span></dd>
<dt>About</dt><dd>${s.subject.name} <span class="note">(${humanize(s.subject.__typename)})</span>${s.event ? html`, during ${s.event.name}` : ""}</dd>
<dt>Produced by</dt><dd>${producersText(s.producers)}</dd>
<dt>Quote check</dt><dd>${
    s.hasVerifiedQuote ? html`<span class="badge ok">Verified</span> a quote matches its archived text` : html`<span class="badge warn">Not verified</span> no quote could be checked against an archived text`
  }</dd>
${s.note ? html`<dt>Editors’ note</dt><dd>${s.note}</dd>` : ""}
</dl>
</section>`;
}

function intervalText(value: CardStatistic["value"]): SafeHtml {
  const unit = unitInfo(value.unitDetails);
  const formal = humanInterval(value, unit);
  if (value.lowerBound !== null && value.lowerBound === value.upperBound) return html`<span class="interval">${formal}</span>`;
  const interval = { lo: value.lowerBound ?? -Infinity, hi: value.upperBound ?? Infinity, loOpen: !value.lowerInclusive, hiOpen: !value.upperInclusive };
  return html`<span class="interval">${displayInterval(interval, unit, { language: "EN", form: "WORDS" })}</span> <span class="note">${formal}</span>`;
}

function periodText(s: CardStatistic): SafeHtml {
  const p = s.period;
  if (!p) return html`<span class="badge neutral">None stated</span> <span class="note">no document gives a period for this figure</span>`;
  return html`<strong>${p.label}</strong> (${p.start} to ${p.end}, ${p.days} days)${p.asWritten ? html`, written “${p.asWritten}”` : ""}${
    p.resolution ? html`<br><span class="note">${p.resolution}</span>` : ""
  }`;
}

function producersText(producers: readonly NamedRef[]): SafeHtml {
  if (producers.length === 0) return html`<span class="badge warn">No attribution stated</span> <span class="note">no source names who produced this figure</span>`;
  return html`${producers.map((p, i) => html`${i > 0 ? ", " : ""}${p.name}`)}`;
}
