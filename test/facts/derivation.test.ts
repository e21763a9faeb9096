import { describe, expect, it } from "vitest";
import { type DerivationInput, type DerivedStatement, checkDerivation } from "../../src/facts/derivation.js";
import { interval } from "../../src/facts/interval.js";

const H1_2020 = { label: "2020-H1", days: 182 };
const sessions: DerivationInput = { name: "sessions", comparator: "MORE_THAN", amount: 10_000_000, unit: "sessions" };
const views: DerivationInput = { name: "views", comparator: "MORE_THAN", amount: 50_000_000_000, unit: "views" };

const perDay = (formula: string, comparator: DerivedStatement["comparator"], amount: number, unit: string, period = H1_2020): DerivedStatement => ({
  formula,
  comparator,
  amount,
  unit,
  period,
});

describe("checking derived figures", () => {
  it("finds more than 50,000 sessions a day consistent with over 10 million in the first half of 2020", () => {
    expect(checkDerivation(perDay("sessions / days", "MORE_THAN", 50_000, "sessions/day"), [sessions])).toEqual({
      formula: "sessions / days",
      inputs: [sessions],
      recomputed: { interval: interval(10_000_000 / 182, Infinity, true, true), unit: "sessions/day" },
      stated: { interval: interval(50_000, Infinity, true, true), unit: "sessions/day" },
      verdict: "CONSISTENT",
      explanation: '10,000,000 sessions / 182 days of 2020-H1 > 54,945 sessions/day, which satisfies "more than 50,000"',
    });
  });

  it("finds over 260 million views a day consistent with more than 50 billion views", () => {
    const check = checkDerivation(perDay("views / days", "MORE_THAN", 260_000_000, "views/day"), [views]);
    expect([check.verdict, check.explanation]).toEqual([
      "CONSISTENT",
      '50,000,000,000 views / 182 days of 2020-H1 > 274,725,274 views/day, which satisfies "more than 260,000,000"',
    ]);
  });

  it("finds a flat 260 million views a day inconsistent: 274.7 million or more cannot round to it", () => {
    const check = checkDerivation(perDay("views / days", "EQUAL", 260_000_000, "views/day"), [views]);
    expect([check.verdict, check.explanation]).toEqual([
      "INCONSISTENT",
      '50,000,000,000 views / 182 days of 2020-H1 > 274,725,274 views/day, which contradicts "260,000,000" (read as a rounded figure, 259,500,000 to 260,500,000)',
    ]);
  });

  it("says when the arithmetic leaves room for the stated figure without implying it", () => {
    const about: DerivationInput = { ...views, comparator: "APPROXIMATELY" };
    const check = checkDerivation(perDay("views / days", "MORE_THAN", 260_000_000, "views/day"), [about]);
    expect([check.verdict, check.explanation]).toEqual([
      "CONSISTENT",
      '50,000,000,000 views / 182 days of 2020-H1 is between 247,252,747 and 302,197,803 views/day, which allows "more than 260,000,000" but does not imply it',
    ]);
  });

  it("counts the leap day of 2020 through the period's length", () => {
    const check = checkDerivation(perDay("sessions / days", "MORE_THAN", 27_300, "sessions/day", { label: "2020", days: 366 }), [sessions]);
    expect(check.explanation).toBe('10,000,000 sessions / 366 days of 2020 > 27,322 sessions/day, which satisfies "more than 27,300"');
  });

  it("cannot check a figure whose formula needs days when the statistic has no period", () => {
    const check = checkDerivation({ ...perDay("sessions / days", "MORE_THAN", 50_000, "sessions/day"), period: null }, [sessions]);
    expect(check).toEqual({
      formula: "sessions / days",
      inputs: [sessions],
      recomputed: null,
      stated: { interval: interval(50_000, Infinity, true, true), unit: "sessions/day" },
      verdict: "UNCHECKABLE",
      explanation: 'cannot check "more than 50,000": the formula uses days, but the statistic has no period',
    });
  });

  it("cannot check a figure whose input is missing", () => {
    const check = checkDerivation(perDay("sessions / days", "MORE_THAN", 50_000, "sessions/day"), []);
    expect([check.verdict, check.explanation]).toEqual(["UNCHECKABLE", `cannot check "more than 50,000": input 'sessions' is missing`]);
  });

  it("cannot check a figure whose recomputed unit is not the stated one", () => {
    const check = checkDerivation(perDay("views / days", "MORE_THAN", 260_000_000, "sessions/day"), [views]);
    expect([check.verdict, check.explanation, check.recomputed?.unit]).toEqual([
      "UNCHECKABLE",
      'cannot check "more than 260,000,000": 50,000,000,000 views / 182 days of 2020-H1 > 274,725,274 views/day, but the statistic is stated in sessions/day, not views/day',
      "views/day",
    ]);
  });

  it("cannot check a formula that adds yuan to dollars", () => {
    const inputs: DerivationInput[] = [
      { name: "a", comparator: "EQUAL", amount: 5, unit: "CNY" },
      { name: "b", comparator: "EQUAL", amount: 3, unit: "USD" },
    ];
    const check = checkDerivation({ formula: "a + b", comparator: "EQUAL", amount: 8, unit: "CNY", period: null }, inputs);
    expect([check.verdict, check.explanation]).toEqual(["UNCHECKABLE", 'cannot check "8": cannot add or subtract CNY and USD (5 CNY + 3 USD)']);
  });

  it("cannot check a formula that does not parse", () => {
    const check = checkDerivation({ formula: "sessions /", comparator: "EQUAL", amount: 8, unit: "sessions/day", period: H1_2020 }, [sessions]);
    expect([check.verdict, check.explanation]).toEqual(["UNCHECKABLE", 'cannot check "8": the formula "sessions /" does not parse (formula ends too early)']);
  });

  it("checks a growth rate computed from two amounts, shown with the stated decimals", () => {
    const inputs: DerivationInput[] = [
      { name: "gmv2020", comparator: "EQUAL", amount: 961_000_000_000, unit: "CNY" },
      { name: "gmv2019", comparator: "EQUAL", amount: 433_800_000_000, unit: "CNY" },
    ];
    const check = checkDerivation({ formula: "(gmv2020 - gmv2019) / gmv2019 * 100", comparator: "EQUAL", amount: 121.5, unit: "PERCENT", period: null }, inputs);
    expect([check.verdict, check.explanation, check.recomputed?.unit]).toEqual([
      "CONSISTENT",
      '((961,000,000,000 CNY - 433,800,000,000 CNY) / 433,800,000,000 CNY) * 100 ≈ 121.5, which satisfies "121.5"',
      "",
    ]);
  });

  it("finds a growth rate inconsistent when it does not follow from the amounts", () => {
    const inputs: DerivationInput[] = [
      { name: "gmv2019", comparator: "EQUAL", amount: 433_800_000_000, unit: "CNY" },
      { name: "gmv2018", comparator: "EQUAL", amount: 140_000_000_000, unit: "CNY" },
    ];
    const check = checkDerivation({ formula: "(gmv2019 - gmv2018) / gmv2018 * 100", comparator: "EQUAL", amount: 225, unit: "PERCENT", period: null }, inputs);
    expect([check.verdict, check.explanation]).toEqual([
      "INCONSISTENT",
      '((433,800,000,000 CNY - 140,000,000,000 CNY) / 140,000,000,000 CNY) * 100 ≈ 210, which contradicts "225" (read as a rounded figure, 224.5 to 225.5)',
    ]);
  });
});
