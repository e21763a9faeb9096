import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../context.js";
import { fromGlobalId } from "../common/global-id.js";
import { MAX_PAGE_SIZE } from "../common/page-args.js";
import { Node } from "../common/node.type.js";
import { userError } from "../common/user-error.js";
import { type AnyNode, loadNode } from "./load-node.js";

/** Relay refetching: any object by its global ID. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null when nothing has it. An ID this API never issued is a user error." })
  async node(@Arg("id", () => ID, { description: "A global ID from any object's `id` field." }) id: string, @Ctx() ctx: RequestContext): Promise<AnyNode | null> {
    const { type, slug } = fromGlobalId(id, "id");
    return loadNode(ctx, type, slug);
  }

  @Query(() => [Node], { nullable: "items", description: `Objects by global ID, in the order asked (null where nothing has the ID); at most ${MAX_PAGE_SIZE} IDs.` })
  async nodes(@Arg("ids", () => [ID], { description: `Global IDs (at most ${MAX_PAGE_SIZE}).` }) ids: string[], @Ctx() ctx: RequestContext): Promise<(AnyNode | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw userError(`Argument ids may hold at most ${MAX_PAGE_SIZE} IDs, got ${ids.length}.`, "ids");
    const keys = ids.map((id) => fromGlobalId(id, "ids"));
    return Promise.all(keys.map(({ type, slug }) => loadNode(ctx, type, slug)));
  }
}
