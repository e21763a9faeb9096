import { type SafeHtml, html } from "../html.js";
import { renderPage } from "../layout.js";
import type { WebManifest } from "../manifest.js";
import { type AgreementVerdict, type CardCitation, type CardStatistic, CITATION_STYLES, type NamedRef } from "./fact-card.query.js";
import { COMPARATOR_LABELS, KIND_LABELS, describeInterval, formatInterval, humanize, valueText } from "./format.js";
import type { FactCard } from "./load-fact-card.js";
import type { Passage } from "./passage.js";
import { renderChain } from "./provenance-chain.js";

/** How the card is being shown. */
interface FactCardView {
  readonly embed: boolean;
  readonly manifest: WebManifest | null;
}

/**
 * Renders a fact card as a complete HTML page that needs no script: the figure as written
 * and the interval it implies, its period and kind; each citation's quote marked inside the
 * archived text around it, with the source's date, publisher, link and checksum and whether
 * the quote verifies; the chain from the source to the producer; how other sources' figures
 * agree or conflict, and how independent the support is; the derivation check; and the
 * figure cited in every style (a script adds copy buttons). Every value from the API is
 * escaped by `html`.
 */
export function renderFactCard(card: FactCard, view: FactCardView): SafeHtml {
  const s = card.statistic;
  const headline = valueText(s.value);
  const what = `${s.metric.name} · ${s.subject.name}`;
  const path = `/facts/${encodeURIComponent(s.slug)}`;
  const linkAttrs = view.embed ? html` target="_blank" rel="noopener"` : "";

  const main = html`<article class="fact-card" aria-labelledby="fact-title">
<p class="eyebrow">Fact card</p>
<h1 id="fact-title"><span class="value">${headline}</span> ${what}</h1>
${figureSection(s)}
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
    main,
    footer: html`<ul>
<li>Data version <code>${card.knowledgeBase.dataVersion.slice(0, 12)}</code>, built ${card.knowledgeBase.builtAt}</li>
<li><a href="/">Query this figure in the explorer</a> (statistic slug <code>${s.slug}</code>)</li>
</ul>`,
  });
}

function figureSection(s: CardStatistic): SafeHtml {
  const kind = KIND_LABELS[s.kind] ?? { label: humanize(s.kind), tone: "neutral" as const };
  return html`<section aria-labelledby="figure-heading">
<h2 id="figure-heading">The figure</h2>
<dl class="facts">
<dt>As written</dt><dd>${s.value.asWritten ?? html`<span class="note">not archived; recorded as</span> ${valueText(s.value)}`} <span class="note">(${COMPARATOR_LABELS[s.value.comparator] ?? humanize(s.value.comparator)})</span></dd>
<dt>Interval</dt><dd>${intervalText(s.value)}</dd>
<dt>Period</dt><dd>${periodText(s)}</dd>
<dt>Kind</dt><dd><span class="badge ${kind.tone}">${kind.label}</span></dd>
<dt>Metric</dt><dd>${s.metric.name} <span class="note">${s.metric.description}</span></dd>
<dt>About</dt><dd>${s.subject.name} <span class="note">(${humanize(s.subject.__typename)})</span>${s.event ? html`, during ${s.event.name}` : ""}</dd>
<dt>Produced by</dt><dd>${producersText(s.producers)}</dd>
<dt>Quote check</dt><dd>${
    s.hasVerifiedQuote
      ? html`<span class="badge ok">Verified</span> at least one quote matches its archived text`
      : html`<span class="badge warn">Not verified</span> no quote could be checked against an archived text`
  }</dd>
${s.note ? html`<dt>Editors’ note</dt><dd>${s.note}</dd>` : ""}
</dl>
</section>`;
}

function intervalText(value: CardStatistic["value"]): SafeHtml {
  const formal = formatInterval(value);
  const words = describeInterval(value);
  return formal === words ? html`<span class="interval">${formal}</span>` : html`<span class="interval">${formal}</span> <span class="note">${words}</span>`;
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

function citationsSection(s: CardStatistic, passages: FactCard["passages"], embed: boolean): SafeHtml {
  return html`<section aria-labelledby="sources-heading">
<h2 id="sources-heading">Where it is stated</h2>
<p class="note">${s.citations.length === 1 ? "One source states this figure." : `${s.citations.length} sources state this figure.`}</p>
<div class="citations">${s.citations.map((c, i) => citationBlock(c, i, passages.get(c.slug), embed))}</div>
</section>`;
}

function citationBlock(c: CardCitation, index: number, passage: Passage | null | undefined, embed: boolean): SafeHtml {
  const src = c.source;
  const id = `citation-${index + 1}`;
  const title = src.title ?? src.url;
  const linkAttrs = embed ? html` target="_blank" rel="noopener noreferrer"` : html` rel="noopener noreferrer"`;
  return html`<section class="citation" aria-labelledby="${id}">
<h3 id="${id}" lang="${src.language}">${title}${src.titleIsDescriptive ? html` <span class="note" lang="en">(descriptive title)</span>` : ""}</h3>
${quoteBlock(c, passage)}
<dl class="facts">
${c.valueAsWritten ? html`<dt>Figure as written</dt><dd>${c.valueAsWritten}</dd>` : ""}
${c.periodAsWritten ? html`<dt>Period as written</dt><dd>${c.periodAsWritten}${c.periodInferred ? " (period inferred by the editors)" : ""}</dd>` : ""}
<dt>Attribution</dt><dd>${attributionText(c)}</dd>
<dt>Publisher</dt><dd>${src.publisher?.name ?? src.publisherAsNamed ?? "Unknown"}${
    src.publisherAsNamed && src.publisher && src.publisherAsNamed !== src.publisher.name ? html` <span class="note">(named “${src.publisherAsNamed}”)</span>` : ""
  }</dd>
<dt>Published</dt><dd>${src.publishedAt ? html`<time datetime="${src.publishedAt}">${src.publishedAt}</time>` : "Undated"}</dd>
<dt>Link</dt><dd><a class="source-link" href="${src.url}"${linkAttrs}>${src.url}</a> <span class="note">(${humanize(src.urlStatus)} URL; ${humanize(src.kind)}, language ${src.language})</span></dd>
<dt>Archive</dt><dd>${archiveText(src.archive)}</dd>
${src.archive.sha256 ? html`<dt>SHA-256</dt><dd><code class="checksum">${src.archive.sha256}</code></dd>` : ""}
<dt>Reference (APA)</dt><dd class="reference">${src.reference}</dd>
${c.note ? html`<dt>Editors’ note</dt><dd>${c.note}</dd>` : ""}
</dl>
</section>`;
}

function quoteBlock(c: CardCitation, passage: Passage | null | undefined): SafeHtml {
  const lang = c.source.language;
  const status = c.verified ? html`<span class="badge ok">Verified</span>` : html`<span class="badge warn">Not verified</span>`;
  if (!c.quote) {
    return html`<p>${status} <span class="note">${c.verificationNote}</span></p>`;
  }
  const where = `code points ${c.quote.start}–${c.quote.end} of the archived text`;
  if (!passage) {
    return html`<figure class="passage">
<blockquote cite="${c.source.url}" lang="${lang}"><p><mark>${c.quote.exact}</mark></p></blockquote>
<figcaption>${status} Quote at ${where}; the surrounding text could not be shown. <span class="note">${c.verificationNote}</span></figcaption>
</figure>`;
  }
  return html`<figure class="passage">
<blockquote cite="${c.source.url}" lang="${lang}">${passage.cutBefore ? "… " : ""}${passage.before}<mark>${passage.quote}</mark>${passage.after}${passage.cutAfter ? " …" : ""}</blockquote>
<figcaption>${status} The marked passage is the quote, at ${where}. <span class="note">${c.verificationNote}</span></figcaption>
</figure>`;
}

function attributionText(c: CardCitation): SafeHtml {
  const words = c.attributionAsWritten ? html`“${c.attributionAsWritten}”` : "";
  const target = c.attributedTo;
  if (!target) return html`${words}${words ? " · " : ""}<span class="badge warn">No attribution stated</span>${c.attributionNote ? html` <span class="note">${c.attributionNote}</span>` : ""}`;
  const name = target.__typename === "Report" ? (target as { title: string }).title : (target as NamedRef).name;
  return html`${words}${words ? html` → ` : ""}${name}${
    c.attributionInferred ? html` <span class="badge warn">Inferred by the editors</span>` : html` <span class="badge ok">Stated by the source</span>`
  }${c.attributionNote ? html` <span class="note">${c.attributionNote}</span>` : ""}`;
}

function archiveText(a: CardCitation["source"]["archive"]): SafeHtml {
  if (a.coverage === "NONE") return html`<span class="badge neutral">Not archived</span> <span class="note">only bibliographic data is held; quotes cannot be checked here</span>`;
  return html`${a.coverage === "FULL" ? "Full text" : "Excerpt"} archived${a.length !== null ? `, ${a.length.toLocaleString("en-US")} code points` : ""}${
    a.retrievedAt ? html`, retrieved <time datetime="${a.retrievedAt}">${a.retrievedAt}</time>` : ""
  }${a.intact === false ? html` <span class="badge bad">Archive changed since it was recorded</span>` : a.intact ? html` <span class="badge ok">Intact</span>` : ""}`;
}

function provenanceSection(s: CardStatistic, linkAttrs: SafeHtml | ""): SafeHtml {
  const titleOf = (slug: string) => {
    const c = s.citations.find((x) => x.slug === slug);
    return c ? (c.source.title ?? c.source.url) : slug;
  };
  return html`<section aria-labelledby="provenance-heading">
<h2 id="provenance-heading">Provenance</h2>
<p class="note">From the document read to whoever produced the figure. A dashed link is the editors’ inference, not the source’s words.</p>
${s.provenance.map((chain) => renderChain(chain, `Provenance as read in ${titleOf(chain.citation.slug)}`, linkAttrs))}
</section>`;
}

const VERDICTS: readonly { readonly verdict: AgreementVerdict; readonly heading: string; readonly tone: "ok" | "warn" | "bad" | "neutral" }[] = [
  { verdict: "CONFLICTS", heading: "Conflicts: both cannot hold", tone: "bad" },
  { verdict: "COMPATIBLE", heading: "Compatible bounds", tone: "neutral" },
  { verdict: "AGREES", heading: "Agrees", tone: "ok" },
  { verdict: "DIFFERENT_SCOPE", heading: "Related, but not the same measure", tone: "neutral" },
];

function agreementSection(s: CardStatistic, linkAttrs: SafeHtml | ""): SafeHtml {
  const c = s.corroboration;
  const comparisons = s.agreement.comparisons;
  return html`<section aria-labelledby="agreement-heading">
<h2 id="agreement-heading">Agreement with other sources</h2>
<p>${c.summary}</p>
<dl class="facts">
<dt>Independent producers</dt><dd>${c.producerCount} <span class="note">(${c.statedProducerCount} as the sources state it${c.inferredCount > 0 ? `, ${c.inferredCount} attribution${c.inferredCount === 1 ? "" : "s"} inferred` : ""})</span></dd>
<dt>Citing publishers</dt><dd>${c.publisherCount} <span class="note">across ${c.citationCount} citation${c.citationCount === 1 ? "" : "s"}${c.unattributedCount > 0 ? `, ${c.unattributedCount} without attribution` : ""}</span></dd>
</dl>
${
  comparisons.length === 0
    ? html`<p class="note">No other figure in the knowledge base measures the same thing for the same subject and period.</p>`
    : VERDICTS.map(({ verdict, heading, tone }) => {
        const rows = comparisons.filter((x) => x.verdict === verdict);
        if (rows.length === 0) return "";
        return html`<h3><span class="badge ${tone}">${humanize(verdict)}</span> ${heading} (${rows.length})</h3>
<table>
<thead><tr><th scope="col">Figure</th><th scope="col">Period</th><th scope="col">Produced by</th><th scope="col">Why</th></tr></thead>
<tbody>${rows.map(
          (r) => html`<tr><td><a href="/facts/${encodeURIComponent(r.statistic.slug)}"${linkAttrs}>${valueText(r.statistic.value)}</a>${
            r.statistic.kind === "MEASUREMENT" ? "" : html` <span class="note">(${(KIND_LABELS[r.statistic.kind]?.label ?? humanize(r.statistic.kind)).toLowerCase()})</span>`
          }</td><td>${r.statistic.period?.label ?? "none stated"}</td><td>${r.statistic.producers.map((p) => p.name).join(", ") || "no attribution stated"}</td><td>${r.reason}</td></tr>`,
        )}</tbody>
</table>`;
      })
}
</section>`;
}

function derivationSection(s: CardStatistic, linkAttrs: SafeHtml | ""): SafeHtml {
  const d = s.derivation;
  if (!d) {
    return html`<section aria-labelledby="derivation-heading">
<h2 id="derivation-heading">Derivation check</h2>
<p class="note">Not derived: the sources state this figure directly, so there is no arithmetic to check.</p>
</section>`;
  }
  const tone = d.verdict === "CONSISTENT" ? "ok" : d.verdict === "INCONSISTENT" ? "bad" : "warn";
  return html`<section aria-labelledby="derivation-heading">
<h2 id="derivation-heading">Derivation check</h2>
<p><span class="badge ${tone}">${humanize(d.verdict)}</span> ${d.explanation}</p>
<dl class="facts">
<dt>Formula</dt><dd><code>${d.formula}</code></dd>
${d.inputs.map(
  (i) => html`<dt><code>${i.name}</code></dt><dd><a href="/facts/${encodeURIComponent(i.statistic.slug)}"${linkAttrs}>${valueText(i.statistic.value)}</a> <span class="note">used as ${formatInterval(i.asUsed)}</span></dd>`,
)}
<dt>Recomputed</dt><dd>${d.recomputed ? formatInterval(d.recomputed) : "could not be computed"}</dd>
<dt>Stated, read as</dt><dd>${formatInterval(d.stated)}</dd>
</dl>
</section>`;
}

function citeSection(s: CardStatistic): SafeHtml {
  return html`<section aria-labelledby="cite-heading">
<h2 id="cite-heading">Cite this</h2>
<p class="note">The figure with its sources, ready to print under a chart or paste into a reference manager.</p>
<div class="cite-styles">${CITATION_STYLES.map(
    ({ key, label }) => html`<section class="cite" aria-labelledby="cite-${key}-heading">
<h3 id="cite-${key}-heading">${label}</h3>
<pre id="cite-${key}" class="citation-text">${s[key]}</pre>
<div class="copy"><button type="button" data-copy="cite-${key}" hidden>Copy ${label}</button><span role="status" aria-live="polite"></span></div>
</section>`,
  )}</div>
</section>`;
}
