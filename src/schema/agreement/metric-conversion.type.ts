import { Field, Float, ObjectType } from "type-graphql";
import type { MetricConversion as FactsConversion } from "../../facts/agreement.js";

/** How another statistic's value was brought into this statistic's metric before comparing. */
@ObjectType("MetricConversion", {
  description:
    "How the other statistic's value was converted into this statistic's metric before comparing, for EQUIVALENT metrics (e.g. a growth of 121.5% is a multiple of 2.215): value in `toMetric` = value in `fromMetric` × scale + offset.",
  simpleResolvers: true,
})
export class MetricConversion {
  /** Metric row ids, for the resolver (not GraphQL fields). */
  readonly fromMetricId: number;
  readonly toMetricId: number;

  @Field(() => Float, { description: "Multiplier of the conversion." })
  readonly scale: number;

  @Field(() => Float, { description: "Offset added after multiplying." })
  readonly offset: number;

  @Field(() => String, { description: "The editors' note on the equivalence of the two metrics." })
  readonly note: string;

  constructor(c: FactsConversion) {
    this.fromMetricId = Number(c.fromMetric);
    this.toMetricId = Number(c.toMetric);
    this.scale = c.scale;
    this.offset = c.offset;
    this.note = c.note;
  }
}
