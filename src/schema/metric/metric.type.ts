import { Field, ID, ObjectType } from "type-graphql";
import type { MetricRow } from "../../db/metric.repo.js";
import { toGlobalId } from "../common/global-id.js";
import { Node } from "../common/node.type.js";
import { MetricQuantity } from "./metric-quantity.enum.js";

/** What is measured, defined once. Relations in metric.resolver.ts. */
@ObjectType("Metric", {
  implements: Node,
  description: "What is measured, defined once (e.g. gross merchandise value of live-streaming e-commerce), so that statistics of one metric, subject and period from different sources can be compared.",
  simpleResolvers: true,
})
export class Metric {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: MetricRow;

  @Field(() => ID, { description: "Opaque global ID, stable across rebuilds (derived from the slug)." })
  readonly id: string;

  @Field(() => String, { description: "Stable natural key, e.g. `live-commerce-gmv`." })
  readonly slug: string;

  @Field(() => String, { description: "Name in English." })
  readonly name: string;

  @Field(() => String, { description: "Definition: what exactly is counted." })
  readonly description: string;

  @Field(() => MetricQuantity, { description: "What kind of quantity it is (money, count, share, ...)." })
  readonly quantity: MetricQuantity;

  constructor(row: MetricRow) {
    this.row = row;
    this.id = toGlobalId("Metric", row.slug);
    this.slug = row.slug;
    this.name = row.name;
    this.description = row.description;
    this.quantity = row.quantity as MetricQuantity;
  }
}
