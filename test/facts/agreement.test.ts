import { describe, expect, it } from "vitest";
import { type AgreementContext, type ComparableStatistic, agreementsWith, compareStatistics } from "../../src/facts/agreement.js";
import { interval } from "../../src/facts/interval.js";

const year = (label: string) => ({ start: `${label}-01-01`, end: `${label}-12-31`, label });
const H1_2020 = { start: "2020-01-01", end: "2020-06-30", label: "2020-H1" };

let nextId = 0;
const stat = (fields: Partial<ComparableStatistic>): ComparableStatistic => ({
  id: ++nextId,
  metric: "live-commerce-gmv",
  subject: "china-live-commerce",
  kind: "ESTIMATE",
  comparator: "EQUAL",
  amount: 0,
  unit: "CNY",
  period: year("2019"),
  ...fields,
});

const ctx: AgreementContext = {
  metricRelations: [
    {
      metric: "live-commerce-gmv-growth",
      related: "live-commerce-gmv-multiple",
      relation: "EQUIVALENT",
      scale: 0.01,
      offset: 1,
      note: "A growth of g percent is a multiple of 1 + g/100 of the previous year.",
    },
    {
      metric: "live-commerce-share-of-ecommerce",
      related: "live-commerce-share-of-online-retail",
      relation: "DIFFERENT_SCOPE",
      scale: null,
      offset: null,
      note: "All e-commerce is a larger base than online retail sales, so the two shares differ for the same market.",
    },
  ],
  partOf: new Map([["china-live-commerce", "china-live-streaming-industry"]]),
  subjectNames: new Map([
    ["china-live-commerce", "China's live-streaming e-commerce market"],
    ["china-live-streaming-industry", "China's live-streaming industry"],
  ]),
};

const verdictOf = (a: ComparableStatistic, b: ComparableStatistic) => {
  const r = compareStatistics(a, b, ctx);
  return r && [r.verdict, r.reason];
};

