import { registerEnumType } from "type-graphql";

/** How two metrics relate. */
export enum MetricRelation {
  EQUIVALENT = "EQUIVALENT",
  DIFFERENT_SCOPE = "DIFFERENT_SCOPE",
}

registerEnumType(MetricRelation, {
  name: "MetricRelation",
  description: "How a metric relates to another.",
  valuesConfig: {
    EQUIVALENT: { description: "Values convert exactly: value in the related metric = value × scale + offset." },
    DIFFERENT_SCOPE: { description: "A neighbouring measure (another base or a narrower definition): different figures are not a conflict." },
  },
});
