import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { loadPresent } from "../common/load-all.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { Report } from "../report/report.type.js";
import { ProducerGroup } from "./producer-group.type.js";
import { ProducerLink } from "./producer-link.type.js";

/** The entities, reports and links of a ProducerGroup. */
@Resolver(() => ProducerGroup)
export class ProducerGroupResolver {
  @FieldResolver(() => [Entity], { description: "The producing entities (a report's authors, an entity credited directly, or one the editors know a credited producer echoes), in order of first appearance." })
  async entities(@Root() g: ProducerGroup, @Ctx() ctx: RequestContext): Promise<Entity[]> {
    return (await loadPresent(ctx.loaders.entityById, g.entityIds)).map(entityNode);
  }

  @FieldResolver(() => [Report], { description: "The producing reports (after following reports that republish others); empty when the entity is credited directly." })
  async reports(@Root() g: ProducerGroup, @Ctx() ctx: RequestContext): Promise<Report[]> {
    return (await loadPresent(ctx.loaders.reportById, g.reportIds)).map((r) => new Report(r));
  }

  @FieldResolver(() => [ProducerLink], {
    description:
      "Why members that share no report are one producer: SAME_ORGANIZATION (e.g. Taobao Live and Taobao, the platform it is part of) or KNOWN_ECHO (the editors record that one copied the other's figure). Empty when the group is one entity or the authors of one report.",
  })
  links(@Root() g: ProducerGroup): ProducerLink[] {
    return [...g.producerLinks];
  }
}
