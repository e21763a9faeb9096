import { ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { Entity } from "../entity/entity.type.js";

/** A person: a live-streaming host, an executive, a researcher. */
@ObjectType("Person", { implements: [Node, Entity], description: "A person: a live-streaming host, an executive, a researcher.", simpleResolvers: true })
export class Person extends Entity {
  constructor(row: EntityRow) {
    super(row, "Person");
  }
}
