/**
 * What citeproc-js and the CSL styles get wrong for these sources, corrected after rendering,
 * each fix checked against the style's own rules:
 *
 * - All title-case styles: citeproc-js leaves a one-letter first element of a hyphenated
 *   compound in lower case ("Live-Streaming e-Commerce"); MLA, Chicago and APA (in-text)
 *   capitalise every element of a hyphenated compound, so it becomes "E-Commerce". Names
 *   printed as recorded (see csl-item.ts) and the URL are left alone.
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
 *   not organizations' names (see csl-item.ts).
 * - Descriptive titles (the editors' description of an untitled work) are in square brackets
 *   in APA and GB/T 7714; MLA and Chicago write a description as plain text with a capital
 *   first letter, neither quoted nor title-cased.
 */
import type { CitationMarkup } from "./cite-styles.js";
import { type CitableSource, cslType } from "./csl-item.js";
import { isPartialDate } from "./period.js";

/**
 * "e-Commerce" → "E-Commerce" in title-cased text; the URL and the names printed as recorded
 * (`keep`, found as citeproc prints them: curly quotes, & escaped in HTML) are left alone.
 */
export function fixTitleCase(text: string, keep: readonly string[], url?: string): string {
  const fix = (s: string) => s.replace(/(^|[\s“"‘(>])([a-z])-(?=[A-Z])/g, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}-`);
  const kept = [...(url ? [url] : []), ...keep].map(asPrinted);
  if (kept.length === 0) return fix(text);
  // split() with one capturing group puts the kept text at the odd indexes.
  return text
    .split(new RegExp(`(${kept.join("|")})`, "g"))
    .map((part, i) => (i % 2 === 1 ? part : fix(part)))
    .join("");
}

/** An MLA entry with its URL shortened and the access date appended (see the module comment). */
export function fixMla(text: string, source: CitableSource, markup: CitationMarkup): string {
  let out = text.split(source.url).join(source.url.replace(/^https?:\/\//, ""));
  if (source.accessed && isPartialDate(source.accessed) && !/Accessed /.test(out)) {
    const accessed = ` Accessed ${mlaDate(source.accessed)}.`;
    out = markup === "HTML" ? out.replace(/<\/div>$/, `${accessed}</div>`) : `${out}${accessed}`;
  }
  return out;
}

/** A Chicago entry of an unsigned newspaper article with the stray comma after its title made a period. */
export function fixChicago(text: string, source: CitableSource): string {
  if (source.authors.length > 0 || cslType(source.kind) !== "article-newspaper") return text;
  // Newspaper. Year. “Title,” Date. → Newspaper. Year. “Title.” Date.
  return text.replace(/^(.*?\. \d{4}[a-z]?\. “[^”]*),”/, "$1.”");
}

/** `“[Thread on MCN Counts].”` → `Thread on MCN counts.` (MLA and Chicago style descriptions). */
export function plainDescription(text: string, description: string): string {
  const plain = description.charAt(0).toUpperCase() + description.slice(1);
  return text.replace(/“\[[^\]]*\]([.,])”/, (_, punct: string) => `${plain}${punct}`);
}

/** Drops the "[1] " of a numbered list from a single GB/T 7714 entry. */
export function dropListNumber(entry: string, markup: CitationMarkup): string {
  if (markup === "HTML") return entry.replace(/<div class="csl-left-margin">\[\d+\]<\/div>/, "");
  return entry.replace(/^\[\d+\]\s*/, "");
}

/** A pattern matching `text` as citeproc prints it (quotes made typographic, & escaped in HTML). */
function asPrinted(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/'/g, "['’]")
    .replace(/"/g, '["“”]')
    .replace(/&/g, "(?:&#38;|&amp;|&)");
}

const MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** A date as MLA writes it: "25 Nov. 2026", "Nov. 2026", "2026". */
function mlaDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return [d, m ? MLA_MONTHS[m - 1] : undefined, y].filter((x) => x !== undefined).join(" ");
}
