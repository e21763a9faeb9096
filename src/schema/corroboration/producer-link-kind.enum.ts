import { registerEnumType } from "type-graphql";

/** Why two members of a producer group are one producer, beyond a report they share. */
export enum ProducerLinkKind {
  SAME_ORGANIZATION = "SAME_ORGANIZATION",
  KNOWN_ECHO = "KNOWN_ECHO",
}

registerEnumType(ProducerLinkKind, {
  name: "ProducerLinkKind",
  description: "Why two producers of a figure are counted as one, beyond a report they share.",
  valuesConfig: {
    SAME_ORGANIZATION: {
      description:
        "Both belong to one organization, as the registry records it: a platform and the company that operates it (`operator`), an organization and its parent (`parent`), a brand and its owner, or two parts of one group.",
    },
    KNOWN_ECHO: { description: "The editors record on a citation's attribution (`Citation.echoOf`) that the producer credited copied the other's figure rather than measuring it." },
  },
});
