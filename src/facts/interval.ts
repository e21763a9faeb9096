/**
 * Intervals of real numbers with open or closed ends: the meaning of a stated figure.
 * "Over 10 million" is (10,000,000, ∞), not 10,000,000. Unbounded ends are ±Infinity.
 */
export interface Interval {
  /** Lower end; -Infinity when unbounded below. */
  readonly lo: number;
  /** Upper end; Infinity when unbounded above. */
  readonly hi: number;
  /** Whether `lo` itself is excluded. Always true for an infinite end. */
  readonly loOpen: boolean;
  /** Whether `hi` itself is excluded. Always true for an infinite end. */
  readonly hiOpen: boolean;
}

/** How a source qualifies a number: "over", "at least", "about", "between ... and ...", ... */
export type Comparator = "EQUAL" | "APPROXIMATELY" | "MORE_THAN" | "AT_LEAST" | "LESS_THAN" | "AT_MOST" | "BETWEEN";

/** All comparators, in the order the schema lists them. */
export const COMPARATORS: readonly Comparator[] = ["EQUAL", "APPROXIMATELY", "MORE_THAN", "AT_LEAST", "LESS_THAN", "AT_MOST", "BETWEEN"];

/**
 * A value as a source states it: "over 10 million" is MORE_THAN 10,000,000; "30–60%" is
 * BETWEEN 30 and 60 (`upper`); `precision` is the place value of the last digit written
 * (src/facts/precision.ts), which decides what a flat figure stands for.
 */
export interface StatedValue {
  readonly comparator: Comparator;
  readonly amount: number;
  /** The upper end of a BETWEEN range; null for every other comparator. */
  readonly upper: number | null;
  readonly precision: number;
}

/**
 * Relative half-width of the band that "about X" stands for: APPROXIMATELY 1 trillion is
 * [0.9, 1.1] trillion. Ten percent is wide enough for the roundings news reports make
 * ("about 1 trillion" for 1.05 trillion) and narrow enough to keep 2 and 2.36 trillion apart.
 */
export const APPROXIMATELY_TOLERANCE = 0.1;

/** Builds an interval, normalising infinite ends to open. */
export function interval(lo: number, hi: number, loOpen = false, hiOpen = false): Interval {
  return {
    lo,
    hi,
    loOpen: loOpen || !Number.isFinite(lo),
    hiOpen: hiOpen || !Number.isFinite(hi),
  };
}

/** The single point {x}. */
export function point(x: number): Interval {
  return interval(x, x);
}

/** The interval a comparator and an amount stand for; `upper` is the top of a BETWEEN range. */
export function fromComparator(comparator: Comparator, amount: number, upper: number | null = null): Interval {
  switch (comparator) {
    case "BETWEEN":
      return interval(amount, upper ?? amount);
    case "EQUAL":
      return point(amount);
    case "APPROXIMATELY": {
      const d = Math.abs(amount) * APPROXIMATELY_TOLERANCE;
      return interval(amount - d, amount + d);
    }
    case "MORE_THAN":
      return interval(amount, Infinity, true, true);
    case "AT_LEAST":
      return interval(amount, Infinity, false, true);
    case "LESS_THAN":
      return interval(-Infinity, amount, true, true);
    case "AT_MOST":
      return interval(-Infinity, amount, true, false);
  }
}

/** Whether the comparator bounds the value on one side only ("more than", "at most", ...). */
export function isOneSided(comparator: Comparator): boolean {
  return comparator === "MORE_THAN" || comparator === "AT_LEAST" || comparator === "LESS_THAN" || comparator === "AT_MOST";
}

/** Whether the comparator states bounds rather than a figure: one-sided bounds and BETWEEN ranges. */
export function isBound(comparator: Comparator): boolean {
  return isOneSided(comparator) || comparator === "BETWEEN";
}

/** Whether the interval contains no number at all, e.g. (3, 3) or [4, 2]. */
export function isEmpty(a: Interval): boolean {
  return a.lo > a.hi || (a.lo === a.hi && (a.loOpen || a.hiOpen));
}

/** The numbers in both intervals (possibly empty). */
export function intersect(a: Interval, b: Interval): Interval {
  const [lo, loOpen] = a.lo > b.lo ? [a.lo, a.loOpen] : b.lo > a.lo ? [b.lo, b.loOpen] : [a.lo, a.loOpen || b.loOpen];
  const [hi, hiOpen] = a.hi < b.hi ? [a.hi, a.hiOpen] : b.hi < a.hi ? [b.hi, b.hiOpen] : [a.hi, a.hiOpen || b.hiOpen];
  return interval(lo, hi, loOpen, hiOpen);
}

/** Whether the two intervals share at least one number. */
export function overlaps(a: Interval, b: Interval): boolean {
  return !isEmpty(intersect(a, b));
}

/** Whether every number of `inner` lies in `outer`. */
export function contains(outer: Interval, inner: Interval): boolean {
  if (isEmpty(inner)) return true;
  const loOk = outer.lo < inner.lo || (outer.lo === inner.lo && (!outer.loOpen || inner.loOpen));
  const hiOk = outer.hi > inner.hi || (outer.hi === inner.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

/** Whether the two intervals are the same set of numbers. */
export function sameInterval(a: Interval, b: Interval): boolean {
  return contains(a, b) && contains(b, a);
}

/**
 * The values that round to `amount` at `precision`: half a unit of the last written digit on
 * either side, half-open so that neighbours never touch ("433.8 billion" is [433.75, 433.85)
 * billion and 433.85 billion belongs to "433.9"). Halves round away from zero, so the closed
 * end is the one nearer zero.
 */
export function roundingInterval(amount: number, precision: number): Interval {
  const half = precision / 2;
  const lo = clean(amount - half);
  const hi = clean(amount + half);
  return amount >= 0 ? interval(lo, hi, false, true) : interval(lo, hi, true, false);
}

/**
 * The interval a stated value can honestly be read as when comparing it with another: a flat
 * figure is every value that rounds to it; other comparators are read as stated.
 */
export function readingInterval(v: StatedValue): Interval {
  if (v.comparator !== "EQUAL") return fromComparator(v.comparator, v.amount, v.upper);
  return roundingInterval(v.amount, v.precision);
}

/** A number with the noise of binary arithmetic removed: 12 significant digits (8.549999999999999 is 8.55). */
export function clean(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(12));
}

/** A number written out without exponent notation (for digit counting). */
export function plainDecimal(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, "");
}
