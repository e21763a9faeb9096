import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Metric } from "./metric.type.js";
import { RelatedMetric } from "./related-metric.type.js";

/** The metric a RelatedMetric points at. */
@Resolver(() => RelatedMetric)
export class RelatedMetricResolver {
  @FieldResolver(() => Metric, { description: "The related metric." })
  async metric(@Root() r: RelatedMetric, @Ctx() ctx: RequestContext): Promise<Metric> {
    return new Metric((await ctx.loaders.metricById.load(r.row.relatedId))!);
  }
}
