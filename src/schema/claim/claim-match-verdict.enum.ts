import { registerEnumType } from "type-graphql";

/** The verdict on one comparison of a claimed figure with a statistic of the knowledge base. */
export enum ClaimMatchVerdict {
  AGREES = "AGREES",
  COMPATIBLE = "COMPATIBLE",
  CONFLICTS = "CONFLICTS",
  DIFFERENT_SCOPE = "DIFFERENT_SCOPE",
  NOT_JUDGED = "NOT_JUDGED",
}

registerEnumType(ClaimMatchVerdict, {
  name: "ClaimMatchVerdict",
  description: "How a claimed figure relates to one statistic of the knowledge base, by the agreement rules (the same verdicts as `AgreementVerdict`, plus NOT_JUDGED).",
  valuesConfig: {
    AGREES: { description: "The two state the same value within their written precision." },
    COMPATIBLE: { description: "Both can hold, though they do not state the same amount (a bound and a figure inside it)." },
    CONFLICTS: { description: "Both cannot hold: their intervals are disjoint." },
    DIFFERENT_SCOPE: { description: "Comparable but not the same thing (another event, an overlapping period, a related metric of another scope, a part of the market); values are not judged." },
    NOT_JUDGED: { description: "Of the same metric and subject, but the rules could not judge it (one states no period, or units that cannot be converted); the explanation says why." },
  },
});
