import { Field, ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { Entity } from "../entity/entity.type.js";
import { OrganizationKind } from "./organization-kind.enum.js";

/** A company, government agency, university, research institute, consultancy or publisher. */
@ObjectType("Organization", {
  implements: [Node, Entity],
  description: "A company, government agency, university, research institute, consultancy or news publisher, e.g. KPMG, the Ministry of Commerce, Renmin University of China.",
  simpleResolvers: true,
})
export class Organization extends Entity {
  @Field(() => OrganizationKind, { description: "What kind of organization it is." })
  readonly kind: OrganizationKind;

  constructor(row: EntityRow) {
    super(row, "Organization");
    this.kind = (row.orgKind ?? "OTHER") as OrganizationKind;
  }
}
