import { registerEnumType } from "type-graphql";

/** The citation styles `cite` offers. */
export enum CitationStyle {
  APA = "APA",
  MLA = "MLA",
  CHICAGO = "CHICAGO",
  GB_T_7714 = "GB_T_7714",
  CSL_JSON = "CSL_JSON",
  BIBTEX = "BIBTEX",
}

registerEnumType(CitationStyle, {
  name: "CitationStyle",
  description:
    "A citation style. Formatted by citation-js (citeproc-js) with the Citation Style Language project's styles; corrections the styles' own rules call for are applied afterwards (see the README).",
  valuesConfig: {
    APA: { description: "APA 7th edition (the `apa` CSL style shipped with @citation-js/plugin-csl)." },
    MLA: { description: "MLA Handbook 9th edition (CSL `modern-language-association`), with the access date and the URL without its protocol." },
    CHICAGO: { description: "Chicago Manual of Style 17th edition, author-date (CSL `chicago-author-date`)." },
    GB_T_7714: { description: "China's national standard GB/T 7714-2015, numeric system (CSL `china-national-standard-gb-t-7714-2015-numeric`, zh-CN locale)." },
    CSL_JSON: { description: "CSL-JSON items (a JSON array), for reference managers; a statistic's figure is in each item's `note`." },
    BIBTEX: { description: "BibTeX entries as citation-js maps them; a statistic's figure is in a leading @comment." },
  },
});
