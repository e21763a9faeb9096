import type { z } from "zod";
import { STANDARD_UNITS, type UnitInfo, resolveUnit } from "../facts/unit-catalog.js";
import type { DataFile } from "./data-file.js";
import type { PathSegment } from "./problems.js";
import type { MetricInput, UnitInput } from "./schemas.js";
import type { Located } from "./located.js";

type Report = (file: DataFile, path: PathSegment[], reason: string) => void;

/**
 * Checks the units registry (db/registry/units.yaml) and every metric's units against it, and
 * returns the units the knowledge base uses, with their names, by code: the registered ones
 * and every standard unit or rate a metric lists. Problems reported:
 *
 * - a registered unit that repeats another, or redefines a standard one (CNY, PERCENT, hours...);
 * - a registered currency without a symbol (charts write "¥1 tn", so a currency needs one);
 * - a metric unit that is neither standard, nor registered, nor a rate of one of them per a
 *   unit of time ("sessions/day"): the message says to register it, so a new countable unit
 *   is a data change.
 */
export function checkUnits(registry: readonly Located<z.infer<typeof UnitInput>>[], metrics: readonly Located<z.infer<typeof MetricInput>>[], report: Report): UnitInfo[] {
  const registered = new Map<string, UnitInfo>();
  for (const { value: v, file, path } of registry) {
    if (STANDARD_UNITS.has(v.slug)) {
      report(file, [...path, "slug"], `'${v.slug}' is a standard unit, named in the code (src/facts/unit-catalog.ts); remove this entry`);
      continue;
    }
    if (registered.has(v.slug)) {
      report(file, [...path, "slug"], `duplicate unit '${v.slug}'`);
      continue;
    }
    if (v.kind === "CURRENCY" && !v.symbol) report(file, [...path, "symbol"], "a currency needs a symbol (such as HK$) for the short form of its figures");
    registered.set(v.slug, { code: v.slug, kind: v.kind, singular: v.singular, plural: v.plural, symbol: v.symbol ?? null, zh: v.zh, description: v.description });
  }
  const used = new Map<string, UnitInfo>(registered);
  for (const { value: m, file, path } of metrics) {
    m.units.forEach((code, i) => {
      const unit = resolveUnit(code, registered);
      if (unit) used.set(code, unit);
      else {
        report(
          file,
          [...path, "units", i],
          `unknown unit '${code}': register it in registry/units.yaml with its names, or use a standard unit (${[...STANDARD_UNITS.keys()].join(", ")}) or a rate such as 'sessions/day'`,
        );
      }
    });
  }
  return [...used.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
