import { type SafeHtml, html } from "../html.js";
import type { CardCitation, NamedRef, ReportRef } from "./fact-card.query.js";
import { humanize } from "./format.js";

/** One box of the chain: the source read, a report, or the producer (or the lack of one). */
export interface ChainNode {
  /** What the box is in the chain: "Source read", "Study", "Producer". */
  readonly role: string;
  readonly label: string;
  /** A line under the label (a title, a note). */
  readonly detail?: string;
  /** A box for something that is not there ("No attribution stated"). */
  readonly missing?: boolean;
  /** How the box is reached from the one before it; absent on the first. */
  readonly via?: { readonly how: string; readonly inferred: boolean; readonly words?: string | null };
}

/**
 * The chain from the document read to whoever produced the figure, for one citation, as the
 * API states it: the source, the report it credits (and a report that one republishes), and
 * the report's authors or the organization credited directly. An editor's inference is
 * marked as such; a source that credits no one ends in "No attribution stated", never in a
 * guess.
 */
export function citationChain(citation: CardCitation): ChainNode[] {
  const s = citation.source;
  const publisher = s.publisher?.name ?? s.publisherAsNamed ?? "Unknown publisher";
  const nodes: ChainNode[] = [
    { role: "Source read", label: [publisher, s.publishedAt].filter(Boolean).join(", "), detail: s.title ?? s.url },
  ];
  const credited = { how: "credits", inferred: citation.attributionInferred, words: citation.attributionAsWritten };
  const target = citation.attributedTo;
  if (!target) {
    nodes.push({ role: "Producer", label: "No attribution stated", missing: true, via: { how: "credits", inferred: false } });
    return nodes;
  }
  if (!isReport(target)) {
    nodes.push({ role: "Producer", label: target.name, via: credited });
    return nodes;
  }
  nodes.push({ role: capitalize(humanize(target.kind)), label: target.title, via: credited });
  const republished = target.basedOn.find((b) => b.relation === "REPUBLISHES");
  if (republished) {
    // The original's authors are the producers; the API's statistic-level producers name them.
    nodes.push({ role: "Original report", label: republished.report.title, detail: republished.note ?? undefined, via: { how: "republishes", inferred: republished.inferred } });
    return nodes;
  }
  const usesData = target.basedOn.filter((b) => b.relation === "USES_DATA");
  nodes.push({
    role: "Producer",
    label: target.authors.length > 0 ? target.authors.map((a) => a.name).join(", ") : "Authors not recorded",
    missing: target.authors.length === 0,
    detail: usesData.length > 0 ? `Computed from data of ${usesData.map((b) => b.report.title).join(", ")}` : undefined,
    via: { how: "by", inferred: false },
  });
  return nodes;
}

/** Draws a chain as an ordered list of boxes joined by arrows (dashed and labelled when inferred). */
export function renderChain(nodes: readonly ChainNode[], label: string): SafeHtml {
  return html`<ol class="chain" aria-label="${label}">${nodes.map(
    (n) => html`<li>${
      n.via
        ? html`<span class="${n.via.inferred ? "link inferred" : "link"}"${n.via.words ? html` title="${n.via.words}"` : ""}><span class="how">${n.via.how}${
            n.via.inferred ? " (inferred by the editors)" : ""
          }</span><span aria-hidden="true">→</span></span>`
        : ""
    }<div class="${n.missing ? "node missing" : "node"}"><span class="role">${n.role}</span> ${n.label}${n.detail ? html`<br><small>${n.detail}</small>` : ""}</div></li>`,
  )}</ol>`;
}

function isReport(p: ReportRef | NamedRef): p is ReportRef {
  return p.__typename === "Report";
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
