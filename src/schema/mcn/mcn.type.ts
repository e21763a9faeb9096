import { ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { Entity } from "../entity/entity.type.js";

/** A multi-channel network (MCN): an agency that signs, trains and markets live-streaming hosts and influencers. */
@ObjectType("MCN", { implements: [Node, Entity], description: "A multi-channel network (MCN): an agency that signs, trains and markets live-streaming hosts and influencers.", simpleResolvers: true })
export class MCN extends Entity {
  constructor(row: EntityRow) {
    super(row, "MCN");
  }
}
