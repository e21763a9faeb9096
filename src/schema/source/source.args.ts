import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/page-args.js";
import { SourceKind } from "./source-kind.enum.js";

/** Arguments of the list of sources. */
@ArgsType()
export class SourcesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only documents of this publisher (organization slug, e.g. `peoples-daily-online`)." })
  publisher?: string;

  @Field(() => SourceKind, { nullable: true, description: "Only documents of this kind." })
  kind?: SourceKind;
}
