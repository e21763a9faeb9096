import { describe, expect, it } from "vitest";
import { significantDigits } from "../../src/facts/significant-digits.js";

describe("significant digits of a stated figure", () => {
  it("counts the digits from the first to the last non-zero one", () => {
    expect([961e9, 1e12, 1.05e12, 433.8e9, 1.73e6, 4.1, 12.5, 0.0451, 1290, -961e9].map(significantDigits)).toEqual([3, 1, 3, 4, 3, 2, 3, 3, 3, 3]);
  });

  it("treats zeros ending a whole number as placeholders, so 10 million and 1,200 are round", () => {
    expect([1e7, 1200, 100, 20e6].map(significantDigits)).toEqual([1, 2, 1, 1]);
  });

  it("gives zero, infinity and NaN no significant digits", () => {
    expect([0, Infinity, -Infinity, NaN].map(significantDigits)).toEqual([0, 0, 0, 0]);
  });

  it("reads the digits an editor wrote, not the binary fraction stored for them", () => {
    // 0.3 and 2.675 are not exact in binary; their shortest decimal forms are what was written.
    expect([Number("0.3"), Number("2.675"), Number("1290.5")].map(significantDigits)).toEqual([1, 4, 5]);
  });
});
