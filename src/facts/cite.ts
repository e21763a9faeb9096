/**
 * Citations of sources and of statistics in APA (7th edition), MLA (9th edition), Chicago
 * (17th edition, author-date: the system of the social sciences, where a figure is cited with
 * its year), GB/T 7714-2015 (China's national standard, numeric system), CSL-JSON and BibTeX.
 *
 * The formatting is done by citation-js and citeproc-js with the CSL project's styles (see
 * csl-engine.ts). What they get wrong for these sources is corrected afterwards, each fix
 * checked against the style's own rules:
 *
 * - All title-case styles: citeproc-js leaves a one-letter first element of a hyphenated
 *   compound in lower case ("Live-Streaming e-Commerce"); MLA, Chicago and APA (in-text)
 *   capitalise every element of a hyphenated compound, so it becomes "E-Commerce".
 * - MLA: the CSL style prints the access date only when there is no publication date; MLA 9
 *   leaves it optional and recommends it when a work may be altered or removed, which is
 *   why this knowledge base archives news pages, so "Accessed 25 Nov. 2026." is appended.
 *   The URL is given without "http://" or "https://" (MLA Handbook 9, 5.95: usually omitted).
 * - Chicago author-date: for an unsigned newspaper article the newspaper stands in place of
 *   the author (CMOS 14.207: "New York Times. 2002. “In Texas, Ad Heats Up Race for
 *   Governor.” July 30."); the CSL style does that but keeps the comma that would lead to the
 *   newspaper's name, which is no longer there, so “Title,” becomes “Title.”
 * - GB/T 7714: the entry of a single cited source is given without the "[1]" of a numbered
 *   list; a statistic's citation keeps the numbers, which match its in-text marks. The style
 *   capitalises authors' family names, as the standard allows for Western personal names, but
 *   not organizations' names (see below).
 * - Descriptive titles (the editors' description of an untitled work) are in square brackets
 *   in APA and GB/T 7714; MLA and Chicago write a description as plain text with a capital
 *   first letter, neither quoted nor title-cased.
 *
 * Organizations (and persons whose names cannot be split) are passed to citeproc as a family
 * name alone rather than a literal: with a literal last name citeproc-js drops the serial comma
 * ("Liu, Y. & Xinhua" instead of APA's "Liu, Y., & Xinhua").
 *
 * Names of organizations are printed as recorded, in every style: the publisher or site, and
 * authors given as a whole name. The styles title-case the container (APA, MLA and Chicago
 * turned "China Daily (via newsmuncher.com)" into "China Daily (Via Newsmuncher.Com)" and "the
 * Paper" into "The Paper") and GB/T 7714 capitalises family names ("IIMEDIA RESEARCH"), so
 * those fields reach citeproc inside its no-case markup (`<span class="nocase">`), which it
 * removes from the output; and this module's own title-case correction skips them. Only
 * citeproc's typography applies: a straight apostrophe prints as ’. CSL-JSON and BibTeX carry
 * the names as recorded, without the markup (BibTeX braces a whole-name author, so that
 * BibTeX does not split it into given and family names).
 *
 * Online news articles are typed as newspaper articles (GB/T 7714 type mark [N/OL], as in
 * the standard's own example of an article read on a newspaper's website); other web sources
 * as web pages ([EB/OL]).
 */
import type { StatisticKind } from "./agreement.js";
import type { Comparator } from "./interval.js";
import { type CslTemplate, type Markup, renderBibtex, renderCitation, renderEntries } from "./csl-engine.js";
import { describeHuman } from "./number-format.js";
import { isPartialDate } from "./period.js";

/** The citation styles the API offers. */
export type CitationStyle = "APA" | "MLA" | "CHICAGO" | "GB_T_7714" | "CSL_JSON" | "BIBTEX";

/** All citation styles, in the order the schema lists them. */
export const CITATION_STYLES: readonly CitationStyle[] = ["APA", "MLA", "CHICAGO", "GB_T_7714", "CSL_JSON", "BIBTEX"];

/** Plain text or HTML (italics as <i>); CSL_JSON and BIBTEX ignore it. */
export type CitationMarkup = "TEXT" | "HTML";

