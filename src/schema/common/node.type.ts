import { Field, ID, InterfaceType } from "type-graphql";

/** The Relay Node interface: anything with a global ID can be refetched with `node(id:)`. */
@InterfaceType("Node", { description: "An object with a stable global ID, refetchable with `node(id:)` or `nodes(ids:)`." })
export abstract class Node {
  @Field(() => ID, { description: "Opaque global ID, unique across types and stable across rebuilds of the knowledge base (it is derived from the slug)." })
  id!: string;
}
