/**
 * A source as a CSL-JSON item: the fields a citation needs from a source, how they map onto
 * CSL's (type, title, names, container or publisher, dates), and the item as citeproc gets it.
 *
 * Online news articles are typed as newspaper articles (GB/T 7714 type mark [N/OL], as in
 * the standard's own example of an article read on a newspaper's website); other web sources
 * as web pages ([EB/OL]). A descriptive title (the editors' description of an untitled work)
 * is in square brackets.
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
 * removes from the output (see `renderedItem`); the title-case correction of
 * cite-corrections.ts skips them too (see `recordedNames`). Only citeproc's typography
 * applies: a straight apostrophe prints as ’. CSL-JSON and BibTeX carry the names as recorded,
 * without the markup (BibTeX braces a whole-name author, so that BibTeX does not split it into
 * given and family names).
 */
import { isPartialDate } from "./period.js";

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

/** The CSL-JSON item of a source. */
export function toCslItem(source: CitableSource): CslItem {
  const type = cslType(source.kind);
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

/** The CSL type of a kind of source, e.g. "article-newspaper" for a news article. */
export function cslType(kind: SourceKind): string {
  return CSL_TYPES[kind];
}

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

/**
 * A source's CSL item as citeproc gets it: the organization names (container or publisher,
 * authors given whole) in no-case markup, so that no style changes their case.
 */
export function renderedItem(item: CslItem, source: CitableSource): CslItem {
  return {
    ...item,
    ...(item.author ? { author: item.author.map((a, i) => (source.authors[i]?.family ? a : { family: noCase(a.family) })) } : {}),
    ...(item["container-title"] !== undefined ? { "container-title": noCase(item["container-title"]) } : {}),
    ...(item.publisher !== undefined ? { publisher: noCase(item.publisher) } : {}),
  };
}

/** The names of a source printed as recorded: its publisher and its authors given whole. */
export function recordedNames(source: CitableSource): string[] {
  return [source.publisherName, ...source.authors.filter((a) => !a.family).map((a) => a.name)].filter((n): n is string => !!n);
}

/** citeproc's markup for text whose case no style may change (removed from the output). */
function noCase(text: string): string {
  return `<span class="nocase">${text}</span>`;
}

function dateParts(date: string): { "date-parts": number[][] } {
  return { "date-parts": [date.split("-").map(Number)] };
}

function cslName(a: CitableAuthor): { family: string; given?: string } {
  if (a.family) return a.given ? { family: a.family, given: a.given } : { family: a.family };
  return { family: a.name };
}