/** What kind of document a source is (the `source.kind` column). */
export type SourceKind =
  | "NEWS_ARTICLE"
  | "PRESS_RELEASE"
  | "REPORT_PAGE"
  | "COMPANY_FILING"
  | "BLOG_POST"
  | "SOCIAL_MEDIA_POST"
  | "ENCYCLOPEDIA_ARTICLE"
  | "JOURNAL_ARTICLE";

/** An author of a source: a person (with family and given names when known) or an organization. */
export interface CitableAuthor {
  /** The name as displayed; used whole for organizations and persons without split names. */
  readonly name: string;
  readonly family?: string | undefined;
  readonly given?: string | undefined;
}

/** A source as citations need it (one row of `source` with its publisher and authors). */
export interface CitableSource {
  /** The source's slug; becomes the CSL id and (with _ for -) the BibTeX key. */
  readonly slug: string;
  readonly title: string | null;
  /** True when the title is the editors' description rather than the document's own. */
  readonly titleIsDescriptive?: boolean | undefined;
  readonly kind: SourceKind;
  /** The publisher's (or site's) name, e.g. "People's Daily Online". */
  readonly publisherName: string | null;
  readonly authors: readonly CitableAuthor[];
  /** Publication date: YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  readonly published: string | null;
  readonly url: string;
  /** BCP 47 language tag of the source, e.g. "en", "zh-Hans". */
  readonly language: string;
  /** The day the source was read (YYYY-MM-DD), or null. */
  readonly accessed: string | null;
}

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

