import { Field, ObjectType } from "type-graphql";
import { Quantity } from "../common/quantity.type.js";
import { StatisticValue } from "../statistic/statistic-value.type.js";
import { Statistic } from "../statistic/statistic.type.js";

/** One named input of a derived figure's formula. */
@ObjectType("DerivationInput", { description: "One named input of a derived figure's formula: the statistic it stands for and the interval the arithmetic used.", simpleResolvers: true })
export class DerivationInput {
  @Field(() => String, { description: "The name the formula uses, e.g. `sessions` in `sessions / days`." })
  readonly name: string;

  @Field(() => Statistic, { description: "The statistic the input stands for (e.g. the half-year session count)." })
  readonly statistic: Statistic;

  @Field(() => StatisticValue, { description: "The input's value as stated (the same as `statistic.value`)." })
  readonly value: StatisticValue;

  @Field(() => Quantity, {
    description:
      "The interval the arithmetic used for the input: taken as stated (EQUAL the exact number, APPROXIMATELY ±10%, bounds one-sided); rounding is allowed for once, on the derived figure.",
  })
  readonly asUsed: Quantity;

  constructor(name: string, statistic: Statistic, asUsed: Quantity) {
    this.name = name;
    this.statistic = statistic;
    this.value = statistic.value;
    this.asUsed = asUsed;
  }
}
