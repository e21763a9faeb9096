/**
 * The citation styles the API offers and the CSL template and locale each formatted style is
 * rendered with: APA (7th edition), MLA (9th edition), Chicago (17th edition, author-date: the
 * system of the social sciences, where a figure is cited with its year), GB/T 7714-2015
 * (China's national standard, numeric system); CSL-JSON and BibTeX are data, not formatted.
 */
import type { CslTemplate, Markup } from "./csl-engine.js";

/** The citation styles the API offers. */
export type CitationStyle = "APA" | "MLA" | "CHICAGO" | "GB_T_7714" | "CSL_JSON" | "BIBTEX";

/** All citation styles, in the order the schema lists them. */
export const CITATION_STYLES: readonly CitationStyle[] = ["APA", "MLA", "CHICAGO", "GB_T_7714", "CSL_JSON", "BIBTEX"];

/** Plain text or HTML (italics as <i>); CSL_JSON and BIBTEX ignore it. */
export type CitationMarkup = "TEXT" | "HTML";

/** The styles citeproc formats (the others are data: CSL-JSON and BibTeX). */
export type FormattedStyle = Exclude<CitationStyle, "CSL_JSON" | "BIBTEX">;

/** The CSL template and locale a formatted style is rendered with. */
export const STYLE_TEMPLATES: Readonly<Record<FormattedStyle, { template: CslTemplate; lang: string }>> = {
  APA: { template: "apa", lang: "en-US" },
  MLA: { template: "livestream-facts-mla", lang: "en-US" },
  CHICAGO: { template: "livestream-facts-chicago-author-date", lang: "en-US" },
  GB_T_7714: { template: "livestream-facts-gb-t-7714-2015-numeric", lang: "zh-CN" },
};

/** The citation processor's name for a markup. */
export function toMarkup(m: CitationMarkup): Markup {
  return m === "HTML" ? "html" : "text";
}
