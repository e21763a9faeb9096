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

/** How a source qualifies a number: "over", "at least", "about", ... */
export type Comparator = "EQUAL" | "APPROXIMATELY" | "MORE_THAN" | "AT_LEAST" | "LESS_THAN" | "AT_MOST";

/** All comparators, in the order the schema lists them. */
export const COMPARATORS: readonly Comparator[] = ["EQUAL", "APPROXIMATELY", "MORE_THAN", "AT_LEAST", "LESS_THAN", "AT_MOST"];

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

/** The interval a comparator and an amount stand for. */
export function fromComparator(comparator: Comparator, amount: number): Interval {
  switch (comparator) {
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
 * Largest share of a flat figure that its rounding may account for: a flat "100 billion" reads
 * as 75 to 125 billion, not 50 to 150 billion, since nobody writes 100 billion for 140 billion.
 */
export const MAX_ROUNDING_SHARE = 0.25;

/**
 * How far a figure as written may be from the value it rounds: half a unit of its last
 * significant digit ("433.8 billion" ±50 million, "20 million" ±5 million, "4.1" ±0.05), at
 * most a quarter of the figure (MAX_ROUNDING_SHARE). A flat figure in a news report is a
 * rounding, so comparisons widen EQUAL values by this much. Trailing zeros of whole numbers
 * are read as not significant, the lenient reading that the cap keeps in bounds.
 */
export function statedPrecision(amount: number): number {
  if (amount === 0 || !Number.isFinite(amount)) return 0;
  const text = plainDecimal(Math.abs(amount));
  const dot = text.indexOf(".");
  let half: number;
  if (dot >= 0) half = 0.5 * 10 ** -(text.length - dot - 1);
  else half = 0.5 * 10 ** (text.length - text.replace(/0+$/, "").length);
  return Math.min(half, Math.abs(amount) * MAX_ROUNDING_SHARE);
}

/**
 * The interval a stated value can honestly be read as when comparing it with another:
 * EQUAL values are widened by their stated precision; other comparators are unchanged.
 */
export function readingInterval(comparator: Comparator, amount: number): Interval {
  if (comparator !== "EQUAL") return fromComparator(comparator, amount);
  const p = statedPrecision(amount);
  return interval(amount - p, amount + p);
}

/** A number written out without exponent notation (for digit counting). */
export function plainDecimal(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, "");
}
