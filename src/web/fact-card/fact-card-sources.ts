import { type SafeHtml, html } from "../html.js";
import type { CardCitation, CardStatistic } from "./fact-card.query.js";
import { humanize } from "./format.js";
import type { FactCard } from "./load-fact-card.js";
import type { Passage } from "./passage.js";

/**
 * "Where it is stated": each citation's quote marked in its archived text, the source with
 * its publisher, date, link (wrapping, never widening the page) and checksum (with a copy
 * button), and one plain sentence on whether the quote verifies.
 */
export function citationsSection(s: CardStatistic, passages: FactCard["passages"], embed: boolean): SafeHtml {
  return html`<section id="sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Where it is stated</h2>
<p class="note">${s.citations.length === 1 ? "One source states this figure." : `${s.citations.length} sources state this figure.`}</p>
<div class="citations">${s.citations.map((c, i) => citationBlock(c, i, passages.get(c.slug), embed))}</div>
</section>`;
}

/** A SHA-256 shortened for reading: its first and last four digits ("31f7…e9ae"). */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 4)}…${sha256.slice(-4)}`;
}

/**
 * Whether the quote verifies, in one sentence: "The quote matches the archived text (SHA-256
 * 31f7…e9ae)." when it does; otherwise the API's reason (text not archived, changed, or the
 * quote not at its place).
 */
export function verificationSentence(c: CardCitation): string {
  const sha = c.source.archive.sha256;
  if (c.verified && sha) return `The quote matches the archived text (SHA-256 ${shortHash(sha)}).`;
  return c.verificationNote;
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
${
  src.archive.sha256
    ? html`<dt>SHA-256</dt><dd><code class="checksum" id="${id}-sha256">${src.archive.sha256}</code><span class="copy"><button type="button" data-copy="${id}-sha256" hidden>Copy SHA-256</button><span role="status" aria-live="polite"></span></span></dd>`
    : ""
}
<dt>Reference (APA)</dt><dd class="reference">${src.reference}</dd>
${c.note ? html`<dt>Editors’ note</dt><dd>${c.note}</dd>` : ""}
</dl>
</section>`;
}

function quoteBlock(c: CardCitation, passage: Passage | null | undefined): SafeHtml {
  const lang = c.source.language;
  const status = c.verified ? html`<span class="badge ok">Verified</span>` : html`<span class="badge warn">Not verified</span>`;
  if (!c.quote) {
    return html`<p class="verification">${status} ${verificationSentence(c)}</p>`;
  }
  const where = html`<span class="note">Quoted at code points ${c.quote.start}–${c.quote.end}.</span>`;
  if (!passage) {
    return html`<figure class="passage">
<blockquote cite="${c.source.url}" lang="${lang}"><p><mark>${c.quote.exact}</mark></p></blockquote>
<figcaption>${status} ${verificationSentence(c)} The surrounding text could not be shown. ${where}</figcaption>
</figure>`;
  }
  return html`<figure class="passage">
<blockquote cite="${c.source.url}" lang="${lang}">${passage.cutBefore ? "… " : ""}${passage.before}<mark>${passage.quote}</mark>${passage.after}${passage.cutAfter ? " …" : ""}</blockquote>
<figcaption>${status} ${verificationSentence(c)} ${where}</figcaption>
</figure>`;
}

function attributionText(c: CardCitation): SafeHtml {
  const words = c.attributionAsWritten ? html`“${c.attributionAsWritten}”` : "";
  const target = c.attributedTo;
  if (!target) return html`${words}${words ? " · " : ""}<span class="badge warn">No attribution stated</span>${c.attributionNote ? html` <span class="note">${c.attributionNote}</span>` : ""}`;
  const name = target.__typename === "Report" ? target.title : target.name;
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
