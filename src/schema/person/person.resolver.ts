import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../context.js";
import { PageArgs } from "../common/page-args.js";
import { entityBySlug, entityConnection, relatedEntity } from "../entity/entity-list.js";
import { Organization } from "../organization/organization.type.js";
import { PersonConnection } from "./person-connection.type.js";
import { Person } from "./person.type.js";

/** Root lookups of persons and their own relations (shared entity fields are in entity.resolver.ts). */
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One person by slug, e.g. `li-jiaqi`; null when no person has it." })
  async person(@Arg("slug", () => String, { description: "Slug of the person." }) slug: string, @Ctx() ctx: RequestContext): Promise<Person | null> {
    return entityBySlug(ctx, slug, Person);
  }

  @Query(() => PersonConnection, { description: "All persons, by slug." })
  people(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return entityConnection(ctx, PersonConnection, { types: ["PERSON"] }, args, (r) => new Person(r));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization the person works for or represents, when recorded." })
  async affiliation(@Root() e: Person, @Ctx() ctx: RequestContext): Promise<Organization | null> {
    return relatedEntity(ctx, e.row.parentId, Organization);
  }
}
