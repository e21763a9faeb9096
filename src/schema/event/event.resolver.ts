import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { PageArgs } from "../common/page-args.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { EventConnection } from "./event-connection.type.js";
import { Event } from "./event.type.js";

/** Root lookups of events and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "One event by slug, e.g. `618-festival-2020`; null when no event has it." })
  async event(@Arg("slug", () => String, { description: "Slug of the event." }) slug: string, @Ctx() ctx: RequestContext): Promise<Event | null> {
    return entityBySlug(ctx, slug, Event);
  }

  @Query(() => EventConnection, { description: "All events, by slug." })
  events(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, EventConnection, { types: ["EVENT"] }, args, (r) => new Event(r));
  }

  @FieldResolver(() => Event, { nullable: true, description: "The larger event this one is part of, when recorded." })
  async partOf(@Root() e: Event, @Ctx() ctx: RequestContext): Promise<Event | null> {
    return relatedEntity(ctx, e.row.parentId, Event);
  }
}
