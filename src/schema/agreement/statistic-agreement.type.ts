import { Field, ObjectType } from "type-graphql";
import { AgreementVerdict } from "./agreement-verdict.enum.js";
import { StatisticComparison } from "./statistic-comparison.type.js";
import { StatisticNotCompared } from "./statistic-not-compared.type.js";

/** Every statistic comparable with one statistic, grouped by verdict. */
@ObjectType("StatisticAgreement", {
  description:
    "The other statistics comparable with this one (the same metric or a related one, the same subject or one part of the other, overlapping periods), each with a verdict and the reason, and grouped by verdict for display.",
  simpleResolvers: true,
})
export class StatisticAgreement {
  @Field(() => [StatisticComparison], { description: "Every comparable statistic, by slug." })
  readonly comparisons: StatisticComparison[];

  @Field(() => [StatisticComparison], { description: "The comparisons whose verdict is AGREES." })
  readonly agreeing: StatisticComparison[];

  @Field(() => [StatisticComparison], { description: "The comparisons whose verdict is COMPATIBLE." })
  readonly compatible: StatisticComparison[];

  @Field(() => [StatisticComparison], { description: "The comparisons whose verdict is CONFLICTS." })
  readonly conflicting: StatisticComparison[];

  @Field(() => [StatisticComparison], { description: "The comparisons whose verdict is DIFFERENT_SCOPE." })
  readonly differentScope: StatisticComparison[];

  @Field(() => [StatisticNotCompared], {
    description:
      "Statistics of the same metric and subject that could not be judged, each with the reason (no period stated, units that cannot be converted): listed so that nothing comparable is dropped in silence.",
  })
  readonly notCompared: StatisticNotCompared[];

  constructor(comparisons: StatisticComparison[], notCompared: StatisticNotCompared[] = []) {
    this.notCompared = notCompared;
    const only = (v: AgreementVerdict) => comparisons.filter((c) => c.verdict === v);
    this.comparisons = comparisons;
    this.agreeing = only(AgreementVerdict.AGREES);
    this.compatible = only(AgreementVerdict.COMPATIBLE);
    this.conflicting = only(AgreementVerdict.CONFLICTS);
    this.differentScope = only(AgreementVerdict.DIFFERENT_SCOPE);
  }
}
