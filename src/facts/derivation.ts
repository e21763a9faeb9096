/**
 * Checking a derived figure against its inputs. "That equates to an average of more than
 * 50,000 sessions per day" is recorded with the formula `sessions / days` and its input, the
 * half-year count "over 10 million". The check recomputes the formula with interval arithmetic
 * and units, then compares the result with what the source states:
 *
 * - CONSISTENT: the recomputed interval meets the stated value's reading interval
 *   (`readingInterval`: a flat figure is read as a rounding, so EQUAL 260,000,000 allows
 *   255,000,000 to 265,000,000). The explanation says whether the arithmetic *implies* the
 *   stated figure ("which satisfies") or only leaves room for it ("which allows").
 * - INCONSISTENT: the two share no value; the stated figure cannot follow from its inputs.
 * - UNCHECKABLE: an input is missing, the formula does not parse, units do not combine or do
 *   not give the stated unit, or `days` is needed and the statistic has no period.
 *
 * Inputs are taken as stated (EQUAL is the exact number, APPROXIMATELY ±10 %, bounds one-sided);
 * rounding is allowed for once, on the stated result, so the arithmetic shown is exactly what
 * was computed.
 */
import { type Formula, parseFormula } from "./formula.js";
import { type Comparator, type Interval, contains, isEmpty, overlaps, readingInterval } from "./interval.js";
import { defaultPrecision } from "./precision.js";
import { decimalsOf, describeStated, exactNumber, formatNumber, formatRelation } from "./number-format.js";
import {
  type Quantity,
  type QuantityResult,
  addQuantities,
  constant,
  daysQuantity,
  divideQuantities,
  multiplyQuantities,
  negateQuantity,
  statedQuantity,
  subtractQuantities,
} from "./quantity.js";
import { describeUnit, normalizeUnit, parseUnit, unitSatisfies } from "./units.js";

/** The outcome of checking a derived figure. */
export type DerivationVerdict = "CONSISTENT" | "INCONSISTENT" | "UNCHECKABLE";

/** One named input of a formula, as stated by its own statistic. */
export interface DerivationInput {
  /** The name the formula uses, e.g. "sessions". */
  readonly name: string;
  readonly comparator: Comparator;
  readonly amount: number;
  readonly unit: string;
  /** The top of a BETWEEN range; absent or null otherwise. */
  readonly upper?: number | null;
}

/** The derived statistic: its formula and what the source states. */
export interface DerivedStatement {
  readonly formula: string;
  readonly comparator: Comparator;
  readonly amount: number;
  readonly unit: string;
  /** The place value of the last digit written: a flat figure stands for what rounds to it (`defaultPrecision` of the amount when absent). */
  readonly precision?: number;
  /** The top of a BETWEEN range; absent or null otherwise. */
  readonly upper?: number | null;
  /** The statistic's period; `days` in the formula is its length. Null when none is stated. */
  readonly period: { readonly label: string; readonly days: number } | null;
}

/** The result of a derivation check, ready for the API. */
export interface DerivationCheck {
  readonly formula: string;
  readonly inputs: readonly DerivationInput[];
  /** The recomputed interval with its unit; null when the formula could not be evaluated. */
  readonly recomputed: Quantity | null;
  /** The interval the stated value is read as (`readingInterval`). */
  readonly stated: Quantity;
  readonly verdict: DerivationVerdict;
  /** The arithmetic and the conclusion in words, e.g. `10,000,000 sessions / 182 days of 2020-H1 > 54,945 sessions/day, which satisfies "more than 50,000"`. */
  readonly explanation: string;
}

/**
 * Recomputes a derived statistic from its inputs and says whether the stated figure follows.
 * Inputs are matched to the formula by name; extra inputs are ignored.
 */
