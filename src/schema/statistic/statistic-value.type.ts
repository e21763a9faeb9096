import { Field, Float, ObjectType } from "type-graphql";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { Comparator } from "./comparator.enum.js";

/** A value as stated, and the interval of numbers it stands for. */
@ObjectType("StatisticValue", {
  description: "A value as the source states it, and the interval it implies: \"over 10 million\" is amount 10,000,000, comparator MORE_THAN, interval (10,000,000, ∞).",
  simpleResolvers: true,
})
export class StatisticValue {
  @Field(() => Float, { description: "The number stated, in `unit`s (1.73 million is 1730000)." })
  readonly amount: number;

  @Field(() => String, { description: "Unit of the amount: CNY, USD, PERCENT, times, sessions, views, sessions/day, ..." })
  readonly unit: string;

  @Field(() => Comparator, { description: "How the source qualifies the number." })
  readonly comparator: Comparator;

  @Field(() => Float, { nullable: true, description: "Lower end of the interval the statement implies; null when unbounded below." })
  readonly lowerBound: number | null;

  @Field(() => Float, { nullable: true, description: "Upper end of the interval the statement implies; null when unbounded above." })
  readonly upperBound: number | null;

  @Field(() => Boolean, { description: "Whether the lower end itself is included (false for \"more than\" and when unbounded)." })
  readonly lowerInclusive: boolean;

  @Field(() => Boolean, { description: "Whether the upper end itself is included (false for \"less than\" and when unbounded)." })
  readonly upperInclusive: boolean;

  @Field(() => Float, {
    description:
      "The place value of the last digit the figure is written to: 1000000000 for \"2 billion\", 0.1 for \"8.6%\", 100000000 for \"9610亿\". A flat figure stands for every value that rounds to it at this precision. From the editors, the words as written, or the amount as news writes it.",
  })
  readonly precision: number;

  @Field(() => String, { nullable: true, description: "The value in the words of the first source stating it (\"more than 1.73 million\"; each citation has its own valueAsWritten); null when no archived source words it." })
  readonly asWritten: string | null;

  constructor(row: StatisticRow) {
    this.amount = row.amount;
    this.unit = row.unit;
    this.comparator = row.comparator as Comparator;
    this.lowerBound = row.lowerBound;
    this.upperBound = row.upperBound;
    this.lowerInclusive = row.lowerBound !== null && row.lowerClosed === 1;
    this.upperInclusive = row.upperBound !== null && row.upperClosed === 1;
    this.asWritten = row.valueAsWritten;
    this.precision = row.precision;
  }
}
