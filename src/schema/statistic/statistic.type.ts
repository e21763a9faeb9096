import { Field, ID, ObjectType } from "type-graphql";
import type { StatisticRow } from "../../db/statistic.repo.js";
import { toGlobalId } from "../common/global-id.js";
import { Node } from "../common/node.type.js";
import { Period } from "./period.type.js";
import { StatisticKind } from "./statistic-kind.enum.js";
import { StatisticValue } from "./statistic-value.type.js";

/**
 * One figure as stated: a metric of a subject over a period, with its value, kind and the
 * citations that state it. Relations (metric, subject, citations, producers) are resolved in
 * statistic.resolver.ts; the fact-checking fields (derivation, agreement, producing reports,
 * corroboration, provenance, cite) in statistic-facts.resolver.ts.
 */
@ObjectType("Statistic", {
  implements: Node,
  description:
    "One figure as stated: a metric of a subject over a period, with its value, its kind and the citations that state it. Two documents stating the same value for the same metric, subject and period support one statistic with two citations.",
  simpleResolvers: true,
})
export class Statistic {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: StatisticRow;

  @Field(() => ID, { description: "Opaque global ID, stable across rebuilds (derived from the slug)." })
  readonly id: string;

  @Field(() => String, { description: "Stable natural key, e.g. `taobao-live-jobs-created-over-1-73m`." })
  readonly slug: string;

  @Field(() => StatisticKind, { description: "Measurement, estimate, forecast, survey result or derived figure." })
  readonly kind: StatisticKind;

  @Field(() => StatisticValue, { description: "The value as stated and the interval it implies." })
  readonly value: StatisticValue;

  @Field(() => Period, { nullable: true, description: "The time the figure refers to; null when the documents give none (e.g. jobs created so far)." })
  readonly period: Period | null;

  @Field(() => String, { nullable: true, description: "Editors' note on how the figure was read." })
  readonly note: string | null;

  constructor(row: StatisticRow) {
    this.row = row;
    this.id = toGlobalId("Statistic", row.slug);
    this.slug = row.slug;
    this.kind = row.kind as StatisticKind;
    this.value = new StatisticValue(row);
    this.period = Period.of(row);
    this.note = row.note;
  }
}
