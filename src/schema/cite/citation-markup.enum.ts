import { registerEnumType } from "type-graphql";

/** Plain text or HTML for formatted citations. */
export enum CitationMarkup {
  TEXT = "TEXT",
  HTML = "HTML",
}

registerEnumType(CitationMarkup, {
  name: "CitationMarkup",
  description: "How a formatted citation is marked up. CSL_JSON and BIBTEX ignore it.",
  valuesConfig: {
    TEXT: { description: "Plain text (Unicode quotation marks, no italics)." },
    HTML: { description: "HTML as citeproc-js writes it: entries in `div.csl-entry`, italics as `<i>`; text is HTML-escaped." },
  },
});