export function checkDerivation(derived: DerivedStatement, inputs: readonly DerivationInput[]): DerivationCheck {
  const value = { comparator: derived.comparator, amount: derived.amount, upper: derived.upper ?? null, precision: derived.precision ?? defaultPrecision(derived.amount) };
  const stated: Quantity = { interval: readingInterval(value), unit: normalizeUnit(derived.unit) };
  const statedWords = `"${describeStated(derived.comparator, derived.amount, value.upper)}"`;
  const base = { formula: derived.formula, inputs, stated };
  const uncheckable = (why: string, recomputed: Quantity | null = null): DerivationCheck => ({
    ...base,
    recomputed,
    verdict: "UNCHECKABLE",
    explanation: `cannot check ${statedWords}: ${why}`,
  });

  const formula = parseFormula(derived.formula);
  if ("error" in formula) return uncheckable(`the formula "${derived.formula}" does not parse (${formula.error})`);

  const byName = new Map(inputs.map((i) => [i.name, i]));
  const env: FormulaEnvironment = { inputs: byName, period: derived.period };
  const result = evaluate(formula, env);
  if ("error" in result) return uncheckable(result.error);

  const shown = `${renderFormula(formula, env, false)} ${formatRelation(result.interval, decimalsOf(derived.amount))} ${normalizeUnit(result.unit)}`.trimEnd();
  const resultUnit = parseUnit(result.unit);
  const statedUnit = parseUnit(stated.unit);
  if (!unitSatisfies(resultUnit, statedUnit)) {
    return uncheckable(`${shown}, but the statistic is stated in ${describeUnit(statedUnit)}, not ${describeUnit(resultUnit)}`, result);
  }
  if (isEmpty(result.interval)) return uncheckable(`${shown}: the inputs admit no value`, result);

  if (!overlaps(result.interval, stated.interval)) {
    return { ...base, recomputed: result, verdict: "INCONSISTENT", explanation: `${shown}, which contradicts ${statedWords}${readingNote(derived.comparator, stated.interval)}` };
  }
  const relation = contains(stated.interval, result.interval) ? `which satisfies ${statedWords}` : `which allows ${statedWords} but does not imply it`;
  return { ...base, recomputed: result, verdict: "CONSISTENT", explanation: `${shown}, ${relation}` };
}

/** What a formula is evaluated against: its named inputs and the period `days` refers to. */
export interface FormulaEnvironment {
  readonly inputs: ReadonlyMap<string, DerivationInput>;
  readonly period: DerivedStatement["period"];
}

/** Evaluates a formula over quantities; the error names the first thing that went wrong. */
export function evaluate(f: Formula, env: FormulaEnvironment): QuantityResult {
  switch (f.op) {
    case "num":
      return constant(f.value);
    case "var": {
      if (f.name === "days" && !env.inputs.has("days")) {
        if (!env.period) return { error: "the formula uses days, but the statistic has no period" };
        return daysQuantity(env.period.days);
      }
      const input = env.inputs.get(f.name);
      if (!input) return { error: `input '${f.name}' is missing` };
      return statedQuantity(input.comparator, input.amount, input.unit, input.upper ?? null);
    }
    case "neg": {
      const a = evaluate(f.arg, env);
      return "error" in a ? a : negateQuantity(a);
    }
    default: {
      const a = evaluate(f.left, env);
      if ("error" in a) return a;
      const b = evaluate(f.right, env);
      if ("error" in b) return b;
      if (f.op === "+") return addQuantities(a, b);
      if (f.op === "-") return subtractQuantities(a, b);
      if (f.op === "*") return multiplyQuantities(a, b);
      return divideQuantities(a, b);
    }
  }
}

/**
 * The formula with its inputs written out: each input as its stated amount and unit, `days`
 * as "182 days of 2020-H1". Comparators are left to the result ("> 54,945"), which is where
 * the arithmetic says what they imply.
 */
function renderFormula(f: Formula, env: FormulaEnvironment, nested: boolean): string {
  switch (f.op) {
    case "num":
      return exactNumber(f.value);
    case "var": {
      const input = env.inputs.get(f.name);
      if (input) return `${exactNumber(input.amount)} ${normalizeUnit(input.unit)}`.trimEnd();
      if (f.name === "days" && env.period) return `${formatNumber(env.period.days)} days of ${env.period.label}`;
      return f.name;
    }
    case "neg":
      return `-${renderFormula(f.arg, env, true)}`;
    default: {
      const text = `${renderFormula(f.left, env, true)} ${f.op} ${renderFormula(f.right, env, true)}`;
      return nested ? `(${text})` : text;
    }
  }
}

/** For a contradicted flat figure, the rounding the check allowed, so the reader sees it was generous. */
function readingNote(comparator: Comparator, reading: Interval): string {
  if (comparator !== "EQUAL" || reading.lo === reading.hi) return "";
  return ` (read as a rounded figure, ${exactNumber(reading.lo)} to ${exactNumber(reading.hi)})`;
}
