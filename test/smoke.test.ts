import { describe, expect, it } from "vitest";
import { parsePeriod } from "../src/facts/period.js";

describe("periods", () => {
  it("counts the days of the first half of a leap year", () => {
    expect(parsePeriod("2020-H1")).toEqual({ start: "2020-01-01", end: "2020-06-30", label: "2020-H1", days: 182 });
  });
});
