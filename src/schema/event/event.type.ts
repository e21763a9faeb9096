import { Field, ObjectType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { Node } from "../common/node.type.js";
import { LocalDateScalar } from "../common/scalars.js";
import { Entity } from "../entity/entity.type.js";

/** A dated happening: a shopping festival, a notable live stream. */
@ObjectType("Event", {
  implements: [Node, Entity],
  description: "A dated happening, such as the 2020 mid-year 618 shopping festival or a notable live stream.",
  simpleResolvers: true,
})
export class Event extends Entity {
  @Field(() => LocalDateScalar, { nullable: true, description: "First day, when known." })
  readonly start: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day, when known." })
  readonly end: string | null;

  constructor(row: EntityRow) {
    super(row, "Event");
    this.start = row.startDate;
    this.end = row.endDate;
  }
}
