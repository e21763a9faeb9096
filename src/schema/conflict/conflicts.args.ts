import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/page-args.js";

/** Arguments of the conflicts listing: an optional metric and Relay pagination. */
@ArgsType()
export class ConflictsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Slug of a metric: only groups with a statistic of it, e.g. `live-commerce-gmv`. A slug that names no metric is a user error." })
  metric?: string;
}
