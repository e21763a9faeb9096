/**
 * Derived statistics: a DERIVED statistic records its derivation and no other does, its
 * formula parses and uses only its inputs and the built-ins, each input is used, exists and is
 * not the statistic itself, and no statistic depends on itself through others.
 */
import { BUILTINS } from "../facts/formula.js";
import type { Period } from "../facts/period.js";
import type { DataFile } from "./data-file.js";
import type { StatisticRec } from "./model.js";
import { suggest } from "./problem-words.js";
import type { PathSegment } from "./problems.js";
import type { StatisticDefinition } from "./source-parts.js";
import type { ValidationContext } from "./validation-context.js";

/**
 * Checks a statistic's kind against its derivation, and the derivation's formula against its
 * inputs and `period` (the statistic's, resolved; null when it has none or it did not
 * resolve). Returns whether the statistic may be defined (an unused input does not stop it).
 */
export function checkDerivation(ctx: ValidationContext, s: StatisticDefinition, file: DataFile, path: PathSegment[], period: Period | null): boolean {
  let ok = true;
  if (s.kind === "DERIVED" && !s.derivation) {
    ctx.report(file, [...path, "derivation"], "a DERIVED statistic must record its derivation (formula and inputs)");
    ok = false;
  }
  if (s.kind !== "DERIVED" && s.derivation) {
    ctx.report(file, [...path, "kind"], `only DERIVED statistics have a derivation; this one is ${s.kind}`);
    ok = false;
  }
  if (!s.derivation) return ok;
  const f = ctx.memo.formula(s.derivation.formula);
  if ("error" in f) {
    ctx.report(file, [...path, "derivation", "formula"], `formula does not parse: ${f.error}`);
    return false;
  }
  const inputs = Object.keys(s.derivation.inputs);
  for (const name of f.variables) {
    if (name === "days" && period === null) {
      ctx.report(file, [...path, "derivation", "formula"], "the formula uses 'days' but the statistic has no period");
      ok = false;
    } else if (!inputs.includes(name) && !(BUILTINS as readonly string[]).includes(name)) {
      ctx.report(file, [...path, "derivation", "formula"], `the formula uses '${name}', which is neither an input nor a built-in (${BUILTINS.join(", ")})`);
      ok = false;
    }
  }
  for (const name of inputs) {
    if (!f.variables.includes(name)) ctx.report(file, [...path, "derivation", "inputs", name], `input '${name}' is not used by the formula`);
    if (s.derivation.inputs[name] === s.slug) ctx.report(file, [...path, "derivation", "inputs", name], "a statistic cannot be derived from itself");
  }
  return ok;
}

/**
 * Once every document has been read: each derivation input names a statistic (or one left
 * out for a problem already reported), and no statistic depends on itself through others.
 */
export function checkDerivationInputs(ctx: ValidationContext): void {
  for (const stat of ctx.derivationChecks) {
    const at: PathSegment[] = ["statistics", stat.definedAt];
    for (const input of stat.derivation!.inputs) {
      if (!ctx.statistics.has(input.statistic) && !ctx.leftOut.has(input.statistic)) {
        ctx.report(
          stat.definedIn,
          [...at, "derivation", "inputs", input.name],
          `derivation input '${input.name}' refers to unknown statistic '${input.statistic}'${suggest(input.statistic, ctx.statistics.keys())}`,
        );
      }
    }
    const cycle = findCycle(stat.slug, ctx.statistics);
    if (cycle) ctx.report(stat.definedIn, [...at, "derivation"], `derivation cycle: ${cycle.join(" -> ")}`);
  }
}

/** The chain of derivation inputs from `start` back to itself, or null when there is none. */
function findCycle(start: string, statistics: ReadonlyMap<string, StatisticRec>): string[] | null {
  const c = cycleFrom(start, statistics, []);
  return c && c[0] === start ? c : null;
}

/** The first loop of derivation inputs reached from `slug`, given the chain `stack` that led to it. */
function cycleFrom(slug: string, statistics: ReadonlyMap<string, StatisticRec>, stack: string[]): string[] | null {
  if (stack.includes(slug)) return [...stack.slice(stack.indexOf(slug)), slug];
  const s = statistics.get(slug);
  if (!s?.derivation) return null;
  stack.push(slug);
  for (const i of s.derivation.inputs) {
    const c = cycleFrom(i.statistic, statistics, stack);
    if (c) return c;
  }
  stack.pop();
  return null;
}
