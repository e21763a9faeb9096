import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { KnowledgeBaseInfo } from "./knowledge-base-info.type.js";

/** Information about the served database. */
@Resolver()
export class KnowledgeBaseResolver {
  @Query(() => KnowledgeBaseInfo, { description: "Which version of the curated data is being served, and when it was built." })
  knowledgeBase(@Ctx() ctx: RequestContext): KnowledgeBaseInfo {
    return new KnowledgeBaseInfo(ctx.kb.build);
  }
}
