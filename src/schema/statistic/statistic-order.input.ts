import { Field, InputType } from "type-graphql";
import { OrderDirection } from "../common/order-direction.enum.js";
import { StatisticOrderField } from "./statistic-order-field.enum.js";

/** How to sort a list of statistics. */
@InputType("StatisticOrder", { description: "How to sort statistics. Ties are broken by an internal id in the same direction; figures without the sort key (no period, undated sources) come last in both directions." })
export class StatisticOrder {
  @Field(() => StatisticOrderField, { description: "What to sort by." })
  field!: StatisticOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Sort direction." })
  direction!: OrderDirection;
}

/** The order used when none is given: by period, earliest first. */
export const DEFAULT_STATISTIC_ORDER: { field: StatisticOrderField; direction: OrderDirection } = {
  field: StatisticOrderField.PERIOD,
  direction: OrderDirection.ASC,
};
