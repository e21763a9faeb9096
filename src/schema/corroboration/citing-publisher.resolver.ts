import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { loadPresent } from "../common/load-all.js";
import { relatedEntity } from "../entity/entity-list.js";
import { Organization } from "../organization/organization.type.js";
import { Source } from "../source/source.type.js";
import { CitingPublisher } from "./citing-publisher.type.js";

/** The publisher and sources of a CitingPublisher. */
@Resolver(() => CitingPublisher)
export class CitingPublisherResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The publisher; null for a document that names no publisher (it then counts as a publisher of its own)." })
  async publisher(@Root() p: CitingPublisher, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, p.publisherId, Organization);
  }

  @FieldResolver(() => [Source], { description: "The documents of this publisher that state the figure." })
  async sources(@Root() p: CitingPublisher, @Ctx() ctx: RequestContext): Promise<Source[]> {
    return (await loadPresent(ctx.loaders.sourceById, p.sourceIds)).map((r) => new Source(r));
  }
}
