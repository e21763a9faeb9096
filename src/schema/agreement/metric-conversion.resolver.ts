import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Metric } from "../metric/metric.type.js";
import { MetricConversion } from "./metric-conversion.type.js";

/** The metrics a MetricConversion converts between. */
@Resolver(() => MetricConversion)
export class MetricConversionResolver {
  @FieldResolver(() => Metric, { description: "The other statistic's metric, converted from." })
  async fromMetric(@Root() c: MetricConversion, @Ctx() ctx: RequestContext): Promise<Metric> {
    return new Metric((await ctx.loaders.metricById.load(c.fromMetricId))!);
  }

  @FieldResolver(() => Metric, { description: "This statistic's metric, converted into." })
  async toMetric(@Root() c: MetricConversion, @Ctx() ctx: RequestContext): Promise<Metric> {
    return new Metric((await ctx.loaders.metricById.load(c.toMetricId))!);
  }
}
