import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/page-args.js";
import { OrganizationKind } from "./organization-kind.enum.js";

/** Arguments of the list of organizations. */
@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationKind, { nullable: true, description: "Only organizations of this kind (e.g. NEWS_PUBLISHER)." })
  kind?: OrganizationKind;
}
