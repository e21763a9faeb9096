import { ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { Entity } from "../entity/entity.type.js";

/** A brand whose (live-streaming) sales are recorded. */
@ObjectType("Brand", { implements: [Node, Entity], description: "A brand whose (live-streaming) sales are recorded.", simpleResolvers: true })
export class Brand extends Entity {
  constructor(row: EntityRow) {
    super(row, "Brand");
  }
}
