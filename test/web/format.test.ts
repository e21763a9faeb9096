import { describe, expect, it } from "vitest";
import { describeInterval, formatInterval, valueText } from "../../src/web/fact-card/format.js";

const v = (asWritten: string | null, amount: number, comparator: string, unit: string) => ({ asWritten, amount, comparator, unit });

describe("values on the fact card", () => {
  it("read as the source wrote them, with the unit added only when the words do not name it", () => {
    expect(
      [
        v("more than 1.73 million", 1_730_000, "MORE_THAN", "jobs"),
        v("4.1 percent", 4.1, "EQUAL", "PERCENT"),
        v("70", 70, "EQUAL", "PERCENT"),
        v("top 1 trillion yuan", 1e12, "MORE_THAN", "CNY"),
        v("more than 50,000", 50_000, "MORE_THAN", "sessions/day"),
        v("none", 0, "EQUAL", "companies"),
        v("2.5 percentage points", 2.5, "EQUAL", "percentage-points"),
        v("2.5", 2.5, "EQUAL", "percentage-points"),
      ].map(valueText),
    ).toEqual(["more than 1.73 million jobs", "4.1 percent", "70%", "top 1 trillion yuan", "more than 50,000 sessions/day", "none (0 companies)", "2.5 percentage points", "2.5 percentage points"]);
  });

  it("fall back to the recorded comparator and amount when the words are not archived", () => {
    expect([v(null, 433.8e9, "EQUAL", "CNY"), v(null, 20e6, "AT_LEAST", "users"), v(null, 121.5, "APPROXIMATELY", "PERCENT")].map(valueText)).toEqual([
      "433,800,000,000 yuan",
      "at least 20,000,000 users",
      "about 121.5%",
    ]);
  });

  it("show the interval a value implies, open where it is unbounded or exclusive", () => {
    const more = { lowerBound: 1_730_000, upperBound: null, lowerInclusive: false, upperInclusive: false, unit: "jobs" };
    const band = { lowerBound: 9, upperBound: 11, lowerInclusive: true, upperInclusive: true, unit: "PERCENT" };
    const point = { lowerBound: 5, upperBound: 5, lowerInclusive: true, upperInclusive: true, unit: "brands" };
    expect([more, band, point].map(formatInterval)).toEqual(["(1,730,000, ∞) jobs", "[9, 11] %", "exactly 5 brands"]);
    const points = { lowerBound: 2, upperBound: null, lowerInclusive: false, upperInclusive: false, unit: "percentage-points" };
    expect(formatInterval(points)).toBe("(2, ∞) percentage points");
    expect([more, band, point].map(describeInterval)).toEqual(["more than 1,730,000 jobs, no upper bound", "between 9 and 11% (both included)", "exactly 5 brands"]);
  });
});
