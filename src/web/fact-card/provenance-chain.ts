import { type SafeHtml, html } from "../html.js";
import type { ProvenanceChain, ProvenanceStepKind, StepSubject } from "./fact-card.query.js";
import { valueText } from "./format.js";

/** One box of the diagram, with the link that leads to it from the box before. */
interface ChainBox {
  /** What the box is in the chain: "Source read", "Report", "Producer". */
  readonly role: string;
  /** The things in the box: names, titles, or figures linked to their own cards. */
  readonly items: readonly { readonly text: string; readonly href?: string }[];
  /** Nothing is there: the source credits no one. */
  readonly missing?: boolean;
  /** How this box is reached from the one before; absent on the first. */
  readonly via?: { readonly how: string; readonly inferred: boolean };
}

/** How each kind of step reads as a link, and what the box it leads to holds. */
const STEP: Readonly<Record<ProvenanceStepKind, { readonly how: string; readonly role: string; readonly subjects: "all" | "last" }>> = {
  QUOTED_IN_SOURCE: { how: "", role: "Source read (quoted)", subjects: "all" },
  CITED_IN_SOURCE: { how: "", role: "Source read (not archived)", subjects: "all" },
  DERIVED_FROM: { how: "derived from", role: "Input figures", subjects: "all" },
  RELAYED_BY: { how: "has it from", role: "Intermediary", subjects: "last" },
  ATTRIBUTED_TO_REPORT: { how: "credits", role: "Report", subjects: "all" },
  ATTRIBUTED_TO_ENTITY: { how: "credits", role: "Producer", subjects: "all" },
  REPUBLISHES: { how: "republishes", role: "Original report", subjects: "last" },
  USES_DATA: { how: "uses data of", role: "Data", subjects: "last" },
  AUTHORED_BY: { how: "by", role: "Producer", subjects: "all" },
  NO_ATTRIBUTION_STATED: { how: "credits", role: "Producer", subjects: "all" },
  ECHOES: { how: "echoes", role: "Echoed producer", subjects: "last" },
};

/**
 * Turns one of the API's provenance chains (`Statistic.provenance`) into the boxes of a
 * diagram: the source read, then each step as a link (marked when it is the editors'
 * inference rather than the source's words) to what it leads to. A step whose subjects
 * start with the box before (a report republishing another, a report and its authors)
 * shows only what is new. A source that credits no one ends in a "No attribution stated"
 * box: nothing is invented.
 */
function chainBoxes(chain: ProvenanceChain): ChainBox[] {
  return chain.steps.map((step, i) => {
    const shape = STEP[step.kind];
    const subjects = step.kind === "AUTHORED_BY" ? step.subjects.slice(1) : shape.subjects === "last" ? step.subjects.slice(-1) : step.subjects;
    const box: ChainBox =
      step.kind === "NO_ATTRIBUTION_STATED"
        ? { role: shape.role, items: [{ text: "No attribution stated" }], missing: true }
        : { role: shape.role, items: subjects.map(subjectItem) };
    return i === 0 ? box : { ...box, via: { how: shape.how, inferred: !step.stated } };
  });
}

function subjectItem(s: StepSubject): { text: string; href?: string } {
  switch (s.__typename) {
    case "Source": {
      const by = [s.publisherAsNamed, s.publishedAt].filter(Boolean).join(", ");
      return { text: [s.sourceTitle ?? s.slug, by].filter(Boolean).join(" — ") };
    }
    case "Statistic":
      return { text: valueText(s.value), href: `/facts/${encodeURIComponent(s.slug)}` };
    case "Report":
      return { text: s.title };
    // Nodes the query selects nothing of: no step connects them, but the type allows them.
    case "Citation":
    case "Metric":
      return { text: s.__typename };
    default:
      return { text: s.name };
  }
}

/**
 * Draws a chain as an ordered list of boxes joined by arrows; an inferred link is dashed
 * and says "inferred by the editors" in words, and the API's description of every step
 * follows in a list, so the diagram needs no picture to be read.
 */
export function renderChain(chain: ProvenanceChain, label: string, linkAttrs: SafeHtml | ""): SafeHtml {
  const boxes = chainBoxes(chain);
  return html`<figure class="provenance">
<ol class="chain" aria-label="${label}">${boxes.map(
    (b) => html`<li>${
      b.via
        ? html`<span class="${b.via.inferred ? "link inferred" : "link"}"><span class="how">${b.via.how}${b.via.inferred ? " (inferred by the editors)" : ""}</span><span aria-hidden="true">→</span></span>`
        : ""
    }<div class="${b.missing ? "node missing" : "node"}"><span class="role">${b.role}</span> ${b.items.map(
      (item, i) => html`${i > 0 ? html`<br>` : ""}${item.href ? html`<a href="${item.href}"${linkAttrs}>${item.text}</a>` : item.text}`,
    )}</div></li>`,
  )}</ol>
<figcaption><details><summary>The chain in words</summary><ol>${chain.steps.map(
    (s) => html`<li>${s.description}${s.stated ? "" : html` <span class="badge warn">inferred by the editors</span>`}</li>`,
  )}</ol></details></figcaption>
</figure>`;
}
