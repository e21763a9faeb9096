/**
 * Arithmetic on intervals with open or closed ends, so that "over 10 million sessions in 182
 * days" can be carried through a formula as (10,000,000, ∞) / [182, 182] = (54,945.05…, ∞)
 * without losing whether a bound itself is possible. Unbounded ends are ±Infinity (always
 * open, as `interval()` normalises them). The empty interval propagates.
 */
import { type Interval, interval, isEmpty } from "./interval.js";

/** The interval with no numbers in it; what arithmetic on an empty operand gives. */
export const EMPTY: Interval = interval(Infinity, -Infinity, true, true);

/** -a: ends swap and keep their openness. */
export function negate(a: Interval): Interval {
  if (isEmpty(a)) return EMPTY;
  return interval(noNegativeZero(-a.hi), noNegativeZero(-a.lo), a.hiOpen, a.loOpen);
}

/** a + b: lower ends add, upper ends add; an end is open when either contributing end is. */
export function addIntervals(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY;
  return interval(noNegativeZero(a.lo + b.lo), noNegativeZero(a.hi + b.hi), a.loOpen || b.loOpen, a.hiOpen || b.hiOpen);
}

/** a - b, as a + (-b). */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  return addIntervals(a, negate(b));
}

/**
 * a × b: the extremes of a product of intervals are products of their ends. A product end is
 * reached (closed) when both factors' ends are, or when one factor is a reachable zero, which
 * makes the product 0 whatever the other factor (so [0, 1] × [1, ∞) is [0, ∞)); 0 × ∞ counts
 * as 0 for the same reason.
 */
export function multiplyIntervals(a: Interval, b: Interval): Interval {
  if (isEmpty(a) || isEmpty(b)) return EMPTY;
  const products: End[] = [];
  for (const p of ends(a)) for (const q of ends(b)) products.push(endProduct(p, q));
  return fromEnds(products);
}

/**
 * a / b, or the reason it has no interval answer. Dividing by an interval that contains zero is
 * refused: the quotient would be unbounded on both sides or split in two, and a formula that
 * may divide by zero says nothing about the stated figure. A zero that is only an open end of
 * the divisor is fine: 1 / (0, 2] is [0.5, ∞). Quotients are taken end by end (not as a
 * product with the reciprocal) so that 10,000,000 / 182 is the same float as in any calculator.
 */
export function divideIntervals(a: Interval, b: Interval): Interval | { error: string } {
  if (isEmpty(a) || isEmpty(b)) return EMPTY;
  if (containsZero(b)) return { error: "the divisor may be zero" };
  const positiveDivisor = b.lo >= 0;
  const quotients: End[] = [];
  for (const p of ends(a)) {
    for (const q of ends(b)) {
      const e = endQuotient(p, q, positiveDivisor);
      if (e) quotients.push(e);
    }
  }
  return fromEnds(quotients);
}

/** Whether zero is one of the interval's numbers. */
export function containsZero(a: Interval): boolean {
  const aboveLo = a.lo < 0 || (a.lo === 0 && !a.loOpen);
  const belowHi = a.hi > 0 || (a.hi === 0 && !a.hiOpen);
  return !isEmpty(a) && aboveLo && belowHi;
}

interface End {
  readonly v: number;
  readonly open: boolean;
}

function ends(x: Interval): End[] {
  return [
    { v: x.lo, open: x.loOpen },
    { v: x.hi, open: x.hiOpen },
  ];
}

const reachableZero = (e: End) => e.v === 0 && !e.open;

function endProduct(p: End, q: End): End {
  if (p.v === 0 || q.v === 0) return { v: 0, open: !(reachableZero(p) || reachableZero(q)) };
  return { v: p.v * q.v, open: p.open || q.open };
}

/**
 * One end of a quotient, as a limit: p / ±∞ tends to 0, p / (open) 0 to ±∞ on the divisor's
 * side. 0 / 0 and ∞ / ∞ have no limit of their own; they are skipped, as the other end pairs
 * already bound the quotient (a reachable 0 divided by anything is still 0, and kept).
 */
function endQuotient(p: End, q: End, positiveDivisor: boolean): End | null {
  if (!Number.isFinite(q.v)) {
    if (!Number.isFinite(p.v)) return null;
    return { v: 0, open: !reachableZero(p) };
  }
  if (q.v === 0) {
    if (p.v === 0) return reachableZero(p) ? { v: 0, open: false } : null;
    return { v: (p.v > 0) === positiveDivisor ? Infinity : -Infinity, open: true };
  }
  if (reachableZero(p)) return { v: 0, open: false };
  return { v: p.v / q.v, open: p.open || q.open };
}

/** The interval spanned by candidate ends; a shared extreme is closed if any candidate reaches it. */
function fromEnds(ends: readonly End[]): Interval {
  let lo = ends[0]!;
  let hi = ends[0]!;
  for (const e of ends.slice(1)) {
    if (e.v < lo.v || (e.v === lo.v && !e.open)) lo = e.v === lo.v ? { v: e.v, open: lo.open && e.open } : e;
    if (e.v > hi.v || (e.v === hi.v && !e.open)) hi = e.v === hi.v ? { v: e.v, open: hi.open && e.open } : e;
  }
  return interval(noNegativeZero(lo.v), noNegativeZero(hi.v), lo.open, hi.open);
}

// -0 prints and compares as a different number in tests and JSON; a bound of zero is just 0.
function noNegativeZero(v: number): number {
  return v === 0 ? 0 : v;
}
