import { Field, Float, ObjectType } from "type-graphql";
import type { MetricRelationRow } from "../../db/metric.repo.js";
import { MetricRelation } from "./metric-relation.enum.js";

/** A metric related to another, and how. The `metric` field is resolved in related-metric.resolver.ts. */
@ObjectType("RelatedMetric", { description: "A metric related to another one, and how their values relate.", simpleResolvers: true })
export class RelatedMetric {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: MetricRelationRow;

  @Field(() => MetricRelation, { description: "Whether values convert exactly or measure a neighbouring thing." })
  readonly relation: MetricRelation;

  @Field(() => Float, { nullable: true, description: "For EQUIVALENT: value in the related metric = value × scale + offset." })
  readonly scale: number | null;

  @Field(() => Float, { nullable: true, description: "For EQUIVALENT: the offset of the conversion (0 when absent)." })
  readonly offset: number | null;

  @Field(() => String, { description: "How the two relate, in the editors' words." })
  readonly note: string;

  constructor(row: MetricRelationRow) {
    this.row = row;
    this.relation = row.relation as MetricRelation;
    this.scale = row.scale;
    this.offset = row.offset;
    this.note = row.note;
  }
}
