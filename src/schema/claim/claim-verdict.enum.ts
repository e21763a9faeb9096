import { registerEnumType } from "type-graphql";

/** The verdict on a claimed figure, or on a whole claim (see src/facts/claims/claim-verdict.ts). */
export enum ClaimVerdict {
  SUPPORTED = "SUPPORTED",
  CONTRADICTED = "CONTRADICTED",
  DISPUTED = "DISPUTED",
  DIFFERENT_SCOPE = "DIFFERENT_SCOPE",
  NOT_FOUND = "NOT_FOUND",
}

registerEnumType(ClaimVerdict, {
  name: "ClaimVerdict",
  description:
    "What the knowledge base says of a claimed figure, by the agreement rules (see `Statistic.agreement`). For a whole claim, the weakest verdict of its figures: CONTRADICTED, then DISPUTED, NOT_FOUND, DIFFERENT_SCOPE, SUPPORTED.",
  valuesConfig: {
    SUPPORTED: { description: "At least one figure of the knowledge base agrees with it or is compatible with it, and none of the same metric, subject and period conflicts." },
    CONTRADICTED: { description: "Figures of the same metric, subject and period conflict with it, and none agrees." },
    DISPUTED: { description: "The knowledge base's own sources disagree: some of its figures agree with the claim, others conflict with it." },
    DIFFERENT_SCOPE: { description: "Only figures of another scope were found (another event, an overlapping period, a related metric, a part of the market): they neither confirm nor contradict it." },
    NOT_FOUND: {
      description:
        "Nothing comparable: no metric or subject matched, or no figure of them for the period, or figures of them that could not be judged (the claim states no period, another currency). The explanation says what was looked for and why.",
    },
  },
});
