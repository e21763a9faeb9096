import { describe, expect, it } from "vitest";
import { interval, point } from "../../src/facts/interval.js";
import {
  addQuantities,
  constant,
  daysQuantity,
  divideQuantities,
  multiplyQuantities,
  statedQuantity,
  subtractQuantities,
} from "../../src/facts/quantity.js";
import { normalizeUnit, parseUnit, unitSatisfies } from "../../src/facts/units.js";

describe("units", () => {
  it("spells a quotient by days as a per-day rate, the way metrics do", () => {
    expect(normalizeUnit("sessions/days")).toBe("sessions/day");
    expect(normalizeUnit("views/day")).toBe("views/day");
    expect(normalizeUnit("days")).toBe("days");
  });

  it("reads PERCENT, percentage-points and times as labels of plain numbers", () => {
    expect(parseUnit("PERCENT")).toEqual({ dims: {}, label: "PERCENT" });
    expect(parseUnit("times")).toEqual({ dims: {}, label: "times" });
    expect(parseUnit("")).toEqual({ dims: {}, label: null });
  });

  it("lets a plain number from a formula stand for a labelled statement, but not for a count", () => {
    expect(unitSatisfies(parseUnit(""), parseUnit("PERCENT"))).toBe(true);
    expect(unitSatisfies(parseUnit(""), parseUnit("sessions"))).toBe(false);
    expect(unitSatisfies(parseUnit("PERCENT"), parseUnit("times"))).toBe(false);
  });
});

describe("quantities", () => {
  it("divides sessions by the days of a period into sessions per day", () => {
    expect(divideQuantities(statedQuantity("MORE_THAN", 10_000_000, "sessions"), daysQuantity(182))).toEqual({
      interval: interval(10_000_000 / 182, Infinity, true, true),
      unit: "sessions/day",
    });
  });

  it("multiplies a rate by days back into a count", () => {
    expect(multiplyQuantities({ interval: point(50_000), unit: "sessions/day" }, daysQuantity(182))).toEqual({
      interval: point(9_100_000),
      unit: "sessions",
    });
  });

  it("adds amounts in the same currency", () => {
    expect(addQuantities(statedQuantity("EQUAL", 5, "CNY"), statedQuantity("AT_LEAST", 3, "CNY"))).toEqual({
      interval: interval(8, Infinity, false, true),
      unit: "CNY",
    });
  });

  it("refuses to add yuan to dollars", () => {
    expect(addQuantities(statedQuantity("EQUAL", 5, "CNY"), statedQuantity("EQUAL", 3, "USD"))).toEqual({
      error: "cannot add or subtract CNY and USD (5 CNY + 3 USD)",
    });
  });

  it("refuses to subtract a plain number from a count", () => {
    expect(subtractQuantities(statedQuantity("MORE_THAN", 10, "sessions"), constant(1))).toEqual({
      error: "cannot add or subtract sessions and a plain number ((10, ∞) sessions - 1 (a plain number))",
    });
  });

  it("keeps the PERCENT label when a plain number is added to a percentage", () => {
    expect(addQuantities(statedQuantity("EQUAL", 121.5, "PERCENT"), constant(100))).toEqual({ interval: point(221.5), unit: "PERCENT" });
  });

  it("cancels units in a ratio of two amounts in one currency", () => {
    expect(divideQuantities(statedQuantity("EQUAL", 961, "CNY"), statedQuantity("EQUAL", 433.8, "CNY"))).toEqual({
      interval: point(961 / 433.8),
      unit: "",
    });
  });

  it("refuses to divide by a quantity that may be zero", () => {
    expect(divideQuantities(statedQuantity("EQUAL", 10, "sessions"), statedQuantity("AT_MOST", 5, "days"))).toEqual({
      error: "cannot divide 10 sessions by (-∞, 5] days: the divisor may be zero",
    });
  });

  it("divides by an interval of days with open ends", () => {
    expect(divideQuantities(statedQuantity("EQUAL", 100, "views"), { interval: interval(4, 5, true, false), unit: "days" })).toEqual({
      interval: interval(20, 25, false, true),
      unit: "views/day",
    });
  });
});
