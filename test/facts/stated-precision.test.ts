import { describe, expect, it } from "vitest";
import { fromComparator, interval, readingInterval, statedPrecision } from "../../src/facts/interval.js";

describe("reading a figure as written", () => {
  it("takes half a unit of the last significant digit as the rounding of a flat figure", () => {
    expect([433.8e9, 4.1, 260e6, 0.27, 1.2881e12].map(statedPrecision)).toEqual([5e7, 0.05, 5e6, 0.005, 5e7]);
  });

  it("never lets rounding account for more than a quarter of the figure", () => {
    expect([100e9, 2, 20e6].map(statedPrecision)).toEqual([25e9, 0.5, 5e6]);
  });

  it("reads zero and non-finite amounts as exact", () => {
    expect([0, Infinity].map(statedPrecision)).toEqual([0, 0]);
  });

  it("widens only EQUAL values when comparing", () => {
    expect(readingInterval("EQUAL", 260e6)).toEqual(interval(255e6, 265e6));
    expect(readingInterval("MORE_THAN", 260e6)).toEqual(fromComparator("MORE_THAN", 260e6));
    expect(readingInterval("APPROXIMATELY", 1e12)).toEqual(interval(0.9e12, 1.1e12));
  });
});
