import { Field, ObjectType } from "type-graphql";
import type { ReportBasisRow } from "../../db/report.repo.js";
import { BasedOnRelation } from "./based-on-relation.enum.js";

/** A report another report is based on, and how. The `report` field is resolved in report-basis.resolver.ts. */
@ObjectType("ReportBasis", { description: "A report that another report is based on, and how.", simpleResolvers: true })
export class ReportBasis {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: ReportBasisRow;

  @Field(() => BasedOnRelation, { description: "Whether the report republishes the other's figures or computed its own from the other's data." })
  readonly relation: BasedOnRelation;

  @Field(() => Boolean, { description: "Whether the link is the editors' inference rather than stated by the report." })
  readonly inferred: boolean;

  @Field(() => String, { nullable: true, description: "Editors' note on the link." })
  readonly note: string | null;

  constructor(row: ReportBasisRow) {
    this.row = row;
    this.relation = row.relation as BasedOnRelation;
    this.inferred = row.inferred === 1;
    this.note = row.note;
  }
}
