import { Field, ObjectType } from "type-graphql";
import type { UnitInfo } from "../../facts/unit-catalog.js";
import { UnitKind } from "./unit-kind.enum.js";

/** A unit with the names its figures are written in. */
@ObjectType("Unit", {
  description:
    "A unit figures are stated in, from a closed set: standard units (CNY, USD, PERCENT, percentage-points, times, calendar-year, hours, days, ...), the countable units the data editors register in db/registry/units.yaml (jobs, users, sessions, ...), and rates of them per a unit of time (sessions/day).",
  simpleResolvers: true,
})
export class Unit {
  @Field(() => String, { description: "The unit as values give it (`StatisticValue.unit`): `CNY`, `PERCENT`, `jobs`, `sessions/day`." })
  readonly code: string;

  @Field(() => UnitKind, { description: "What the unit measures, which decides how its figures are written." })
  readonly kind: UnitKind;

  @Field(() => String, { description: "English name of one, as it follows a number: \"yuan\", \"job\", \"session per day\"." })
  readonly singular: string;

  @Field(() => String, { description: "English name of several, as it follows a number: \"yuan\", \"jobs\", \"sessions per day\"." })
  readonly plural: string;

  @Field(() => String, { nullable: true, description: "Short sign for charts and tables: \"¥\", \"US$\", \"%\", \"pp\", \"×\", \"h\"; null when the plural is written instead." })
  readonly symbol: string | null;

  @Field(() => String, { description: "What follows a number in Chinese, measure word included: \"元\", \"个就业岗位\", \"场直播/天\"." })
  readonly chinese: string;

  @Field(() => String, { description: "What the unit is, in a sentence." })
  readonly description: string;

  constructor(u: UnitInfo) {
    this.code = u.code;
    this.kind = u.kind as UnitKind;
    this.singular = u.singular;
    this.plural = u.plural;
    this.symbol = u.symbol;
    this.chinese = u.zh;
    this.description = u.description;
  }
}
