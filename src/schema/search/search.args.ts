import { ArgsType, Field, Int } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../common/page-args.js";
import { MAX_QUERY_LENGTH } from "./search-query.js";
import { SearchType } from "./search-type.enum.js";

/** Arguments of a search. */
@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description: `What to look for (at most ${MAX_QUERY_LENGTH} characters): words (whole; \`word*\` for a prefix), "double-quoted phrases", AND / OR / NOT in capitals, and parentheses. Words side by side must all match. Everything else is plain text, so 1.73, live-streaming and e-commerce work as typed. Chinese text is matched by runs of characters: use a prefix (淘宝*) to match inside a longer run.`,
  })
  query!: string;

  @Field(() => [SearchType], { nullable: true, description: "Only results of these kinds; every kind when absent." })
  types?: SearchType[];

  @Field(() => Int, { nullable: true, description: `Return the first n results (1..${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}) after \`after\`.` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Return results after this cursor (from a previous page of the same search)." })
  after?: string;
}
