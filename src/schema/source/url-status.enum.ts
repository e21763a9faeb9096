import { registerEnumType } from "type-graphql";

/** What a source's URL is. */
export enum UrlStatus {
  ORIGINAL = "ORIGINAL",
  AS_SEEN = "AS_SEEN",
  REPOST = "REPOST",
  INFERRED_ORIGINAL = "INFERRED_ORIGINAL",
}

registerEnumType(UrlStatus, {
  name: "UrlStatus",
  description: "What the source's URL is.",
  valuesConfig: {
    ORIGINAL: { description: "The address where the publisher published the document." },
    AS_SEEN: { description: "The address where the document was read, which may not be the publisher's original." },
    REPOST: { description: "A copy of the document republished by someone else." },
    INFERRED_ORIGINAL: { description: "The editors' inference of the original address, not checked against the document." },
  },
});
