import { describe, expect, it } from "vitest";
import { type AgreementContext, type ComparableStatistic, agreementsWith, compareStatistics } from "../../src/facts/agreement.js";
import { type Comparator, interval } from "../../src/facts/interval.js";
import { defaultPrecision } from "../../src/facts/precision.js";

const year = (label: string) => ({ start: `${label}-01-01`, end: `${label}-12-31`, label });
const H1_2020 = { start: "2020-01-01", end: "2020-06-30", label: "2020-H1" };

/** A statistic's fields, with the value's parts flat for brevity. */
type StatFields = Partial<Omit<ComparableStatistic, "value">> & { comparator?: Comparator; amount?: number; upper?: number | null; precision?: number };

let nextId = 0;
const stat = ({ comparator = "EQUAL", amount = 0, upper = null, precision, ...fields }: StatFields): ComparableStatistic => ({
  id: ++nextId,
  metric: "live-commerce-gmv",
  subject: fields.subject ?? "china-live-commerce",
  subjects: [fields.subject ?? "china-live-commerce"],
  event: null,
  kind: "ESTIMATE",
  value: { comparator, amount, upper, precision: precision ?? defaultPrecision(amount) },
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
  names: new Map([
    ["china-live-commerce", "China's live-streaming e-commerce market"],
    ["china-live-streaming-industry", "China's live-streaming industry"],
  ]),
};

const verdictOf = (a: ComparableStatistic, b: ComparableStatistic) => {
  const r = compareStatistics(a, b, ctx);
  if (r === null) return null;
  return "unjudged" in r ? ["NOT_JUDGED", r.unjudged] : [r.verdict, r.reason];
};

describe("agreement between statistics of one metric, subject and period", () => {
  it("finds 433.8 billion and 438.8 billion yuan for 2019 in conflict: same precision, different amounts", () => {
    expect(compareStatistics(stat({ amount: 433.8e9 }), stat({ amount: 438.8e9 }), ctx)).toEqual({
      verdict: "CONFLICTS",
      reason: '"433.8 billion yuan" and "438.8 billion yuan" cannot both hold: both are written to the same precision (tenths of a billion) and differ by 5 billion yuan (1.2% of the smaller).',
      conversion: null,
      intervals: { first: interval(433.75e9, 433.85e9, false, true), second: interval(438.75e9, 438.85e9, false, true) },
      ratio: 438.8e9 / 433.8e9,
      flags: [],
    });
  });

  it("finds a lower bound of 300 billion compatible with 433.8 billion", () => {
    expect(verdictOf(stat({ amount: 300e9, comparator: "MORE_THAN" }), stat({ amount: 433.8e9 }))).toEqual([
      "COMPATIBLE",
      '"433.8 billion yuan" lies within "more than 300 billion yuan": compatible, though the two do not state the same amount.',
    ]);
  });

  it("finds the 1.05 trillion forecast compatible with a later 'more than 1 trillion' estimate, naming the kinds", () => {
    const forecast = stat({ amount: 1.05e12, kind: "FORECAST", period: year("2020") });
    const estimate = stat({ amount: 1e12, comparator: "MORE_THAN", period: year("2020") });
    expect(verdictOf(forecast, estimate)).toEqual([
      "COMPATIBLE",
      '"1.05 trillion yuan" lies within "more than 1 trillion yuan": compatible, though the two do not state the same amount. This compares a forecast with an estimate.',
    ]);
    expect(compareStatistics(forecast, estimate, ctx)).toMatchObject({ flags: ["KINDS_DIFFER"] });
  });

  it("reads 'about 1 trillion' as agreeing with 1.05 trillion", () => {
    const about = stat({ amount: 1e12, comparator: "APPROXIMATELY", period: year("2020") });
    const flat = stat({ amount: 1.05e12, kind: "FORECAST", period: year("2020") });
    expect(verdictOf(about, flat)).toEqual([
      "AGREES",
      '"about 1 trillion yuan" and "1.05 trillion yuan" agree within their stated precision: read as 0.9 to 1.1 trillion yuan and 1.045 to 1.055 trillion yuan, they overlap. This compares an estimate with a forecast.',
    ]);
  });

  it("finds 'about 2 trillion' in conflict with 2.36151 trillion", () => {
    const forecast = stat({ amount: 2e12, comparator: "APPROXIMATELY", kind: "FORECAST", period: year("2021") });
    const outcome = stat({ amount: 2.36151e12, period: year("2021") });
    expect(verdictOf(forecast, outcome)).toEqual([
      "CONFLICTS",
      '"about 2 trillion yuan" and "2.36151 trillion yuan" cannot both hold: read as 1.8 to 2.2 trillion yuan and 2.361505 to 2.361515 trillion yuan, they are 161.505 billion yuan apart. This compares a forecast with an estimate.',
    ]);
  });

  it("finds 210% and 225% growth in conflict, with the difference in percentage points", () => {
    const growth = (amount: number) => stat({ metric: "live-commerce-gmv-growth", amount, unit: "PERCENT" });
    expect(verdictOf(growth(210), growth(225))).toEqual([
      "CONFLICTS",
      '"210%" and "225%" cannot both hold: both are written to the same precision (units) and differ by 15 percentage points (7.1% of the smaller).',
    ]);
  });

  it("converts a multiple of 2 times into growth: 121.5% rounds to 100% at the precision of '2 times'", () => {
    const growth = stat({ metric: "live-commerce-gmv-growth", amount: 121.5, unit: "PERCENT", period: year("2020") });
    const multiple = stat({ metric: "live-commerce-gmv-multiple", amount: 2, unit: "times", period: year("2020") });
    expect(compareStatistics(growth, multiple, ctx)).toEqual({
      verdict: "AGREES",
      reason: '"121.5%" rounds to "100%", so the two agree. 2 times converts to 100% (A growth of g percent is a multiple of 1 + g/100 of the previous year).',
      conversion: {
        fromMetric: "live-commerce-gmv-multiple",
        toMetric: "live-commerce-gmv-growth",
        scale: 100,
        offset: -100,
        note: "A growth of g percent is a multiple of 1 + g/100 of the previous year.",
      },
      intervals: { first: interval(121.45, 121.55, false, true), second: interval(50, 150, false, true) },
      ratio: 1.215,
      flags: ["CONVERTED"],
    });
  });

  it("converts the other way when the relation is declared from the second statistic's metric", () => {
    const multiple = stat({ metric: "live-commerce-gmv-multiple", amount: 2, unit: "times", period: year("2020") });
    const growth = stat({ metric: "live-commerce-gmv-growth", amount: 121.5, unit: "PERCENT", period: year("2020") });
    expect(verdictOf(multiple, growth)).toEqual([
      "AGREES",
      '"2.215 times" rounds to "2 times", so the two agree. 121.5% converts to 2.215 times (A growth of g percent is a multiple of 1 + g/100 of the previous year).',
    ]);
  });

  it("finds 'more than 20 million' and 'more than 24 million' sessions compatible bounds", () => {
    const sessions = (amount: number) => stat({ metric: "live-sessions", amount, comparator: "MORE_THAN", unit: "sessions", period: year("2020"), kind: "MEASUREMENT" });
    expect(verdictOf(sessions(20e6), sessions(24e6))).toEqual([
      "COMPATIBLE",
      '"more than 24 million sessions" lies within "more than 20 million sessions": compatible, though the two do not state the same amount.',
    ]);
  });

  it("finds 'just under 50 billion' and 'over 50 billion' views in conflict: they only meet at the bound", () => {
    const views = (comparator: Comparator) => stat({ metric: "live-views", amount: 50e9, comparator, unit: "views", period: H1_2020 });
    expect(verdictOf(views("LESS_THAN"), views("MORE_THAN"))).toEqual([
      "CONFLICTS",
      '"less than 50 billion views" and "more than 50 billion views" cannot both hold: they meet at 50 billion views, which neither includes.',
    ]);
  });

  it("finds a flat 260 million views a day agreeing with 'more than 260 million'", () => {
    const perDay = (comparator: Comparator) => stat({ metric: "live-views-per-day", amount: 260e6, comparator, unit: "views/day", kind: "DERIVED", period: H1_2020 });
    expect(verdictOf(perDay("EQUAL"), perDay("MORE_THAN"))).toEqual([
      "AGREES",
      '"260 million views/day" and "more than 260 million views/day" state the same amount, one as a flat figure and one as a lower bound.',
    ]);
  });

  it("agrees on identical figures", () => {
    expect(verdictOf(stat({ amount: 433.8e9 }), stat({ amount: 433.8e9 }))).toEqual(["AGREES", "Both state 433.8 billion yuan."]);
  });

  it("compares two statistics without a period as of the same unstated period", () => {
    const share = () => stat({ metric: "merchant-session-share", subject: "taobao-live", amount: 90, unit: "PERCENT", period: null });
    expect(verdictOf(share(), share())).toEqual(["AGREES", "Both state 90%."]);
  });

  it("finds 282 million and 298 million dollars in conflict", () => {
    const usd = (amount: number) => stat({ amount, unit: "USD", period: year("2018") });
    expect(verdictOf(usd(282e6), usd(298e6))).toEqual([
      "CONFLICTS",
      '"282 million US dollars" and "298 million US dollars" cannot both hold: both are written to the same precision (units of a million) and differ by 16 million US dollars (5.7% of the smaller).',
    ]);
  });

  it("finds 'about 300 million' dollars agreeing with 282 million", () => {
    const usd = (amount: number, comparator: Comparator = "EQUAL") => stat({ amount, comparator, unit: "USD", period: year("2018") });
    expect(verdictOf(usd(300e6, "APPROXIMATELY"), usd(282e6))).toEqual([
      "AGREES",
      '"about 300 million US dollars" and "282 million US dollars" agree within their stated precision: read as 270 to 330 million US dollars and 281.5 to 282.5 million US dollars, they overlap.',
    ]);
  });

  it("flags a forty-fold conflict as more likely a different measure", () => {
    const r = compareStatistics(stat({ amount: 23.6e9, period: year("2020") }), stat({ amount: 961e9, period: year("2020") }), ctx);
    expect(r).toMatchObject({
      verdict: "CONFLICTS",
      reason:
        '"23.6 billion yuan" and "961 billion yuan" cannot both hold: "23.6 billion yuan" rounds to "24 billion yuan", not "961 billion yuan"; they differ by 937.4 billion yuan. The amounts differ by a factor of about 41: a gap this large more often means a different measure (another definition, scope or unit) than the same one.',
      flags: ["ORDER_OF_MAGNITUDE"],
    });
  });
});

describe("reading a value: a stated figure stands for what rounds to it", () => {
  const pct = (amount: number, precision?: number) => stat({ metric: "penetration", amount, unit: "PERCENT", precision });

  it("does not let '10%' agree with 8.6%, which rounds to 9%", () => {
    expect(verdictOf(pct(10), pct(8.6))).toEqual([
      "CONFLICTS",
      '"10%" and "8.6%" cannot both hold: "8.6%" rounds to "9%", not "10%"; they differ by 1.4 percentage points (16.3% of the smaller).',
    ]);
  });

  it("never lets two figures of the same written precision agree: 4% against 5%", () => {
    expect(verdictOf(pct(4), pct(5))).toEqual([
      "CONFLICTS",
      '"4%" and "5%" cannot both hold: both are written to the same precision (units) and differ by 1 percentage point (25% of the smaller).',
    ]);
  });

  it("lets 1.9 billion agree with 2 billion, saying which rounds to which", () => {
    expect(verdictOf(stat({ amount: 1.9e9 }), stat({ amount: 2e9 }))).toEqual(["AGREES", '"1.9 billion yuan" rounds to "2 billion yuan", so the two agree.']);
  });

  it("keeps neighbours one unit of their last digit apart in conflict (half-open rounding bands do not touch)", () => {
    expect(verdictOf(stat({ amount: 433.8e9 }), stat({ amount: 433.9e9 }))?.[0]).toBe("CONFLICTS");
  });

  it("does not let a flat round figure agree with one a few percent below it", () => {
    expect(verdictOf(stat({ amount: 100e6 }), stat({ amount: 96e6 }))).toEqual([
      "CONFLICTS",
      '"100 million yuan" and "96 million yuan" cannot both hold: both are written to the same precision (units of a million) and differ by 4 million yuan (4.2% of the smaller).',
    ]);
  });

  it("rounds halves away from zero: 2.5 billion rounds to 3 billion, not 2 billion", () => {
    const precise = stat({ amount: 2.5e9, precision: 1e8 });
    expect(verdictOf(precise, stat({ amount: 3e9 }))?.[0]).toBe("AGREES");
    expect(verdictOf(precise, stat({ amount: 2e9 }))?.[0]).toBe("CONFLICTS");
  });

  it("uses the precision the editor records: 961 billion written as 9610亿 does not round to 960 billion", () => {
    expect(verdictOf(stat({ amount: 961e9, precision: 1e8 }), stat({ amount: 960e9, precision: 1e9 }))?.[0]).toBe("CONFLICTS");
    expect(verdictOf(stat({ amount: 960.4e9, precision: 1e8 }), stat({ amount: 960e9, precision: 1e9 }))?.[0]).toBe("AGREES");
  });

  it("flags an order of magnitude even when one side is only a bound", () => {
    const r = compareStatistics(stat({ amount: 1e6, comparator: "MORE_THAN", unit: "people" }), stat({ amount: 12e6, unit: "people" }), ctx);
    expect(r).toMatchObject({ verdict: "COMPATIBLE", flags: ["ORDER_OF_MAGNITUDE"] });
    expect((r as { reason: string }).reason).toContain("The amounts differ by a factor of about 12");
  });

  it("reads a BETWEEN range as its closed interval: compatible with a figure inside, in conflict with one far outside", () => {
    const range = stat({ amount: 5000, upper: 7000, comparator: "BETWEEN", unit: "MCNs" });
    expect(verdictOf(range, stat({ amount: 6000, unit: "MCNs" }))).toEqual([
      "COMPATIBLE",
      '"6,000 MCNs" lies within "between 5,000 and 7,000 MCNs": compatible, though the two do not state the same amount.',
    ]);
    expect(verdictOf(range, stat({ amount: 28000, unit: "MCNs" }))?.[0]).toBe("CONFLICTS");
    expect(verdictOf(range, stat({ amount: 5000, upper: 7000, comparator: "BETWEEN", unit: "MCNs" }))).toEqual(["AGREES", "Both state between 5,000 and 7,000 MCNs."]);
  });

  it("writes bounds without floating-point noise", () => {
    const r = compareStatistics(pct(8.6), pct(8.6), ctx) as { intervals: { first: unknown } };
    expect(r.intervals.first).toEqual(interval(8.55, 8.65, false, true));
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
      ratio: 5 / 4.1,
      flags: [],
    });
  });

  it("reads a relation declared on one side only in both directions", () => {
    const ecommerce = stat({ metric: "live-commerce-share-of-ecommerce", amount: 4.1, unit: "PERCENT" });
    const retail = stat({ metric: "live-commerce-share-of-online-retail", amount: 5, unit: "PERCENT" });
    expect(verdictOf(retail, ecommerce)?.[0]).toBe("DIFFERENT_SCOPE");
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
      "more than 20 million sessions against more than 24 million sessions measure different things: the periods overlap without being the same (2020-01/2020-11 against 2020).",
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

  it("states different scope between neighbouring metrics even when their units differ", () => {
    const ecommerce = stat({ metric: "live-commerce-share-of-ecommerce", amount: 4.1, unit: "PERCENT" });
    const retail = stat({ metric: "live-commerce-share-of-online-retail", amount: 0.05, unit: "ratio" });
    expect(verdictOf(ecommerce, retail)?.[0]).toBe("DIFFERENT_SCOPE");
  });

  it("treats a figure about one person against a combined figure of two people as different scope", () => {
    const viya = stat({ metric: "host-sales", subject: "viya", amount: 3e9 });
    const both = { ...stat({ metric: "host-sales", subject: "viya", amount: 5e9 }), subjects: ["viya", "li-jiaqi"] };
    expect(verdictOf(viya, both)).toEqual(["DIFFERENT_SCOPE", "3 billion yuan against 5 billion yuan measure different things: one is about viya, the other about viya and li-jiaqi."]);
    expect(verdictOf(both, { ...both, id: ++nextId, subjects: ["li-jiaqi", "viya"] })?.[0]).toBe("AGREES");
  });
});

describe("events, periods and the precision of dates", () => {
  const events: AgreementContext = {
    ...ctx,
    events: new Map([
      ["double-11-2021", { start: "2021-10-20", end: "2021-11-11", name: "Singles' Day 2021" }],
      ["double-11-2021-presale", { start: "2021-10-20", end: "2021-10-20", name: "Singles' Day 2021 presale" }],
      ["double-11-2021-day-one", { start: "2021-11-01", end: "2021-11-01", name: "Singles' Day 2021, first day" }],
    ]),
    eventParents: new Map([
      ["double-11-2021-presale", "double-11-2021"],
      ["double-11-2021-day-one", "double-11-2021"],
    ]),
  };
  const day = { start: "2021-10-20", end: "2021-10-20", label: "2021-10-20" };
  const month = { start: "2021-10-01", end: "2021-10-31", label: "2021-10" };
  const judge = (a: ComparableStatistic, b: ComparableStatistic) => {
    const r = compareStatistics(a, b, events);
    return r === null ? null : "unjudged" in r ? ["NOT_JUDGED", r.unjudged] : [r.verdict, r.reason, r.flags];
  };

  it("compares a day-dated and a month-dated figure of one event as one measurement", () => {
    const a = stat({ metric: "presale-hours", amount: 14, unit: "hours", event: "double-11-2021-presale", period: day });
    const b = stat({ metric: "presale-hours", amount: 14, unit: "hours", event: "double-11-2021-presale", period: month });
    expect(judge(a, b)).toEqual([
      "AGREES",
      "Both state 14 hours. Both are about Singles' Day 2021 presale, dated with different precision (2021-10-20 against 2021-10).",
      ["DATE_PRECISION_DIFFERS"],
    ]);
  });

  it("treats the first day of a festival against the whole festival as different scope, never a conflict", () => {
    const dayOne = stat({ metric: "gmv", amount: 100e9, event: "double-11-2021-day-one", period: { start: "2021-11-01", end: "2021-11-01", label: "2021-11-01" } });
    const whole = stat({ metric: "gmv", amount: 540e9, event: "double-11-2021", period: year("2021") });
    expect(judge(dayOne, whole)?.slice(0, 2)).toEqual([
      "DIFFERENT_SCOPE",
      "100 billion yuan against 540 billion yuan measure different things: they are about different events (Singles' Day 2021, first day against Singles' Day 2021; Singles' Day 2021, first day is part of Singles' Day 2021).",
    ]);
  });

  it("treats a presale against the festival as different scope even when both are dated to the same month", () => {
    const presale = stat({ metric: "gmv", amount: 1e9, event: "double-11-2021-presale", period: month });
    const festival = stat({ metric: "gmv", amount: 1e9, event: "double-11-2021", period: month });
    expect(judge(presale, festival)?.[0]).toBe("DIFFERENT_SCOPE");
  });

  it("reads an event figure dated only to its year as the event's days: different scope from a whole-year total", () => {
    const festival = stat({ metric: "gmv", amount: 540e9, event: "double-11-2021", period: year("2021") });
    const yearTotal = stat({ metric: "gmv", amount: 540e9, period: year("2021") });
    expect(judge(festival, yearTotal)?.[1]).toContain("the periods overlap without being the same (Singles' Day 2021, 2021-10-20 to 2021-11-11 against 2021)");
  });
});

describe("figures that cannot be judged are said so, not dropped", () => {
  it("does not judge yuan against dollars, and says why", () => {
    expect(verdictOf(stat({ amount: 1.9e9 }), stat({ amount: 282e6, unit: "USD" }))).toEqual([
      "NOT_JUDGED",
      "Not judged: stated in CNY and in USD, and the knowledge base holds no conversion between them; compare by hand.",
    ]);
  });

  it("does not judge a dated figure against an undated one, and says what to do", () => {
    expect(verdictOf(stat({ amount: 1, period: null }), stat({ amount: 1 }))).toEqual([
      "NOT_JUDGED",
      "Not judged: this figure states no period: compare by hand, or record the period the source implies (periodInferred).",
    ]);
  });

});

describe("statistics that are not comparable at all", () => {
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
    const d = stat({ amount: 433.8e9, period: null });
    expect(agreementsWith(a, [a, b, c, d], ctx).map((x) => [x.other.id, "agreement" in x ? x.agreement.verdict : "NOT_JUDGED"])).toEqual([
      [b.id, "CONFLICTS"],
      [d.id, "NOT_JUDGED"],
    ]);
  });
});
