import { Field, ObjectType } from "type-graphql";
import { Statistic } from "../statistic/statistic.type.js";

/** A statistic of the same metric and subject that could not be judged against this one. */
@ObjectType("StatisticNotCompared", {
  description: "A statistic of the same metric and subject that the rules could not judge against this one, with the reason; a fact-checker compares it by hand.",
  simpleResolvers: true,
})
export class StatisticNotCompared {
  @Field(() => Statistic, { description: "The other statistic." })
  readonly statistic: Statistic;

  @Field(() => String, { description: "Why it was not judged, and what to do about it (\"Not judged: the other figure states no period: compare by hand, ...\")." })
  readonly reason: string;

  constructor(statistic: Statistic, reason: string) {
    this.statistic = statistic;
    this.reason = reason;
  }
}
