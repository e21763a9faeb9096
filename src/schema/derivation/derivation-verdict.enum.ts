import { registerEnumType } from "type-graphql";

/** Whether a derived figure follows from its inputs. */
export enum DerivationVerdict {
  CONSISTENT = "CONSISTENT",
  INCONSISTENT = "INCONSISTENT",
  UNCHECKABLE = "UNCHECKABLE",
}

registerEnumType(DerivationVerdict, {
  name: "DerivationVerdict",
  description: "Whether a derived figure follows from its inputs, recomputed with interval arithmetic.",
  valuesConfig: {
    CONSISTENT: {
      description:
        "The recomputed interval meets the stated value's reading interval (a flat figure read as a rounding). The explanation says whether the arithmetic implies the stated figure (\"satisfies\") or only leaves room for it (\"allows\").",
    },
    INCONSISTENT: { description: "The recomputed interval and the stated value share no number: the stated figure cannot follow from its inputs." },
    UNCHECKABLE: {
      description: "The check could not be made: an input is missing, the formula does not parse, the units do not combine or do not give the stated unit, or the formula needs the period's length and there is no period.",
    },
  },
});
