import { Field, Float, ObjectType } from "type-graphql";
import { Quantity } from "../common/quantity.type.js";
import { Comparator } from "../statistic/comparator.enum.js";

/** The value of a claimed figure as read. */
@ObjectType("ClaimedValue", {
  description: "The value a claim states, read from its words: \"over 10 million sessions\" is amount 10,000,000, unit sessions, comparator MORE_THAN, precision 1,000,000, interval (10,000,000, ∞).",
  simpleResolvers: true,
})
export class ClaimedValue {
  @Field(() => Float, { description: "The number read, scale words applied (\"1.73 million\" is 1730000, \"9610亿\" 961000000000); the lower end of a range." })
  readonly amount: number;

  @Field(() => Float, { nullable: true, description: "The upper end of a range (\"30–60%\"); null for every other comparator." })
  readonly upper: number | null;

  @Field(() => String, {
    description:
      "The unit read: CNY, USD, PERCENT, percentage-points, times, or the thing counted as the knowledge base names it (sessions, views, jobs, hosts, users, brands, companies, ...), with `/day` for daily rates; when the claim writes none, the matched metric's unit; empty when neither.",
  })
  readonly unit: string;

  @Field(() => String, { description: "The words the unit was read from (\"yuan\", \"percent\", \"job opportunities\", \"场\"); empty when none." })
  readonly unitAsWritten: string;

  @Field(() => Comparator, { description: "How the claim qualifies the number (\"over\", \"nearly\", \"at least\", 超过, 约, ...)." })
  readonly comparator: Comparator;

  @Field(() => Float, { description: "The place value of the last digit the claim writes (\"1.73 million\": 10000; \"4.1 percent\": 0.1): a flat figure stands for what rounds to it." })
  readonly precision: number;

  @Field(() => Quantity, { description: "The interval the claim is read as when compared: what rounds to a flat figure, ±10% for APPROXIMATELY, bounds as stated." })
  readonly interval: Quantity;

  constructor(fields: ClaimedValue) {
    this.amount = fields.amount;
    this.upper = fields.upper;
    this.unit = fields.unit;
    this.unitAsWritten = fields.unitAsWritten;
    this.comparator = fields.comparator;
    this.precision = fields.precision;
    this.interval = fields.interval;
  }
}
