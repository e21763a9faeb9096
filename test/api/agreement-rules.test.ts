import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./knowledge-bases.js";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";

/**
 * The agreement rules through the API, each on figures made for it (never on db/): reading a
 * value, periods and events, figures that cannot be judged, several subjects, ranges and
 * years. One knowledge base holds every scenario; each test reads the pairs it is about.
 */

const stat = (slug: string, fields: Record<string, unknown>) => ({
  slug,
  metric: "gadget-sales",
  subject: "gadget-market",
  kind: "ESTIMATE",
  period: 2020,
  ...fields,
});
const cny = (amount: number, extra: Record<string, unknown> = {}) => ({ amount, unit: "CNY", comparator: "EQUAL", ...extra });
const pct = (amount: number, extra: Record<string, unknown> = {}) => ({ amount, unit: "PERCENT", comparator: "EQUAL", ...extra });
/** One citation of a figure with the few words that write it (allowed without archived text). */
const written = (key: string, words: string) => [{ key, valueAsWritten: words, attribution: null }];

let api: TestApi;
beforeAll(async () => {
  api = await scenarioApi({
    registries: {
      people: [
        { slug: "host-a", name: "Host A", description: "A live-streaming host." },
        { slug: "host-b", name: "Host B", description: "Another live-streaming host." },
      ],
      platforms: [{ slug: "gadget-live", name: "Gadget Live", description: "A live-commerce platform.", partOf: "gadget-market" }],
      events: [
        { slug: "gadget-fest-2021", name: "Gadget Fest 2021", description: "A shopping festival.", start: "2021-10-20", end: "2021-11-11" },
        { slug: "gadget-fest-2021-presale", name: "Gadget Fest 2021 presale", description: "Its presale.", start: "2021-10-20", end: "2021-10-20", partOf: "gadget-fest-2021" },
        { slug: "gadget-fest-2021-day-one", name: "Gadget Fest 2021, first day", description: "Its first day.", start: "2021-11-01", end: "2021-11-01", partOf: "gadget-fest-2021" },
      ],
      metrics: [
        { slug: "presale-hours", name: "Presale duration", description: "How long a presale ran.", quantity: "DURATION", units: ["hours"] },
        { slug: "host-sales", name: "Host sales", description: "Sales in a host's streams.", quantity: "MONEY", units: ["CNY"] },
        { slug: "founding-year", name: "Founding year", description: "The year a company was founded.", quantity: "COUNT", units: ["calendar-year"] },
        {
          slug: "gadget-units",
          name: "Gadget units sold",
          description: "Units of gadgets sold.",
          quantity: "COUNT",
          units: ["units"],
          related: [{ metric: "gadget-sales", relation: "DIFFERENT_SCOPE", note: "Units sold are not money." }],
        },
      ],
    },
    sources: [
      noneSource("daily-news-2021-values", [
        stat("share-10", { metric: "gadget-share", value: pct(10) }),
        stat("share-8-6", { metric: "gadget-share", value: pct(8.6) }),
        stat("share-4", { metric: "gadget-share", period: 2019, value: pct(4) }),
        stat("share-5", { metric: "gadget-share", period: 2019, value: pct(5) }),
        stat("sales-1-9bn", { value: cny(1.9e9) }),
        stat("sales-2bn", { value: cny(2e9), citations: written("sales-2bn", "2 billion yuan") }),
        stat("sales-2018-961bn", { period: 2018, value: cny(961e9), citations: written("sales-2018", "9610亿元") }),
        stat("sales-2018-960bn", { period: 2018, value: cny(960e9, { precision: 1e9 }) }),
        stat("sales-2017-over-1bn", { period: 2017, value: { amount: 1e9, unit: "CNY", comparator: "MORE_THAN" } }),
        stat("sales-2017-12bn", { period: 2017, value: cny(12e9) }),
        stat("sales-2016-range", { period: 2016, value: { amount: 30e9, upper: 60e9, unit: "CNY", comparator: "BETWEEN" } }),
        stat("sales-2016-45bn", { period: 2016, value: cny(45e9) }),
        stat("sales-undated", { period: null, value: cny(2e9) }),
        stat("sales-2020-usd", { value: { amount: 282e6, unit: "USD", comparator: "EQUAL" } }),
        stat("units-2020", { metric: "gadget-units", value: { amount: 5e6, unit: "units", comparator: "EQUAL" } }),
        stat("platform-sales-2020", { subject: "gadget-live", value: cny(1.5e9) }),
        stat("founded", { metric: "founding-year", subject: "gadget-live", period: null, value: { amount: 2017, unit: "calendar-year", comparator: "EQUAL" } }),
      ]),
      noneSource("evening-post-2021-events", [
        stat("presale-hours-day", { metric: "presale-hours", event: "gadget-fest-2021-presale", period: "2021-10-20", value: { amount: 14, unit: "hours", comparator: "EQUAL" } }),
        stat("presale-hours-month", { metric: "presale-hours", event: "gadget-fest-2021-presale", period: "2021-10", value: { amount: 14, unit: "hours", comparator: "EQUAL" } }),
        stat("fest-day-one-sales", { event: "gadget-fest-2021-day-one", period: "2021-11-01", value: cny(100e9) }),
        stat("fest-sales", { event: "gadget-fest-2021", period: 2021, value: cny(540e9) }),
        stat("year-sales-2021", { period: 2021, value: cny(8.4e12, { precision: 1e11 }) }),
        stat("host-a-sales", { metric: "host-sales", subject: "host-a", period: "2021-10-20", event: "gadget-fest-2021-presale", value: cny(8.2e9) }),
        stat("host-a-presale-month", { metric: "host-sales", subject: "host-a", period: "2021-10", event: "gadget-fest-2021-presale", value: cny(9.5e9) }),
        { ...stat("hosts-ab-sales", { metric: "host-sales", period: "2021-10-20", event: "gadget-fest-2021-presale", value: cny(19e9) }), subject: undefined, subjects: ["host-a", "host-b"] },
      ]),
    ],
  });
});
afterAll(() => api.close());