describe("agreement between statistics of one metric, subject and period", () => {
  it("finds 433.8 billion and 438.8 billion yuan for 2019 in conflict, with the gap", () => {
    expect(compareStatistics(stat({ amount: 433.8e9 }), stat({ amount: 438.8e9 }), ctx)).toEqual({
      verdict: "CONFLICTS",
      reason:
        '"433,800,000,000 CNY" and "438,800,000,000 CNY" cannot both hold: read with their stated precision (433,750,000,000 to 433,850,000,000 CNY and 438,750,000,000 to 438,850,000,000 CNY) they are still 4,900,000,000 CNY apart; the stated amounts differ by 5,000,000,000 CNY (1.2% of the smaller).',
      conversion: null,
      intervals: { first: interval(433.75e9, 433.85e9), second: interval(438.75e9, 438.85e9) },
    });
  });

  it("finds a lower bound of 300 billion compatible with 433.8 billion", () => {
    expect(verdictOf(stat({ amount: 300e9, comparator: "MORE_THAN" }), stat({ amount: 433.8e9 }))).toEqual([
      "COMPATIBLE",
      '"433,800,000,000 CNY" implies "more than 300,000,000,000 CNY": compatible, though the amounts differ.',
    ]);
  });

  it("finds the 1.05 trillion forecast compatible with a later 'more than 1 trillion' estimate, naming the kinds", () => {
    const forecast = stat({ amount: 1.05e12, kind: "FORECAST", period: year("2020") });
    const estimate = stat({ amount: 1e12, comparator: "MORE_THAN", period: year("2020") });
    expect(verdictOf(forecast, estimate)).toEqual([
      "COMPATIBLE",
      '"1,050,000,000,000 CNY" implies "more than 1,000,000,000,000 CNY": compatible, though the amounts differ. This compares a forecast with an estimate.',
    ]);
  });

  it("reads 'about 1 trillion' as agreeing with 1.05 trillion", () => {
    const about = stat({ amount: 1e12, comparator: "APPROXIMATELY", period: year("2020") });
    const flat = stat({ amount: 1.05e12, kind: "FORECAST", period: year("2020") });
    expect(verdictOf(about, flat)).toEqual([
      "AGREES",
      '"about 1,000,000,000,000 CNY" and "1,050,000,000,000 CNY" agree within their stated precision: read as 900,000,000,000 to 1,100,000,000,000 CNY and 1,045,000,000,000 to 1,055,000,000,000 CNY, they overlap. This compares an estimate with a forecast.',
    ]);
  });

  it("finds 'about 2 trillion' in conflict with 2.36151 trillion", () => {
    const forecast = stat({ amount: 2e12, comparator: "APPROXIMATELY", kind: "FORECAST", period: year("2021") });
    const outcome = stat({ amount: 2.36151e12, period: year("2021") });
    expect(verdictOf(forecast, outcome)).toEqual([
      "CONFLICTS",
      '"about 2,000,000,000,000 CNY" and "2,361,510,000,000 CNY" cannot both hold: read with their stated precision (1,800,000,000,000 to 2,200,000,000,000 CNY and 2,361,505,000,000 to 2,361,515,000,000 CNY) they are still 161,505,000,000 CNY apart; the stated amounts differ by 361,510,000,000 CNY (18.1% of the smaller). This compares a forecast with an estimate.',
    ]);
  });

  it("finds 210% and 225% growth in conflict, with the gap in percentage points", () => {
    const growth = (amount: number) => stat({ metric: "live-commerce-gmv-growth", amount, unit: "PERCENT" });
    expect(verdictOf(growth(210), growth(225))).toEqual([
      "CONFLICTS",
      '"210%" and "225%" cannot both hold: read with their stated precision (205 to 215% and 224.5 to 225.5%) they are still 9.5 percentage points apart; the stated amounts differ by 15 percentage points (7.1% of the smaller).',
    ]);
  });

  it("finds 26.8 billion and 19 billion for 2017 in conflict", () => {
    expect(verdictOf(stat({ amount: 26.8e9, period: year("2017") }), stat({ amount: 19e9, period: year("2017") }))).toEqual([
      "CONFLICTS",
      '"26,800,000,000 CNY" and "19,000,000,000 CNY" cannot both hold: read with their stated precision (26,750,000,000 to 26,850,000,000 CNY and 18,500,000,000 to 19,500,000,000 CNY) they are still 7,250,000,000 CNY apart; the stated amounts differ by 7,800,000,000 CNY (41.1% of the smaller).',
    ]);
  });

  it("converts a multiple of 2 times into growth and finds it agreeing with 121.5%", () => {
    const growth = stat({ metric: "live-commerce-gmv-growth", amount: 121.5, unit: "PERCENT", period: year("2020") });
    const multiple = stat({ metric: "live-commerce-gmv-multiple", amount: 2, unit: "times", period: year("2020") });
    expect(compareStatistics(growth, multiple, ctx)).toEqual({
      verdict: "AGREES",
      reason:
        '"121.5%" and "2 times" agree within their stated precision: read as 121.45 to 121.55% and 50 to 150%, they overlap. 2 times converts to 100% (A growth of g percent is a multiple of 1 + g/100 of the previous year).',
      conversion: {
        fromMetric: "live-commerce-gmv-multiple",
        toMetric: "live-commerce-gmv-growth",
        scale: 100,
        offset: -100,
        note: "A growth of g percent is a multiple of 1 + g/100 of the previous year.",
      },
      intervals: { first: interval(121.45, 121.55), second: interval(50, 150) },
    });
  });

  it("converts the other way when the relation is declared from the second statistic's metric", () => {
    const multiple = stat({ metric: "live-commerce-gmv-multiple", amount: 2, unit: "times", period: year("2020") });
    const growth = stat({ metric: "live-commerce-gmv-growth", amount: 121.5, unit: "PERCENT", period: year("2020") });
    expect(verdictOf(multiple, growth)).toEqual([
      "AGREES",
      '"2 times" and "121.5%" agree within their stated precision: read as 1.5 to 2.5 times and 2.2145 to 2.2155 times, they overlap. 121.5% converts to 2.215 times (A growth of g percent is a multiple of 1 + g/100 of the previous year).',
    ]);
  });

  it("finds 'more than 20 million' and 'more than 24 million' sessions compatible bounds", () => {
    const sessions = (amount: number) => stat({ metric: "live-sessions", amount, comparator: "MORE_THAN", unit: "sessions", period: year("2020"), kind: "MEASUREMENT" });
    expect(verdictOf(sessions(20e6), sessions(24e6))).toEqual([
      "COMPATIBLE",
      '"more than 24,000,000 sessions" implies "more than 20,000,000 sessions": compatible, though the amounts differ.',
    ]);
  });

  it("finds 'just under 50 billion' and 'over 50 billion' views in conflict: they only meet at the bound", () => {
    const views = (comparator: ComparableStatistic["comparator"]) => stat({ metric: "live-views", amount: 50e9, comparator, unit: "views", period: H1_2020 });
    expect(verdictOf(views("LESS_THAN"), views("MORE_THAN"))).toEqual([
      "CONFLICTS",
      '"less than 50,000,000,000 views" and "more than 50,000,000,000 views" cannot both hold: they meet at 50,000,000,000 views, which neither includes.',
    ]);
  });

  it("finds a flat 260 million views a day agreeing with 'more than 260 million'", () => {
    const perDay = (comparator: ComparableStatistic["comparator"]) =>
      stat({ metric: "live-views-per-day", amount: 260e6, comparator, unit: "views/day", kind: "DERIVED", period: H1_2020 });
    expect(verdictOf(perDay("EQUAL"), perDay("MORE_THAN"))).toEqual(["AGREES", "Both state 260,000,000 views/day, as a flat figure and a lower bound."]);
  });

  it("agrees on identical figures", () => {
    expect(verdictOf(stat({ amount: 433.8e9 }), stat({ amount: 433.8e9 }))).toEqual(["AGREES", "Both state 433,800,000,000 CNY."]);
  });

  it("compares two statistics without a period as of the same unstated period", () => {
    const share = () => stat({ metric: "merchant-session-share", subject: "taobao-live", amount: 90, unit: "PERCENT", period: null });
    expect(verdictOf(share(), share())).toEqual(["AGREES", "Both state 90%."]);
  });

  it("finds 282 million and 298 million dollars in conflict", () => {
    const usd = (amount: number, comparator: ComparableStatistic["comparator"] = "EQUAL") => stat({ amount, comparator, unit: "USD", period: year("2018") });
    expect(verdictOf(usd(282e6), usd(298e6))).toEqual([
      "CONFLICTS",
      '"282,000,000 USD" and "298,000,000 USD" cannot both hold: read with their stated precision (281,500,000 to 282,500,000 USD and 297,500,000 to 298,500,000 USD) they are still 15,000,000 USD apart; the stated amounts differ by 16,000,000 USD (5.7% of the smaller).',
    ]);
  });

  it("finds 'about 300 million' dollars agreeing with 282 million", () => {
    const usd = (amount: number, comparator: ComparableStatistic["comparator"] = "EQUAL") => stat({ amount, comparator, unit: "USD", period: year("2018") });
    expect(verdictOf(usd(300e6, "APPROXIMATELY"), usd(282e6))).toEqual([
      "AGREES",
      '"about 300,000,000 USD" and "282,000,000 USD" agree within their stated precision: read as 270,000,000 to 330,000,000 USD and 281,500,000 to 282,500,000 USD, they overlap.',
    ]);
  });

  it("flags a forty-fold conflict as more likely a different measure", () => {
    expect(verdictOf(stat({ amount: 23.6e9, period: year("2020") }), stat({ amount: 961e9, period: year("2020") }))).toEqual([
      "CONFLICTS",
      '"23,600,000,000 CNY" and "961,000,000,000 CNY" cannot both hold: read with their stated precision (23,550,000,000 to 23,650,000,000 CNY and 960,500,000,000 to 961,500,000,000 CNY) they are still 936,850,000,000 CNY apart; the stated amounts differ by 937,400,000,000 CNY. They differ by a factor of about 41: a gap this large more often means a different measure (another definition, scope or unit) than a disagreement.',
    ]);
  });
});

