import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { Citation } from "../citation/citation.type.js";
import { loadProducers } from "../citation/load-producer.js";
import { Producer } from "../citation/producer.union.js";
import { entityNode } from "../entity/entity-node.js";
import { Entity } from "../entity/entity.type.js";
import { ProducerLink } from "./producer-link.type.js";

/** The members, organization and citation of a ProducerLink. */
@Resolver(() => ProducerLink)
export class ProducerLinkResolver {
  @FieldResolver(() => [Producer], {
    description: "The two members linked: for SAME_ORGANIZATION the two producing entities; for KNOWN_ECHO the producer the citation credits, then the one it echoes.",
  })
  async members(@Root() link: ProducerLink, @Ctx() ctx: RequestContext): Promise<(typeof Producer)[]> {
    return loadProducers(ctx, link.memberRefs);
  }

  @FieldResolver(() => Entity, {
    nullable: true,
    description: "SAME_ORGANIZATION: the organization (or platform) both members belong to, possibly one of them; null for KNOWN_ECHO.",
  })
  async organization(@Root() link: ProducerLink, @Ctx() ctx: RequestContext): Promise<Entity | null> {
    if (link.organizationId === null) return null;
    const row = await ctx.loaders.entityById.load(link.organizationId);
    return row && entityNode(row);
  }

  @FieldResolver(() => Citation, { nullable: true, description: "KNOWN_ECHO: the citation whose attribution records the echo (see `Citation.echoOf`); null for SAME_ORGANIZATION." })
  citation(@Root() link: ProducerLink): Citation | null {
    return link.citationRow && new Citation(link.citationRow);
  }
}
