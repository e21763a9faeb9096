import { type SafeHtml, html } from "../html.js";
import { type AgreementVerdict, CITATION_STYLES, type CardStatistic } from "./fact-card.query.js";
import { KIND_LABELS, formatInterval, humanize, valueText } from "./format.js";
import { renderChain } from "./provenance-chain.js";

/**
 * A section beyond the figure, the quote and the source: its heading and lead sentence stay
 * in sight, the rest folds into a `<details>` (open when `open`, or when the address names
 * the section: the card's script opens `#agreement` and the like).
 */
export function collapsible(id: string, heading: string, lead: SafeHtml, summary: string, body: SafeHtml, open = false): SafeHtml {
  return html`<section id="${id}" class="collapsible" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>
${lead}
<details id="${id}-details"${open ? html` open` : ""}><summary>${summary}</summary>
${body}
</details>
</section>`;
}

/** The provenance chains, one per citation, folded below a one-line lead. */
export function provenanceSection(s: CardStatistic, linkAttrs: SafeHtml | ""): SafeHtml {
  const titleOf = (slug: string) => {
    const c = s.citations.find((x) => x.slug === slug);
    return c ? (c.source.title ?? c.source.url) : slug;
  };
  return collapsible(
    "provenance",
    "Provenance",
    html`<p class="note">From the document read to whoever produced the figure. A dashed link is the editors’ inference, not the source’s words.</p>`,
    s.provenance.length === 1 ? "The chain, box by box" : `The ${s.provenance.length} chains, box by box`,
    html`${s.provenance.map((chain) => renderChain(chain, `Provenance as read in ${titleOf(chain.citation.slug)}`, linkAttrs))}`,
  );
}

const VERDICTS: readonly { readonly verdict: AgreementVerdict; readonly heading: string; readonly tone: "ok" | "warn" | "bad" | "neutral" }[] = [
  { verdict: "CONFLICTS", heading: "Conflicts: both cannot hold", tone: "bad" },
  { verdict: "COMPATIBLE", heading: "Compatible bounds", tone: "neutral" },
  { verdict: "AGREES", heading: "Agrees", tone: "ok" },
  { verdict: "DIFFERENT_SCOPE", heading: "Related, but not the same measure", tone: "neutral" },
];

/**
 * How independent the support is and how other figures compare: the corroboration summary
 * in sight; the counts and one table per verdict (figures in words, each linked to its card)
 * folded, open when something conflicts. On a narrow screen each row reads as a block.
 */
export function agreementSection(s: CardStatistic, linkAttrs: SafeHtml | ""): SafeHtml {
  const c = s.corroboration;
  const comparisons = s.agreement.comparisons;
  const conflicts = comparisons.filter((x) => x.verdict === "CONFLICTS").length;
  const body = html`<dl class="facts">
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
<table class="comparisons">
<thead><tr><th scope="col">Figure</th><th scope="col">Period</th><th scope="col">Produced by</th><th scope="col">Why</th></tr></thead>
<tbody>${rows.map(
          (r) => html`<tr><td data-label="Figure"><a href="/facts/${encodeURIComponent(r.statistic.slug)}"${linkAttrs}>${valueText(r.statistic.value)}</a>${
            r.statistic.kind === "MEASUREMENT" ? "" : html` <span class="note">(${(KIND_LABELS[r.statistic.kind]?.label ?? humanize(r.statistic.kind)).toLowerCase()})</span>`
          }</td><td data-label="Period">${r.statistic.period?.label ?? "none stated"}</td><td data-label="Produced by">${r.statistic.producers.map((p) => p.name).join(", ") || "no attribution stated"}</td><td data-label="Why">${r.reason}</td></tr>`,
        )}</tbody>
</table>`;
      })
}`;
  const summary = comparisons.length === 0 ? "Producers and publishers counted" : `${comparisons.length} comparison${comparisons.length === 1 ? "" : "s"} with other figures${conflicts ? `, ${conflicts} in conflict` : ""}`;
  return collapsible("agreement", "Agreement with other sources", html`<p>${c.summary}</p>`, summary, body, conflicts > 0);
}

/** The derivation check: the verdict and arithmetic in sight, formula and inputs folded. */
export function derivationSection(s: CardStatistic, linkAttrs: SafeHtml | ""): SafeHtml {
  const d = s.derivation;
  if (!d) {
    return html`<section id="derivation" aria-labelledby="derivation-heading">
<h2 id="derivation-heading">Derivation check</h2>
<p class="note">Not derived: the sources state this figure directly, so there is no arithmetic to check.</p>
</section>`;
  }
  const tone = d.verdict === "CONSISTENT" ? "ok" : d.verdict === "INCONSISTENT" ? "bad" : "warn";
  const words = (q: { display?: string } & Parameters<typeof formatInterval>[0]) => q.display ?? formatInterval(q);
  return collapsible(
    "derivation",
    "Derivation check",
    html`<p><span class="badge ${tone}">${humanize(d.verdict)}</span> ${d.explanation}</p>`,
    "The formula and its inputs",
    html`<dl class="facts">
<dt>Formula</dt><dd><code>${d.formula}</code></dd>
${d.inputs.map(
  (i) => html`<dt><code>${i.name}</code></dt><dd><a href="/facts/${encodeURIComponent(i.statistic.slug)}"${linkAttrs}>${valueText(i.statistic.value)}</a> <span class="note">used as ${words(i.asUsed)}</span></dd>`,
)}
<dt>Recomputed</dt><dd>${d.recomputed ? words(d.recomputed) : "could not be computed"}</dd>
<dt>Stated, read as</dt><dd>${words(d.stated)}</dd>
</dl>`,
  );
}

/** "Cite this" in every style, folded (the copy buttons are turned on by the card's script). */
export function citeSection(s: CardStatistic): SafeHtml {
  return collapsible(
    "cite",
    "Cite this",
    html`<p class="note">The figure with its sources, ready to print under a chart or paste into a reference manager.</p>`,
    "APA, MLA, Chicago, GB/T 7714, CSL-JSON and BibTeX",
    html`<div class="cite-styles">${CITATION_STYLES.map(
      ({ key, label }) => html`<section class="cite" aria-labelledby="cite-${key}-heading">
<h3 id="cite-${key}-heading">${label}</h3>
<pre id="cite-${key}" class="citation-text">${s[key]}</pre>
<div class="copy"><button type="button" data-copy="cite-${key}" hidden>Copy ${label}</button><span role="status" aria-live="polite"></span></div>
</section>`,
    )}</div>`,
  );
}
