import { Field, Float, ObjectType } from "type-graphql";
import { ComparisonFlag } from "./comparison-flag.enum.js";
import { Quantity } from "../common/quantity.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { AgreementVerdict } from "./agreement-verdict.enum.js";
import { MetricConversion } from "./metric-conversion.type.js";

/** Another statistic compared with this one: the verdict and why. */
@ObjectType("StatisticComparison", { description: "Another statistic compared with this one: the verdict, the reason in words, and what was compared.", simpleResolvers: true })
export class StatisticComparison {
  @Field(() => Statistic, { description: "The other statistic." })
  readonly statistic: Statistic;

  @Field(() => AgreementVerdict, { description: "How the two relate." })
  readonly verdict: AgreementVerdict;

  @Field(() => String, {
    description:
      "Why, in words: the intervals compared and their gap or overlap, the relation of metrics, periods or subjects for DIFFERENT_SCOPE, a conversion applied, and whether the kinds differ (a forecast against an estimate).",
  })
  readonly reason: string;

  @Field(() => MetricConversion, { nullable: true, description: "Set when the metrics are EQUIVALENT and the other value was converted into this statistic's metric." })
  readonly conversion: MetricConversion | null;

  @Field(() => Quantity, { nullable: true, description: "This statistic's reading interval as compared; null for DIFFERENT_SCOPE (values are not judged)." })
  readonly ownInterval: Quantity | null;

  @Field(() => Quantity, { nullable: true, description: "The other statistic's reading interval as compared (after any conversion, so in this statistic's unit); null for DIFFERENT_SCOPE." })
  readonly otherInterval: Quantity | null;

  @Field(() => Float, {
    nullable: true,
    description: "The larger of the two amounts divided by the smaller, when both are in one unit (after any conversion); null otherwise. 10 or more is flagged ORDER_OF_MAGNITUDE.",
  })
  readonly amountRatio: number | null;

  @Field(() => [ComparisonFlag], { description: "Facts about this comparison a reader should not miss, whatever the verdict." })
  readonly flags: ComparisonFlag[];

  constructor(fields: StatisticComparison) {
    this.amountRatio = fields.amountRatio;
    this.flags = fields.flags;
    this.statistic = fields.statistic;
    this.verdict = fields.verdict;
    this.reason = fields.reason;
    this.conversion = fields.conversion;
    this.ownInterval = fields.ownInterval;
    this.otherInterval = fields.otherInterval;
  }
}
