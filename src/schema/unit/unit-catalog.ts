import type { RequestContext } from "../../context.js";
import type { KnowledgeBase } from "../../db/open.js";
import { type UnitInfo, unitForWords } from "../../facts/unit-catalog.js";

const catalogs = new WeakMap<KnowledgeBase, ReadonlyMap<string, UnitInfo>>();

/**
 * The units of a knowledge base by code, read once (one statement) and kept for the life of
 * the open database, which never changes while it is served.
 */
export function unitCatalog(ctx: RequestContext): ReadonlyMap<string, UnitInfo> {
  let catalog = catalogs.get(ctx.kb);
  if (!catalog) {
    catalog = new Map(ctx.repos.units.all().map((u) => [u.code, u]));
    catalogs.set(ctx.kb, catalog);
  }
  return catalog;
}

/**
 * The unit of a code with its names: from the catalog, or — for a unit a formula computed
 * ("CNY*sessions", a plain number) — read from the code by the catalog's rules.
 */
export function unitOf(ctx: RequestContext, code: string): UnitInfo {
  const catalog = unitCatalog(ctx);
  return catalog.get(code) ?? unitForWords(code, catalog);
}
