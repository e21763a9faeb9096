import { describe, expect, it } from "vitest";
import { interval, readingInterval, roundingInterval } from "../../src/facts/interval.js";
import { defaultPrecision, fitsPrecision, precisionFromWords, roundTo, writtenNumbers } from "../../src/facts/precision.js";

describe("the precision a figure is written to", () => {
  it("reads the digits and scale words of English and Chinese figures", () => {
    expect(writtenNumbers("about 1.05 trillion yuan")).toEqual([{ value: 1.05e12, precision: 1e10 }]);
    expect(writtenNumbers("9,610亿元")).toEqual([{ value: 961e9, precision: 1e8 }]);
    expect(writtenNumbers("over 40%")).toEqual([{ value: 40, precision: 1 }]);
    expect(writtenNumbers("2 billion")).toEqual([{ value: 2e9, precision: 1e9 }]);
    expect(writtenNumbers("1.73m jobs")).toEqual([{ value: 1.73e6, precision: 1e4 }]);
    expect(writtenNumbers("2.36万亿")).toEqual([{ value: 2.36e12, precision: 1e10 }]);
  });

  it("takes the precision only from words that write the amount", () => {
    expect(precisionFromWords("9610亿元", 961e9)).toBe(1e8);
    expect(precisionFromWords("doubled", 100)).toBeNull();
    expect(precisionFromWords("2.2-fold", 121.5)).toBeNull();
  });

  it("writes an amount without words as news does: millions and up in scale words, smaller numbers in full", () => {
    expect([2e9, 1.05e12, 433.8e9, 10, 8.6, 20_000, 1.2881e12, 0.27].map(defaultPrecision)).toEqual([1e9, 1e10, 1e8, 1, 0.1, 1, 1e8, 0.01]);
  });

  it("refuses a precision the amount is not a whole number of", () => {
    expect(fitsPrecision(2.03e9, 1e9)).toBe(false);
    expect(fitsPrecision(961e9, 1e8)).toBe(true);
    expect(fitsPrecision(0.3, 0.1)).toBe(true);
  });

  it("rounds halves away from zero, without floating-point slips", () => {
    expect([roundTo(2.5e9, 1e9), roundTo(1.95, 0.1), roundTo(0.15, 0.1), roundTo(-2.5, 1)]).toEqual([3e9, 2, 0.2, -3]);
  });
});

describe("what a stated value is read as", () => {
  it("reads a flat figure as the half-open interval of what rounds to it, with clean ends", () => {
    expect(roundingInterval(8.6, 0.1)).toEqual(interval(8.55, 8.65, false, true));
    expect(roundingInterval(433.8e9, 1e8)).toEqual(interval(433.75e9, 433.85e9, false, true));
    expect(roundingInterval(-4, 1)).toEqual(interval(-4.5, -3.5, true, false));
  });

  it("reads other comparators as stated, and a range as its closed interval", () => {
    expect(readingInterval({ comparator: "MORE_THAN", amount: 260e6, upper: null, precision: 1e6 })).toEqual(interval(260e6, Infinity, true, true));
    expect(readingInterval({ comparator: "APPROXIMATELY", amount: 1e12, upper: null, precision: 1e12 })).toEqual(interval(0.9e12, 1.1e12));
    expect(readingInterval({ comparator: "BETWEEN", amount: 30, upper: 60, precision: 1 })).toEqual(interval(30, 60));
  });
});
