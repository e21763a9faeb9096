import { ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { Entity } from "../entity/entity.type.js";

/** A market, sector or population that statistics describe, such as China's live-streaming e-commerce market. */
@ObjectType("Market", { implements: [Node, Entity], description: "A market, sector or population that statistics describe, such as China's live-streaming e-commerce market.", simpleResolvers: true })
export class Market extends Entity {
  constructor(row: EntityRow) {
    super(row, "Market");
  }
}
