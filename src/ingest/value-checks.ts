/**
 * Checks of a stated value and of the market and event hierarchies that the schemas cannot
 * express: a BETWEEN range needs its top, a precision must fit the amount, a sub-event lies
 * within its parent's dates, and no chain of `partOf` links returns to where it started.
 */
import { ancestors } from "../facts/agreement-scope.js";
import { fitsPrecision } from "../facts/precision.js";
import type { EntityRec } from "./model.js";
import type { StatisticInput } from "./schemas.js";

/** What is wrong with a stated value, as [field, reason] pairs; none for a good value. */
export function valueProblems(v: StatisticInput["value"]): [string, string][] {
  const out: [string, string][] = [];
  if (v.comparator === "BETWEEN") {
    if (v.upper === undefined) out.push(["upper", "a BETWEEN value needs its upper end: amount is the lower end, upper the higher (30–60% is amount 30, upper 60)"]);
    else if (!(v.upper > v.amount)) out.push(["upper", `the upper end (${v.upper}) must be above the lower end (${v.amount})`]);
  } else if (v.upper !== undefined) {
    out.push(["upper", `only a BETWEEN value has an upper end; this one is ${v.comparator}`]);
  }
  if (v.precision !== undefined && !fitsPrecision(v.amount, v.precision)) {
    out.push(["precision", `${v.amount} is not a whole number of ${v.precision}: the precision is the place value of the last digit written (2 billion: 1000000000; 8.6%: 0.1)`]);
  }
  return out;
}

/**
 * Reports, through `report(slug, field, reason)`, each market or event whose chain of `partOf`
 * links comes back to itself, and each sub-event whose dates leave its parent's.
 */
export function checkHierarchies(entities: ReadonlyMap<string, EntityRec>, report: (slug: string, field: string, reason: string) => void): void {
  const parents = new Map<string, string>();
  for (const e of entities.values()) {
    if ((e.type === "MARKET" || e.type === "EVENT") && e.parent !== null && entities.has(e.parent)) parents.set(e.slug, e.parent);
  }
  for (const e of entities.values()) {
    if (!parents.has(e.slug)) continue;
    if (ancestors(e.slug, parents).includes(e.slug)) {
      report(e.slug, "partOf", `'${e.slug}' is part of itself through its chain of partOf links`);
      continue;
    }
    const parent = entities.get(e.parent!)!;
    if (e.type !== "EVENT" || parent.start === null || parent.end === null) continue;
    if ((e.start !== null && e.start < parent.start) || (e.end !== null && e.end > parent.end)) {
      report(e.slug, "start", `event '${e.slug}' (${e.start ?? "?"} to ${e.end ?? "?"}) lies outside the dates of '${parent.slug}', which it is part of (${parent.start} to ${parent.end})`);
    }
  }
}
