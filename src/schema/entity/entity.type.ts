import { Field, ID, InterfaceType } from "type-graphql";
import type { EntityRow } from "../../db/entity.repo.js";
import { type NodeTypeName, toGlobalId } from "../common/global-id.js";
import { Node } from "../common/node.type.js";
import { URLScalar } from "../common/scalars.js";

/**
 * What every named thing shares: platforms, organizations, MCNs, brands, people, markets and
 * events. The implementing classes extend this one, so a row becomes an object once and the
 * shared fields are plain properties (served by the default resolver).
 */
@InterfaceType("Entity", {
  implements: Node,
  description: "A named thing statistics can be about or attributed to: a platform, organization, MCN, brand, person, market or event.",
})
export abstract class Entity {
  /** The stored row, for resolvers (not a GraphQL field). */
  readonly row: EntityRow;

  @Field(() => ID, { description: "Opaque global ID, stable across rebuilds (derived from the type and slug)." })
  readonly id: string;

  @Field(() => String, { description: "Stable natural key, e.g. `taobao-live` or `renmin-university`." })
  readonly slug: string;

  @Field(() => String, { description: "Name in English." })
  readonly name: string;

  @Field(() => String, { description: "What it is, in the editors' words." })
  readonly description: string;

  @Field(() => URLScalar, { nullable: true, description: "Official website, when known." })
  readonly website: string | null;

  protected constructor(row: EntityRow, type: NodeTypeName) {
    this.row = row;
    this.id = toGlobalId(type, row.slug);
    this.slug = row.slug;
    this.name = row.name;
    this.description = row.description;
    this.website = row.website;
  }
}
