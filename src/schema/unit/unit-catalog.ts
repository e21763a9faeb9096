import type { RequestContext } from "../context.js";
import { type UnitInfo, unitForWords } from "../../facts/unit-catalog.js";

/**
 * The units of a knowledge base by code, read once (one statement) and kept for the life of
 * the open database, which never changes while it is served (its analysis
 * `unitCatalog`, src/cache/caches.ts).
 */
export function unitCatalog(ctx: RequestContext): ReadonlyMap<string, UnitInfo> {
  return ctx.kb.analyses.get("unitCatalog", (): ReadonlyMap<string, UnitInfo> => new Map(ctx.repos.units.all().map((u) => [u.code, u])));
}

/**
 * The unit of a code with its names: from the catalog, or — for a unit a formula computed
 * ("CNY*sessions", a plain number) — read from the code by the catalog's rules.
 */
export function unitOf(ctx: RequestContext, code: string): UnitInfo {
  const catalog = unitCatalog(ctx);
  return catalog.get(code) ?? unitForWords(code, catalog);
}
