import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context.js";
import type { ProvenanceRef } from "../../facts/provenance.js";
import { Node } from "../common/node.type.js";
import { entityNode } from "../entity/entity-node.js";
import type { AnyNode } from "../node/load-node.js";
import { Report } from "../report/report.type.js";
import { Source } from "../source/source.type.js";
import { Statistic } from "../statistic/statistic.type.js";
import { ProvenanceStep } from "./provenance-step.type.js";

/** The objects a ProvenanceStep connects. */
@Resolver(() => ProvenanceStep)
export class ProvenanceStepResolver {
  @FieldResolver(() => [Node], {
    description:
      "What the step connects, in reading order: the Source read, the input Statistics, the Report or entity credited, the republishing report then the original, the report then its authors. Empty for NO_ATTRIBUTION_STATED.",
  })
  async subjects(@Root() step: ProvenanceStep, @Ctx() ctx: RequestContext): Promise<AnyNode[]> {
    const nodes = await Promise.all(step.refs.map((ref) => refNode(ref, ctx)));
    return nodes.filter((n): n is AnyNode => n !== null);
  }
}

async function refNode(ref: ProvenanceRef, ctx: RequestContext): Promise<AnyNode | null> {
  const id = Number(ref.id);
  switch (ref.type) {
    case "SOURCE": {
      const r = await ctx.loaders.sourceById.load(id);
      return r && new Source(r);
    }
    case "REPORT": {
      const r = await ctx.loaders.reportById.load(id);
      return r && new Report(r);
    }
    case "ENTITY": {
      const r = await ctx.loaders.entityById.load(id);
      return r && entityNode(r);
    }
    case "STATISTIC": {
      const r = await ctx.loaders.statisticById.load(id);
      return r && new Statistic(r);
    }
  }
}