const AGREEMENT = `agreement {
  comparisons { statistic { slug } verdict reason flags amountRatio ownInterval { lowerBound upperBound lowerInclusive upperInclusive } }
  notCompared { statistic { slug } reason }
}`;

/** The comparison of `slug` with `other` through the API, or undefined when it is not listed. */
async function comparison(slug: string, other: string) {
  const data = await api.data(`query($slug: String!) { statistic(slug: $slug) { ${AGREEMENT} } }`, { slug });
  return data.statistic.agreement.comparisons.find((c: any) => c.statistic.slug === other);
}

async function notCompared(slug: string) {
  return (await api.data(`query($slug: String!) { statistic(slug: $slug) { ${AGREEMENT} } }`, { slug })).statistic.agreement.notCompared;
}

describe("reading a value: a stated figure stands for what rounds to it", () => {
  it("keeps '10%' and 8.6% apart, and says what 8.6% rounds to", async () => {
    expect(await comparison("share-10", "share-8-6")).toMatchObject({
      verdict: "CONFLICTS",
      reason: '"10%" and "8.6%" cannot both hold: "8.6%" rounds to "9%", not "10%"; they differ by 1.4 percentage points (16.3% of the smaller).',
      ownInterval: { lowerBound: 9.5, upperBound: 10.5, lowerInclusive: true, upperInclusive: false },
    });
  });

  it("never lets 4% and 5% agree: the same written precision, different amounts", async () => {
    expect((await comparison("share-4", "share-5"))?.verdict).toBe("CONFLICTS");
  });

  it("lets 1.9 billion agree with '2 billion', saying which rounds to which", async () => {
    expect(await comparison("sales-1-9bn", "sales-2bn")).toMatchObject({ verdict: "AGREES", reason: '"1.9 billion yuan" rounds to "2 billion yuan", so the two agree.' });
  });

  it("reads the digits as written: 9610亿 (to units of 亿) does not round to 960 billion", async () => {
    const data = await api.data(`{ statistic(slug: "sales-2018-961bn") { value { precision asWritten } } }`);
    expect(data.statistic.value).toEqual({ precision: 1e8, asWritten: "9610亿元" });
    expect((await comparison("sales-2018-961bn", "sales-2018-960bn"))?.verdict).toBe("CONFLICTS");
  });

  it("flags a ten-fold gap even when the verdict is only COMPATIBLE", async () => {
    expect(await comparison("sales-2017-over-1bn", "sales-2017-12bn")).toMatchObject({ verdict: "COMPATIBLE", flags: ["ORDER_OF_MAGNITUDE"], amountRatio: 12 });
  });

  it("reads a BETWEEN range as its closed interval", async () => {
    expect(await comparison("sales-2016-range", "sales-2016-45bn")).toMatchObject({
      verdict: "COMPATIBLE",
      reason: '"45 billion yuan" lies within "between 30 billion and 60 billion yuan": compatible, though the two do not state the same amount.',
      ownInterval: { lowerBound: 30e9, upperBound: 60e9, lowerInclusive: true, upperInclusive: true },
    });
  });

  it("prints a year as a year", async () => {
    const data = await api.data(`{ statistic(slug: "founded") { value { amount unit } cite(style: APA) } }`);
    expect(data.statistic.value).toEqual({ amount: 2017, unit: "calendar-year" });
    expect(data.statistic.cite).not.toContain("2,017");
  });
});

