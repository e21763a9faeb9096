import { registerEnumType } from "type-graphql";

/** How much of a source's text is archived. */
export enum ArchiveCoverage {
  FULL = "FULL",
  EXCERPT = "EXCERPT",
  NONE = "NONE",
}

registerEnumType(ArchiveCoverage, {
  name: "ArchiveCoverage",
  description: "How much of the source's text is archived in the knowledge base.",
  valuesConfig: {
    FULL: { description: "The whole text as read; quotes can be verified against it." },
    EXCERPT: { description: "Part of the text as read; quotes within it can be verified." },
    NONE: { description: "Only bibliographic data: figures are cited at the level of the URL and cannot be verified here." },
  },
});
