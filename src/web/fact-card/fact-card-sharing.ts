import type { SafeHtml } from "../html.js";
import { html } from "../html.js";
import { jsonLd, shareTags } from "../sharing.js";
import type { CardStatistic } from "./fact-card.query.js";

/** schema.org types of the documents a figure is cited in, by source kind (CreativeWork otherwise). */
const WORK_TYPES: Readonly<Record<string, string>> = {
  NEWS_ARTICLE: "NewsArticle",
  PRESS_RELEASE: "NewsArticle",
  BLOG_POST: "BlogPosting",
  SOCIAL_MEDIA_POST: "SocialMediaPosting",
  JOURNAL_ARTICLE: "ScholarlyArticle",
  REPORT_PAGE: "Report",
  COMPANY_FILING: "Report",
  ENCYCLOPEDIA_ARTICLE: "Article",
};

/**
 * The figure as schema.org JSON-LD: a `Claim` (what was stated, about whom, when) whose
 * `citation` lists the documents stating it, with their publisher and date, and whose
 * `author` is whoever the sources credit with producing it (none when no attribution is
 * stated: nothing is invented). `url` and `@id` are absolute when the site's origin is known.
 */
export function factCardJsonLd(s: CardStatistic, headline: string, url: string | null): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "Claim",
    ...(url ? { "@id": url, url } : {}),
    name: `${headline}: ${s.metric.name} of ${s.subject.name}`,
    text: s.value.display,
    about: { "@type": "Thing", name: s.subject.name },
    keywords: [s.metric.name, s.kind.toLowerCase()],
    ...(s.period ? { temporalCoverage: `${s.period.start}/${s.period.end}` } : {}),
    author: s.producers.map((p) => ({ "@type": p.__typename === "Person" ? "Person" : "Organization", name: p.name })),
    citation: s.citations.map((c) => ({
      "@type": WORK_TYPES[c.source.kind] ?? "CreativeWork",
      name: c.source.title ?? c.source.url,
      url: c.source.url,
      inLanguage: c.source.language,
      ...(c.source.publishedAt ? { datePublished: c.source.publishedAt } : {}),
      ...(c.source.publisher || c.source.publisherAsNamed ? { publisher: { "@type": "Organization", name: c.source.publisher?.name ?? c.source.publisherAsNamed } } : {}),
    })),
  };
}

/** The head of a fact card for sharing: Open Graph and Twitter tags, and the JSON-LD claim. */
export function factCardHead(s: CardStatistic, headline: string, path: string, origin: string | null): SafeHtml {
  const sources = s.citations.map((c) => c.source.publisher?.name ?? c.source.publisherAsNamed).filter(Boolean);
  const description = `${s.metric.name} of ${s.subject.name}${s.period ? `, ${s.period.label}` : ""}: ${s.value.display}. ${
    sources.length ? `Stated by ${[...new Set(sources)].join(", ")}` : "Source on the card"
  }, with the passage and its provenance.`;
  return html`${shareTags({ title: `${headline}: ${s.metric.name} · ${s.subject.name}`, description, path, origin, type: "article" })}
${jsonLd(factCardJsonLd(s, headline, origin ? `${origin}${path}` : null))}`;
}
