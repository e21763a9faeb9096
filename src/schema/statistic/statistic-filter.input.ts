import { Field, InputType } from "type-graphql";
import { LocalDateScalar } from "../common/scalars.js";
import { StatisticKind } from "./statistic-kind.enum.js";

/** Conditions on statistics; every condition given must hold. */
@InputType("StatisticFilter", { description: "Conditions on statistics; every condition given must hold. Slugs that name nothing are a user error." })
export class StatisticFilter {
  @Field(() => String, { nullable: true, description: "Slug of the metric measured, e.g. `live-commerce-gmv`." })
  metric?: string;

  @Field(() => String, { nullable: true, description: "Slug of the entity the figure is about, e.g. `china-live-commerce` or `taobao-live`." })
  subject?: string;

  @Field(() => String, { nullable: true, description: "Slug of the event the figure belongs to, e.g. `618-festival-2020`; figures of its sub-events (a presale, a first day) are included." })
  event?: string;

  @Field(() => StatisticKind, { nullable: true, description: "Only figures of this kind (e.g. leave out forecasts by asking for MEASUREMENT)." })
  kind?: StatisticKind;

  @Field(() => String, { nullable: true, description: "Only values in this unit, e.g. `CNY`, `PERCENT`, `sessions`." })
  unit?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Period overlap: only figures whose period ends on or after this day. Figures without a period are excluded." })
  periodFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Period overlap: only figures whose period starts on or before this day. Figures without a period are excluded." })
  periodTo?: string;

  @Field(() => String, { nullable: true, description: "Slug of a source: only figures that source states." })
  source?: string;

  @Field(() => String, { nullable: true, description: "Slug of an entity: only figures it originally produced (following attributions and republished reports)." })
  producer?: string;

  @Field(() => Boolean, { nullable: true, description: "true: only figures with at least one quote that verified against its archive when the database was built; false: only figures without one." })
  hasVerifiedQuote?: boolean;
}
