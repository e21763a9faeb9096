import { registerEnumType } from "type-graphql";

/** The verdict on two comparable statistics. */
export enum AgreementVerdict {
  AGREES = "AGREES",
  COMPATIBLE = "COMPATIBLE",
  CONFLICTS = "CONFLICTS",
  DIFFERENT_SCOPE = "DIFFERENT_SCOPE",
}

registerEnumType(AgreementVerdict, {
  name: "AgreementVerdict",
  description:
    "How two comparable statistics relate. Values are compared as reading intervals: a flat figure widened by half a unit of its last significant digit (at most 25% of it), APPROXIMATELY ±10%, one-sided bounds as stated.",
  valuesConfig: {
    AGREES: {
      description: "Same thing, same value: identical, the same amount stated differently (260 million and \"more than 260 million\"), or equal within stated precision (\"about 1 trillion\" and 1.05 trillion).",
    },
    COMPATIBLE: { description: "Same thing, intervals overlap, but at least one is a one-sided bound and the amounts differ: \"more than 20 million\" and \"more than 24 million\" can both hold." },
    CONFLICTS: {
      description: "Same thing, disjoint intervals: both cannot hold (433.8 against 438.8 billion). A gap of a factor of 10 or more is flagged in the reason as more likely a different measure.",
    },
    DIFFERENT_SCOPE: {
      description:
        "Comparable but not the same thing: the metrics are related as DIFFERENT_SCOPE, the periods overlap without being equal, or one subject is part of the other. Values are not judged.",
    },
  },
});
