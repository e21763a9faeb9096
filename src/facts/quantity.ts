/**
 * Quantities: an interval of possible values with its unit, the thing derivation formulas
 * compute with. Each operation does the interval arithmetic and the unit algebra together and
 * refuses, with a sentence saying why, what has no meaning (CNY + USD, a divisor that may be
 * zero) instead of producing a number nobody should trust.
 */
import { type Comparator, type Interval, fromComparator, point } from "./interval.js";
import { addIntervals, divideIntervals, multiplyIntervals, negate, subtractIntervals } from "./interval-arithmetic.js";
import { formatInterval } from "./number-format.js";
import {
  DAYS_UNIT,
  describeUnit,
  formatUnit,
  normalizeUnit,
  parseUnit,
  unitOfProduct,
  unitOfQuotient,
  unitOfSum,
} from "./units.js";

/** A set of possible values in one unit, e.g. (10,000,000, ∞) sessions. */
export interface Quantity {
  readonly interval: Interval;
  /** Canonical unit spelling (see `normalizeUnit`): "sessions/day", "CNY", "" for a plain number. */
  readonly unit: string;
}

/** What an operation gives: the quantity, or why the operation is refused. */
export type QuantityResult = Quantity | { readonly error: string };

/** The quantity a stated figure stands for: "more than 10,000,000 sessions" is (10,000,000, ∞) sessions. */
export function statedQuantity(comparator: Comparator, amount: number, unit: string, upper: number | null = null): Quantity {
  return { interval: fromComparator(comparator, amount, upper), unit: normalizeUnit(unit) };
}

/** A plain number, as number constants in formulas are. */
export function constant(value: number): Quantity {
  return { interval: point(value), unit: "" };
}

/** The length of a period as the formula built-in `days` sees it: exactly that many days. */
export function daysQuantity(days: number): Quantity {
  return { interval: point(days), unit: DAYS_UNIT };
}

/** a + b; refused unless the units are the same (see `unitOfSum`). */
export function addQuantities(a: Quantity, b: Quantity): QuantityResult {
  const unit = unitOfSum(parseUnit(a.unit), parseUnit(b.unit));
  if ("error" in unit) return { error: `${unit.error} (${show(a)} + ${show(b)})` };
  return { interval: addIntervals(a.interval, b.interval), unit: formatUnit(unit) };
}

/** a - b; refused unless the units are the same. */
export function subtractQuantities(a: Quantity, b: Quantity): QuantityResult {
  const unit = unitOfSum(parseUnit(a.unit), parseUnit(b.unit));
  if ("error" in unit) return { error: `${unit.error} (${show(a)} - ${show(b)})` };
  return { interval: subtractIntervals(a.interval, b.interval), unit: formatUnit(unit) };
}

/** a × b; units multiply. */
export function multiplyQuantities(a: Quantity, b: Quantity): Quantity {
  return { interval: multiplyIntervals(a.interval, b.interval), unit: formatUnit(unitOfProduct(parseUnit(a.unit), parseUnit(b.unit))) };
}

/** a / b; units divide (sessions / days is sessions/day); refused when the divisor may be zero. */
export function divideQuantities(a: Quantity, b: Quantity): QuantityResult {
  const q = divideIntervals(a.interval, b.interval);
  if ("error" in q) return { error: `cannot divide ${show(a)} by ${show(b)}: ${q.error}` };
  return { interval: q, unit: formatUnit(unitOfQuotient(parseUnit(a.unit), parseUnit(b.unit))) };
}

/** -a, same unit. */
export function negateQuantity(a: Quantity): Quantity {
  return { interval: negate(a.interval), unit: a.unit };
}

function show(q: Quantity): string {
  const u = describeUnit(parseUnit(q.unit));
  return `${formatInterval(q.interval)} ${u === "a plain number" ? "(a plain number)" : u}`;
}
