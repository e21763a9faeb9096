import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type Interval, contains, interval, isEmpty, point } from "../../src/facts/interval.js";
import {
  EMPTY,
  addIntervals,
  containsZero,
  divideIntervals,
  multiplyIntervals,
  negate,
  subtractIntervals,
} from "../../src/facts/interval-arithmetic.js";

const closed = (lo: number, hi: number) => interval(lo, hi);
const open = (lo: number, hi: number) => interval(lo, hi, true, true);

describe("adding intervals", () => {
  it("adds closed ends to closed ends", () => {
    expect(addIntervals(closed(1, 2), closed(10, 20))).toEqual(closed(11, 22));
  });

  it("makes an end open when either contributing end is open", () => {
    expect(addIntervals(interval(1, 2, true, false), interval(10, 20, false, true))).toEqual(interval(11, 22, true, true));
  });

  it("keeps an unbounded end unbounded", () => {
    expect(addIntervals(interval(10, Infinity, true), point(5))).toEqual(interval(15, Infinity, true, true));
  });

  it("gives the empty interval when an operand is empty", () => {
    expect(addIntervals(EMPTY, closed(1, 2))).toEqual(EMPTY);
  });
});

describe("subtracting intervals", () => {
  it("subtracts the other interval's upper end from the lower end", () => {
    expect(subtractIntervals(closed(10, 20), closed(1, 2))).toEqual(closed(8, 19));
  });

  it("swaps openness with the ends of the subtrahend", () => {
    // [10, 20] - (1, 2] = [8, 19)
    expect(subtractIntervals(closed(10, 20), interval(1, 2, true, false))).toEqual(interval(8, 19, false, true));
  });

  it("turns a lower bound into an upper bound", () => {
    // 100 - (more than 30) = less than 70
    expect(subtractIntervals(point(100), interval(30, Infinity, true))).toEqual(interval(-Infinity, 70, true, true));
  });

  it("never produces a negative zero", () => {
    expect(negate(point(0))).toEqual(point(0));
    expect(Object.is(negate(point(0)).lo, -0)).toBe(false);
  });
});

describe("multiplying intervals", () => {
  it("multiplies positive closed intervals end by end", () => {
    expect(multiplyIntervals(closed(2, 3), closed(4, 5))).toEqual(closed(8, 15));
  });

  it("takes the extremes among all end products when signs are mixed", () => {
    expect(multiplyIntervals(closed(-2, 3), closed(4, 5))).toEqual(closed(-10, 15));
    expect(multiplyIntervals(closed(-2, -1), closed(-5, 4))).toEqual(closed(-8, 10));
  });

  it("keeps an end open when one of its factors is open", () => {
    expect(multiplyIntervals(interval(2, 3, true, false), closed(4, 5))).toEqual(interval(8, 15, true, false));
  });

  it("reaches zero when one factor can be exactly zero, even against an unbounded factor", () => {
    expect(multiplyIntervals(closed(0, 1), interval(1, Infinity))).toEqual(interval(0, Infinity, false, true));
  });

  it("does not reach zero when zero is only an open end", () => {
    expect(multiplyIntervals(interval(0, 1, true, false), interval(1, Infinity))).toEqual(interval(0, Infinity, true, true));
  });

  it("is unbounded on both sides when an unbounded factor meets one that straddles zero", () => {
    expect(multiplyIntervals(closed(-1, 1), interval(1, Infinity))).toEqual(interval(-Infinity, Infinity));
  });

  it("scales a one-sided bound by a constant", () => {
    expect(multiplyIntervals(interval(10, Infinity, true), point(-2))).toEqual(interval(-Infinity, -20, true, true));
  });
});

describe("dividing intervals", () => {
  it("divides a lower bound by a point: over 10,000,000 in 182 days", () => {
    expect(divideIntervals(interval(10_000_000, Infinity, true), point(182))).toEqual(interval(10_000_000 / 182, Infinity, true, true));
  });

  it("divides by an interval: the largest quotient comes from the smallest divisor", () => {
    expect(divideIntervals(closed(10, 20), closed(2, 5))).toEqual(closed(2, 10));
  });

  it("keeps the openness of the divisor's ends on the swapped quotient ends", () => {
    // [10, 20] / [2, 5) = (2, 10]
    expect(divideIntervals(closed(10, 20), interval(2, 5, false, true))).toEqual(interval(2, 10, true, false));
  });

  it("handles negative divisors", () => {
    expect(divideIntervals(closed(10, 20), closed(-5, -2))).toEqual(closed(-10, -2));
  });

  it("refuses a divisor that contains zero", () => {
    expect(divideIntervals(closed(1, 2), closed(-1, 1))).toEqual({ error: "the divisor may be zero" });
    expect(divideIntervals(closed(1, 2), closed(0, 5))).toEqual({ error: "the divisor may be zero" });
    expect(divideIntervals(closed(1, 2), point(0))).toEqual({ error: "the divisor may be zero" });
  });

  it("accepts a divisor whose only zero is an open end, giving an unbounded quotient", () => {
    expect(divideIntervals(closed(1, 2), interval(0, 4, true, false))).toEqual(interval(0.25, Infinity, false, true));
  });

  it("divides by an unbounded divisor towards an open zero", () => {
    expect(divideIntervals(point(1), interval(2, Infinity))).toEqual(interval(0, 0.5, true, false));
  });
});

describe("zero in divisors", () => {
  it("sends an open zero end of a negative divisor to minus infinity", () => {
    expect(divideIntervals(point(1), interval(-2, 0, false, true))).toEqual(interval(-Infinity, -0.5, true, false));
  });

  it("knows whether zero is a member", () => {
    expect([containsZero(closed(0, 1)), containsZero(interval(0, 1, true)), containsZero(closed(-1, 1)), containsZero(closed(1, 2))]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe("soundness on random members", () => {
  // Every sum, difference, product and quotient of members must be a member of the result.
  const end = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(-Infinity, Infinity));
  const anInterval = fc
    .tuple(end, end, fc.boolean(), fc.boolean())
    .map(([x, y, lo, hi]) => interval(Math.min(x, y), Math.max(x, y), lo, hi))
    .filter((a) => !isEmpty(a));
  const memberOf = (a: Interval, t: number): number => {
    // A member chosen by t in [0, 1]: a closed end itself, or a point strictly inside.
    const lo = Number.isFinite(a.lo) ? a.lo : (Number.isFinite(a.hi) ? a.hi : 0) - 1000;
    const hi = Number.isFinite(a.hi) ? a.hi : lo + 1000;
    if (t === 0 && !a.loOpen) return a.lo;
    if (t === 1 && !a.hiOpen) return a.hi;
    if (lo === hi) return lo;
    const inner = lo + (hi - lo) * Math.min(Math.max(t, 0.001), 0.999);
    return inner;
  };
  const member = (a: Interval, x: number) => contains(a, point(x));
  const t = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

  it("holds for +, -, x and /", () => {
    fc.assert(
      fc.property(anInterval, anInterval, t, t, (a, b, s, u) => {
        const x = memberOf(a, s);
        const y = memberOf(b, u);
        expect(member(addIntervals(a, b), x + y)).toBe(true);
        expect(member(subtractIntervals(a, b), x - y)).toBe(true);
        expect(member(multiplyIntervals(a, b), x * y)).toBe(true);
        const q = divideIntervals(a, b);
        if ("error" in q) expect(containsZero(b)).toBe(true);
        else expect(member(q, x / y)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