/** A CSL-JSON item (the fields this module writes). */
export interface CslItem {
  readonly id: string;
  readonly "citation-key": string;
  readonly type: string;
  readonly title: string;
  readonly author?: readonly { family: string; given?: string }[];
  readonly "container-title"?: string;
  readonly publisher?: string;
  readonly issued?: { "date-parts": number[][] };
  readonly accessed?: { "date-parts": number[][] };
  readonly URL: string;
  readonly language: string;
  readonly note?: string;
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

/** The CSL-JSON item of a source. */
export function toCslItem(source: CitableSource): CslItem {
  const type = CSL_TYPES[source.kind];
  const site = source.publisherName ?? undefined;
  const title = source.title === null ? "[Untitled]" : source.titleIsDescriptive ? `[${source.title}]` : source.title;
  const issued = source.published && isPartialDate(source.published) ? dateParts(source.published) : undefined;
  const accessed = source.accessed && isPartialDate(source.accessed) ? dateParts(source.accessed) : undefined;
  const usesPublisher = type === "report";
  return {
    id: source.slug,
    "citation-key": source.slug.replace(/[^A-Za-z0-9_]/g, "_"),
    type,
    title,
    ...(source.authors.length ? { author: source.authors.map(cslName) } : {}),
    ...(site && !usesPublisher ? { "container-title": site } : {}),
    ...(site && usesPublisher ? { publisher: site } : {}),
    ...(issued ? { issued } : {}),
    ...(accessed ? { accessed } : {}),
    URL: source.url,
    language: source.language,
  };
}

const KIND_WORDS: Readonly<Record<CitableStatistic["kind"], string>> = {
  MEASUREMENT: "measurement",
  ESTIMATE: "estimate",
  FORECAST: "forecast",
  SURVEY: "survey",
  DERIVED: "derived",
};

const CSL_TYPES: Readonly<Record<SourceKind, string>> = {
  NEWS_ARTICLE: "article-newspaper",
  PRESS_RELEASE: "webpage",
  REPORT_PAGE: "webpage",
  COMPANY_FILING: "report",
  BLOG_POST: "post-weblog",
  SOCIAL_MEDIA_POST: "post",
  ENCYCLOPEDIA_ARTICLE: "entry-encyclopedia",
  JOURNAL_ARTICLE: "article-journal",
};

type FormattedStyle = Exclude<CitationStyle, "CSL_JSON" | "BIBTEX">;

const STYLE_TEMPLATES: Readonly<Record<FormattedStyle, { template: CslTemplate; lang: string }>> = {
  APA: { template: "apa", lang: "en-US" },
  MLA: { template: "livestream-facts-mla", lang: "en-US" },
  CHICAGO: { template: "livestream-facts-chicago-author-date", lang: "en-US" },
  GB_T_7714: { template: "livestream-facts-gb-t-7714-2015-numeric", lang: "zh-CN" },
};

/** Reference-list entries in the style's order, with this module's corrections applied. */
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

/**
 * A source's CSL item as citeproc gets it: the organization names (container or publisher,
 * authors given whole) in no-case markup, so that no style changes their case.
 */
function renderedItem(item: CslItem, source: CitableSource): CslItem {
  return {
    ...item,
    ...(item.author ? { author: item.author.map((a, i) => (source.authors[i]?.family ? a : { family: noCase(a.family) })) } : {}),
    ...(item["container-title"] !== undefined ? { "container-title": noCase(item["container-title"]) } : {}),
    ...(item.publisher !== undefined ? { publisher: noCase(item.publisher) } : {}),
  };
}

/** citeproc's markup for text whose case no style may change (removed from the output). */
function noCase(text: string): string {
  return `<span class="nocase">${text}</span>`;
}

/** The names of a source printed as recorded: its publisher and its authors given whole. */
function recordedNames(source: CitableSource): string[] {
  return [source.publisherName, ...source.authors.filter((a) => !a.family).map((a) => a.name)].filter((n): n is string => !!n);
}

/**
 * "e-Commerce" → "E-Commerce" in title-cased text; the URL and the names printed as recorded
 * (`keep`, found as citeproc prints them: curly quotes, & escaped in HTML) are left alone.
 */
function fixTitleCase(text: string, keep: readonly string[], url?: string): string {
  const fix = (s: string) => s.replace(/(^|[\s“"‘(>])([a-z])-(?=[A-Z])/g, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}-`);
  const kept = [...(url ? [url] : []), ...keep].map(asPrinted);
  if (kept.length === 0) return fix(text);
  // split() with one capturing group puts the kept text at the odd indexes.
  return text
    .split(new RegExp(`(${kept.join("|")})`, "g"))
    .map((part, i) => (i % 2 === 1 ? part : fix(part)))
    .join("");
}

/** A pattern matching `text` as citeproc prints it (quotes made typographic, & escaped in HTML). */
function asPrinted(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/'/g, "['’]")
    .replace(/"/g, '["“”]')
    .replace(/&/g, "(?:&#38;|&amp;|&)");
}

function fixMla(text: string, source: CitableSource, markup: CitationMarkup): string {
  let out = text.split(source.url).join(source.url.replace(/^https?:\/\//, ""));
  if (source.accessed && isPartialDate(source.accessed) && !/Accessed /.test(out)) {
    const accessed = ` Accessed ${mlaDate(source.accessed)}.`;
    out = markup === "HTML" ? out.replace(/<\/div>$/, `${accessed}</div>`) : `${out}${accessed}`;
  }
  return out;
}

function fixChicago(text: string, source: CitableSource): string {
  if (source.authors.length > 0 || CSL_TYPES[source.kind] !== "article-newspaper") return text;
  // Newspaper. Year. “Title,” Date. → Newspaper. Year. “Title.” Date.
  return text.replace(/^(.*?\. \d{4}[a-z]?\. “[^”]*),”/, "$1.”");
}

/** `“[Thread on MCN Counts].”` → `Thread on MCN counts.` (MLA and Chicago style descriptions). */
function plainDescription(text: string, description: string): string {
  const plain = description.charAt(0).toUpperCase() + description.slice(1);
  return text.replace(/“\[[^\]]*\]([.,])”/, (_, punct: string) => `${plain}${punct}`);
}

/** Drops the "[1] " of a numbered list from a single GB/T 7714 entry. */
function dropListNumber(entry: string, markup: CitationMarkup): string {
  if (markup === "HTML") return entry.replace(/<div class="csl-left-margin">\[\d+\]<\/div>/, "");
  return entry.replace(/^\[\d+\]\s*/, "");
}

const MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** A date as MLA writes it: "25 Nov. 2026", "Nov. 2026", "2026". */
function mlaDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return [d, m ? MLA_MONTHS[m - 1] : undefined, y].filter((x) => x !== undefined).join(" ");
}

function dateParts(date: string): { "date-parts": number[][] } {
  return { "date-parts": [date.split("-").map(Number)] };
}

function cslName(a: CitableAuthor): { family: string; given?: string } {
  if (a.family) return a.given ? { family: a.family, given: a.given } : { family: a.family };
  return { family: a.name };
}

function toMarkup(m: CitationMarkup): Markup {
  return m === "HTML" ? "html" : "text";
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