describe("different scope", () => {
  it("does not judge a share of all e-commerce against a share of online retail", () => {
    const ecommerce = stat({ metric: "live-commerce-share-of-ecommerce", amount: 4.1, unit: "PERCENT" });
    const retail = stat({ metric: "live-commerce-share-of-online-retail", amount: 5, unit: "PERCENT" });
    expect(compareStatistics(ecommerce, retail, ctx)).toEqual({
      verdict: "DIFFERENT_SCOPE",
      reason: "4.1% against 5% measure different things: all e-commerce is a larger base than online retail sales, so the two shares differ for the same market.",
      conversion: null,
      intervals: null,
    });
  });

  it("reads a relation declared on one side only in both directions", () => {
    const ecommerce = stat({ metric: "live-commerce-share-of-ecommerce", amount: 4.1, unit: "PERCENT" });
    const retail = stat({ metric: "live-commerce-share-of-online-retail", amount: 5, unit: "PERCENT" });
    expect(compareStatistics(retail, ecommerce, ctx)?.verdict).toBe("DIFFERENT_SCOPE");
  });

  it("treats eleven months against the full year as a different scope, not a conflict", () => {
    const janNov = stat({
      metric: "live-sessions",
      amount: 20e6,
      comparator: "MORE_THAN",
      unit: "sessions",
      period: { start: "2020-01-01", end: "2020-11-30", label: "2020-01/2020-11" },
    });
    const fullYear = stat({ metric: "live-sessions", amount: 24e6, comparator: "MORE_THAN", unit: "sessions", period: year("2020") });
    expect(verdictOf(janNov, fullYear)).toEqual([
      "DIFFERENT_SCOPE",
      "more than 20,000,000 sessions against more than 24,000,000 sessions measure different things: the periods overlap without being the same (2020-01/2020-11 against 2020).",
    ]);
  });

  it("treats a market against the broader market it is part of as a different scope", () => {
    const narrow = stat({ metric: "new-companies", amount: 6939, unit: "companies", period: year("2020") });
    const broad = stat({ metric: "new-companies", subject: "china-live-streaming-industry", amount: 65000, comparator: "MORE_THAN", unit: "companies", period: year("2020") });
    expect(verdictOf(broad, narrow)).toEqual([
      "DIFFERENT_SCOPE",
      "more than 65,000 companies against 6,939 companies measure different things: China's live-streaming e-commerce market is part of China's live-streaming industry.",
    ]);
  });
});

