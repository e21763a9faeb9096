import { ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { Entity } from "../entity/entity.type.js";

/** A live-streaming or e-commerce platform, such as Taobao Live, Douyin or Kuaishou. */
@ObjectType("Platform", { implements: [Node, Entity], description: "A live-streaming or e-commerce platform, such as Taobao Live, Douyin or Kuaishou.", simpleResolvers: true })
export class Platform extends Entity {
  constructor(row: EntityRow) {
    super(row, "Platform");
  }
}
