import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context.js";
import { loadPresent } from "../common/load-all.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { Report } from "../report/report.type.js";
import { ProducerGroup } from "./producer-group.type.js";

/** The entities and reports of a ProducerGroup. */
@Resolver(() => ProducerGroup)
export class ProducerGroupResolver {
  @FieldResolver(() => [Entity], { description: "The producing entities (a report's authors, or the entity credited directly), in order of first appearance." })
  async entities(@Root() g: ProducerGroup, @Ctx() ctx: RequestContext): Promise<Entity[]> {
    return (await loadPresent(ctx.loaders.entityById, g.entityIds)).map(entityNode);
  }

  @FieldResolver(() => [Report], { description: "The producing reports (after following reports that republish others); empty when the entity is credited directly." })
  async reports(@Root() g: ProducerGroup, @Ctx() ctx: RequestContext): Promise<Report[]> {
    return (await loadPresent(ctx.loaders.reportById, g.reportIds)).map((r) => new Report(r));
  }
}