describe("statistics that are not comparable", () => {
  it("does not compare yuan with dollars", () => {
    expect(compareStatistics(stat({ amount: 1.9e9 }), stat({ amount: 282e6, unit: "USD" }), ctx)).toBeNull();
  });

  it("does not compare a stated period with an unstated one", () => {
    expect(compareStatistics(stat({ amount: 1, period: null }), stat({ amount: 1 }), ctx)).toBeNull();
  });

  it("does not compare periods that share no day", () => {
    expect(compareStatistics(stat({ amount: 1, period: year("2019") }), stat({ amount: 1, period: year("2020") }), ctx)).toBeNull();
  });

  it("does not compare unrelated metrics", () => {
    expect(compareStatistics(stat({ amount: 1 }), stat({ amount: 1, metric: "gmv" }), ctx)).toBeNull();
  });

  it("does not compare unrelated subjects", () => {
    expect(compareStatistics(stat({ amount: 1 }), stat({ amount: 1, subject: "taobao-live" }), ctx)).toBeNull();
  });
});

describe("listing a statistic's comparable figures", () => {
  it("lists the others with their verdicts and skips the statistic itself and incomparable ones", () => {
    const a = stat({ amount: 433.8e9 });
    const b = stat({ amount: 438.8e9 });
    const c = stat({ amount: 433.8e9, period: year("2020") });
    expect(agreementsWith(a, [a, b, c], ctx).map((x) => [x.other.id, x.agreement.verdict])).toEqual([[b.id, "CONFLICTS"]]);
  });
});
