import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Node } from "../common/node.type.js";
import { type AnyNode, loadNodeByRow } from "../node/load-node.js";
import { ProvenanceStep } from "./provenance-step.type.js";

/** The objects a ProvenanceStep connects. */
@Resolver(() => ProvenanceStep)
export class ProvenanceStepResolver {
  @FieldResolver(() => [Node], {
    description:
      "What the step connects, in reading order: the Source read, the input Statistics, the Report or entity credited, the republishing report then the original, the report then its authors. Empty for NO_ATTRIBUTION_STATED.",
  })
  async subjects(@Root() step: ProvenanceStep, @Ctx() ctx: RequestContext): Promise<AnyNode[]> {
    const nodes = await Promise.all(step.refs.map((ref) => loadNodeByRow(ctx, ref.type, Number(ref.id))));
    return nodes.filter((n): n is AnyNode => n !== null);
  }
}
