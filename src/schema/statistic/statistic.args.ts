import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/page-args.js";
import { StatisticFilter } from "./statistic-filter.input.js";
import { StatisticOrder } from "./statistic-order.input.js";

/** Arguments of every list of statistics: a filter, an order and Relay pagination. */
@ArgsType()
export class StatisticsArgs extends PageArgs {
  @Field(() => StatisticFilter, { nullable: true, description: "Conditions the statistics must meet." })
  filter?: StatisticFilter;

  @Field(() => StatisticOrder, { nullable: true, description: "Sort order; by period, earliest first, when absent." })
  orderBy?: StatisticOrder;
}
