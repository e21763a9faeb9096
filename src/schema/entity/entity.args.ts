import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/page-args.js";
import { EntityType } from "./entity-type.enum.js";

/** Arguments of the list of all entities. */
@ArgsType()
export class EntitiesArgs extends PageArgs {
  @Field(() => [EntityType], { nullable: true, description: "Only entities of these types; all types when absent." })
  types?: EntityType[];
}
