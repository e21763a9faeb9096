import { type SafeHtml, html, jsonForScript } from "../html.js";
import { renderPage } from "../layout.js";
import type { WebManifest } from "../manifest.js";
import type { PageCheck, PageFigure } from "./claim-check.query.js";

/** What the /check page shows: the form as filled in, and the check or the error, if any. */
export interface ClaimCheckView {
  readonly text: string;
  readonly publishedAt: string;
  readonly language: string;
  readonly check: PageCheck | null;
  /** A message the API gave for the input (BAD_USER_INPUT), shown beside the form. */
  readonly error: string | null;
  readonly manifest: WebManifest | null;
}

const VERDICT_LABELS: Readonly<Record<string, { readonly label: string; readonly tone: "ok" | "warn" | "bad" | "neutral" }>> = {
  SUPPORTED: { label: "Supported", tone: "ok" },
  CONTRADICTED: { label: "Contradicted", tone: "bad" },
  DISPUTED: { label: "Disputed", tone: "warn" },
  DIFFERENT_SCOPE: { label: "Different scope", tone: "neutral" },
  NOT_FOUND: { label: "Not found", tone: "neutral" },
  AGREES: { label: "Agrees", tone: "ok" },
  COMPATIBLE: { label: "Compatible", tone: "ok" },
  CONFLICTS: { label: "Conflicts", tone: "bad" },
  NOT_JUDGED: { label: "Not judged", tone: "neutral" },
};

/**
 * The claim checker's page: a form that works without JavaScript (a GET to /check), and,
 * once a claim is given, its verdict, the claim with each figure marked, and for each figure
 * what was read and the statistics it was compared with, linked to their fact cards. The
 * ClaimReview JSON-LD is embedded as a data block (never run). Every value is escaped by `html`.
 */
export function renderClaimCheckPage(view: ClaimCheckView): SafeHtml {
  const c = view.check;
  const main = html`<article class="fact-card" aria-labelledby="check-title">
<p class="eyebrow">Check a claim</p>
<h1 id="check-title">${c ? html`${badge(c.verdict)} ${c.text}` : "Paste a sentence; its figures are checked against the knowledge base"}</h1>
${form(view)}
${view.error ? html`<p class="note" role="alert"><span class="badge bad">Cannot check</span> ${view.error}</p>` : ""}
${c ? result(c) : ""}
</article>`;
  return renderPage({
    title: c ? `${VERDICT_LABELS[c.verdict]?.label ?? c.verdict}: ${c.text.slice(0, 80)} · Check a claim` : "Check a claim · livestream-facts",
    description: "Checks the figures of a sentence (English or Chinese) against the knowledge base of China's live-streaming e-commerce.",
    canonical: "/check",
    embed: false,
    manifest: view.manifest,
    main,
    footer: html`<ul><li>The same check in the API: <code>checkClaim(text:, publishedAt:, language:)</code> — <a href="/">open the explorer</a></li></ul>`,
  });
}

function form(view: ClaimCheckView): SafeHtml {
  const option = (value: string, label: string) => html`<option value="${value}"${view.language === value ? html` selected` : ""}>${label}</option>`;
  return html`<form method="get" action="/check">
<p><label for="text">Claim (English or Chinese, up to 2,000 characters)</label><br>
<textarea id="text" name="text" rows="5" cols="80" maxlength="2000" required>${view.text}</textarea></p>
<p><label for="publishedAt">Published on (resolves “last year”, 去年)</label>
<input id="publishedAt" name="publishedAt" type="date" value="${view.publishedAt}">
<label for="language">Language</label>
<select id="language" name="language">${option("", "Detect")}${option("en", "English")}${option("zh-Hans", "Chinese")}</select>
<button type="submit">Check</button></p>
</form>`;
}

function result(c: PageCheck): SafeHtml {
  return html`<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Verdict</h2>
<p>${badge(c.verdict)} ${c.summary}</p>
<p class="note">The claim with its figures marked: ${marked(c.text, c.figures)}</p>
${c.ignored.length ? html`<p class="note">Not figures: ${c.ignored.map((i, n) => html`${n ? ", " : ""}“${i.asWritten}” (${i.reason.toLowerCase().replace(/_/g, " ")})`)}</p>` : ""}
</section>
${c.figures.map((f, i) => figure(f, i))}
<script type="application/ld+json">${jsonForScript(c.claimReview)}</script>`;
}

function figure(f: PageFigure, i: number): SafeHtml {
  const subject = f.subject ? f.subject.entities.map((e) => e.name).join(" and ") + (f.subject.named ? "" : " (not named; inferred)") : "—";
  return html`<section aria-labelledby="figure-${i}">
<h2 id="figure-${i}">${badge(f.verdict)} “${f.asWritten}”</h2>
<p>${f.explanation}</p>
<dl>
<dt>Value read</dt><dd>${f.value.comparator.toLowerCase().replace(/_/g, " ")} ${f.value.amount.toLocaleString("en-US")} ${f.value.unit} (written to ${f.value.precision.toLocaleString("en-US")})</dd>
<dt>Period</dt><dd>${f.period ? html`${f.period.label}${f.period.event ? html` · ${f.period.event.name}` : ""} (“${f.period.asWritten}”)${f.period.resolution ? html` — ${f.period.resolution}` : ""}` : "none stated"}</dd>
<dt>Metric</dt><dd>${f.metric ? html`${f.metric.metric.name} (confidence ${f.metric.confidence}; words: ${f.metric.words.join(", ")})` : "none matched"}</dd>
<dt>Subject</dt><dd>${subject}</dd>
</dl>
${
  f.matches.length
    ? html`<ul class="citations">${f.matches.map(
        (m) => html`<li>${badge(m.verdict)} <a href="/facts/${encodeURIComponent(m.statistic.slug)}">${m.statistic.value.asWritten ?? m.statistic.slug}</a>: ${m.explanation}</li>`,
      )}</ul>`
    : ""
}
</section>`;
}

/** The claim with each figure in a <mark>, cut at the figures' code-point positions. */
function marked(text: string, figures: readonly PageFigure[]): SafeHtml {
  const points = [...text];
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const f of [...figures].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    parts.push(html`${points.slice(at, f.start).join("")}<mark>${points.slice(f.start, f.end).join("")}</mark>`);
    at = f.end;
  }
  parts.push(html`${points.slice(at).join("")}`);
  return html`${parts}`;
}

function badge(verdict: string): SafeHtml {
  const v = VERDICT_LABELS[verdict] ?? { label: verdict, tone: "neutral" as const };
  return html`<span class="badge ${v.tone}">${v.label}</span>`;
}