describe("periods, events and the precision of dates", () => {
  it("compares a day-dated and a month-dated figure of one presale as one measurement", async () => {
    expect(await comparison("presale-hours-day", "presale-hours-month")).toMatchObject({
      verdict: "AGREES",
      reason: "Both state 14 hours. Both are about Gadget Fest 2021 presale, dated with different precision (2021-10-20 against 2021-10).",
      flags: ["DATE_PRECISION_DIFFERS"],
    });
  });

  it("never judges the first day of a festival against the whole festival by value", async () => {
    expect(await comparison("fest-day-one-sales", "fest-sales")).toMatchObject({
      verdict: "DIFFERENT_SCOPE",
      reason:
        "100 billion yuan against 540 billion yuan measure different things: they are about different events (Gadget Fest 2021, first day against Gadget Fest 2021; Gadget Fest 2021, first day is part of Gadget Fest 2021).",
    });
  });

  it("reads a festival figure dated to its year as the festival's days: different scope from the year's total", async () => {
    const c = await comparison("fest-sales", "year-sales-2021");
    expect(c).toMatchObject({ verdict: "DIFFERENT_SCOPE", flags: ["ORDER_OF_MAGNITUDE"] });
    expect(c.reason).toContain("the periods overlap without being the same (Gadget Fest 2021, 2021-10-20 to 2021-11-11 against 2021)");
  });

  it("includes sub-events when filtering by an event", async () => {
    const data = await api.data(`{ statistics(filter: { event: "gadget-fest-2021" }, first: 50) { nodes { slug } } }`);
    expect(data.statistics.nodes.map((n: any) => n.slug).sort()).toEqual(
      ["fest-day-one-sales", "fest-sales", "host-a-presale-month", "host-a-sales", "hosts-ab-sales", "presale-hours-day", "presale-hours-month"].sort(),
    );
  });
});

describe("figures that cannot be judged are listed with the reason, never dropped", () => {
  it("lists an undated figure of the same metric and subject as not judged, saying what to do", async () => {
    expect(await notCompared("sales-2bn")).toContainEqual({
      statistic: { slug: "sales-undated" },
      reason: "Not judged: the other figure states no period: compare by hand, or record the period the source implies (periodInferred).",
    });
  });

  it("lists a figure in another currency as not judged", async () => {
    expect(await notCompared("sales-2bn")).toContainEqual({
      statistic: { slug: "sales-2020-usd" },
      reason: "Not judged: stated in CNY and in USD, and the knowledge base holds no conversion between them; compare by hand.",
    });
  });

  it("states different scope for a neighbouring metric in another unit instead of skipping it", async () => {
    expect(await comparison("sales-2bn", "units-2020")).toMatchObject({ verdict: "DIFFERENT_SCOPE", reason: "2 billion yuan against 5 million units measure different things: units sold are not money." });
  });

  it("compares a platform's own figure with its market's total as different scope", async () => {
    expect(await comparison("sales-2bn", "platform-sales-2020")).toMatchObject({
      verdict: "DIFFERENT_SCOPE",
      reason: "2 billion yuan against 1.5 billion yuan measure different things: Gadget Live is part of Gadget market.",
    });
  });
});

describe("figures about several subjects", () => {
  it("serves every subject of a combined figure", async () => {
    const data = await api.data(`{ statistic(slug: "hosts-ab-sales") { subject { slug } subjects { slug } } }`);
    expect(data.statistic).toEqual({ subject: { slug: "host-a" }, subjects: [{ slug: "host-a" }, { slug: "host-b" }] });
  });

  it("compares one host's figure with the two hosts' combined figure as different scope", async () => {
    expect(await comparison("host-a-sales", "hosts-ab-sales")).toMatchObject({
      verdict: "DIFFERENT_SCOPE",
      reason: "8.2 billion yuan against 19 billion yuan measure different things: one is about Host A, the other about Host A and Host B.",
    });
  });
});

describe("the conflicts listing follows the same rules", () => {
  it("lists a conflict between two figures of one event dated with different precision", async () => {
    const data = await api.data(`{ conflicts(metric: "host-sales", first: 10) { nodes { statistics { slug } } } }`);
    expect(data.conflicts.nodes.map((g: any) => g.statistics.map((s: any) => s.slug))).toEqual([["host-a-presale-month", "host-a-sales"]]);
  });
});
