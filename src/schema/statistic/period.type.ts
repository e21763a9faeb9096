import { Field, Int, ObjectType } from "type-graphql";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { LocalDateScalar } from "../common/scalars.js";

/** The time a figure refers to. */
@ObjectType("Period", {
  description: "The time a figure refers to, with both ends included. Relative phrases (\"last year\") are resolved against the source's publication date, and `resolution` says how.",
  simpleResolvers: true,
})
export class Period {
  @Field(() => LocalDateScalar, { description: "First day." })
  readonly start: string;

  @Field(() => LocalDateScalar, { description: "Last day (included)." })
  readonly end: string;

  @Field(() => String, { description: "Compact label: `2019`, `2020-H1`, `2020-Q1`, `2020-06`, `2020-06-18` or a span `2020-03/2020-06`." })
  readonly label: string;

  @Field(() => Int, { description: "Number of days from start to end, both included (leap days counted)." })
  readonly days: number;

  @Field(() => String, { nullable: true, description: "The period in the words of the first source stating it (\"in the first half of the year\"; each citation has its own periodAsWritten), when archived." })
  readonly asWritten: string | null;

  @Field(() => String, { nullable: true, description: "How a relative or unstated period was resolved (by the first source needing it), e.g. \"'last year' read relative to the publication date 2020-10-22: 2019\"." })
  readonly resolution: string | null;

  private constructor(row: StatisticRow & { periodStart: string; periodEnd: string }) {
    this.start = row.periodStart;
    this.end = row.periodEnd;
    this.label = row.periodLabel ?? row.periodStart;
    this.days = row.periodDays ?? 0;
    this.asWritten = row.periodAsWritten;
    this.resolution = row.periodResolution;
  }

  /** The period of a statistic, or null when it has none. */
  static of(row: StatisticRow): Period | null {
    return row.periodStart !== null && row.periodEnd !== null ? new Period(row as StatisticRow & { periodStart: string; periodEnd: string }) : null;
  }
}
