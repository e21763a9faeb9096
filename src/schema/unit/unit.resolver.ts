import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Metric } from "../metric/metric.type.js";
import { unitCatalog, unitOf } from "./unit-catalog.js";
import { Unit } from "./unit.type.js";

/** The closed set of units, and a metric's units with their names. */
@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => [Unit], {
    description:
      "Every unit the knowledge base uses, by code, with its names: the closed set values are stated in. A new countable unit is added by registering it in db/registry/units.yaml (the build refuses a metric whose unit is unknown).",
  })
  units(@Ctx() ctx: RequestContext): Unit[] {
    return [...unitCatalog(ctx).values()].map((u) => new Unit(u));
  }
}

/** A metric's units with their names. */
@Resolver(() => Metric)
export class MetricUnitResolver {
  @FieldResolver(() => [Unit], { description: "The units a value of this metric may be given in (`units`), with their names and symbols." })
  async unitDetails(@Root() m: Metric, @Ctx() ctx: RequestContext): Promise<Unit[]> {
    return (await ctx.loaders.metricUnits.load(m.row.id)).map((code) => new Unit(unitOf(ctx, code)));
  }
}
