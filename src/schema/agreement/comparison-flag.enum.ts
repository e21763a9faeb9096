import { registerEnumType } from "type-graphql";

/** Facts about a comparison a reader should not miss, whatever its verdict. */
export enum ComparisonFlag {
  ORDER_OF_MAGNITUDE = "ORDER_OF_MAGNITUDE",
  KINDS_DIFFER = "KINDS_DIFFER",
  DATE_PRECISION_DIFFERS = "DATE_PRECISION_DIFFERS",
  CONVERTED = "CONVERTED",
}

registerEnumType(ComparisonFlag, {
  name: "ComparisonFlag",
  description: "A fact about a comparison that a reader should not miss, whatever the verdict.",
  valuesConfig: {
    ORDER_OF_MAGNITUDE: {
      description: "The amounts differ by a factor of 10 or more: more often a different measure (definition, scope or unit) than the same one, even when the verdict is COMPATIBLE.",
    },
    KINDS_DIFFER: { description: "The two figures are of different kinds (a forecast against an estimate, say)." },
    DATE_PRECISION_DIFFERS: { description: "Both figures belong to one event but are dated with different precision (a day against its month); they were compared as one measurement." },
    CONVERTED: { description: "The other figure was converted from an EQUIVALENT metric before comparing (see `conversion`)." },
  },
});
