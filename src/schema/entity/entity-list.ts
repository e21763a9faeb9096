import type { EntityCriteria, EntityRow } from "../../db/entity.repo.js";
import type { RequestContext } from "../context.js";
import { type ConnectionClass, type ConnectionShape, toConnection } from "../common/connection.js";
import { type PageArgs, pageWindow } from "../common/page-args.js";
import { entityOfClass } from "./entity-node.js";
import type { Entity } from "./entity.type.js";

/** A page of entities meeting the criteria, by slug. Every entity list shares this order and its cursors. */
export function entityConnection<T>(
  ctx: RequestContext,
  Connection: ConnectionClass<T>,
  criteria: EntityCriteria,
  args: PageArgs,
  wrap: (row: EntityRow) => T,
): ConnectionShape<T> {
  const page = ctx.repos.entities.page(criteria, pageWindow(args, "entity:slug"));
  return toConnection(Connection, "entity:slug", page, wrap, () => ctx.repos.entities.count(criteria));
}

/** The entity with a slug when it is of the given class (a `platform(slug:)` lookup of an organization gives null). */
export async function entityBySlug<T extends Entity>(ctx: RequestContext, slug: string, cls: abstract new (...args: never[]) => T): Promise<T | null> {
  return entityOfClass(await ctx.loaders.entityBySlug.load(slug), cls);
}

/** The related entity (operator, parent, publisher, event, ...) when set and of the given class. */
export async function relatedEntity<T extends Entity>(ctx: RequestContext, id: number | null, cls: abstract new (...args: never[]) => T): Promise<T | null> {
  return id === null ? null : entityOfClass(await ctx.loaders.entityById.load(id), cls);
}
