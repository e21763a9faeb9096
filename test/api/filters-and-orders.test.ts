import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi } from "./knowledge-bases.js";
import { MODEL, type ModelStatistic, ordered } from "./fixture-model.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

/** Every slug of a list, reading it in pages of 100 (so cursors cross into the NULL-key part). */
async function readAll(filter: Record<string, unknown> | null, orderBy?: Record<string, unknown>): Promise<{ totalCount: number; slugs: string[] }> {
  const slugs: string[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const { statistics }: { statistics: any } = await api.data(
      `query($filter: StatisticFilter, $orderBy: StatisticOrder, $after: String) {
        statistics(filter: $filter, orderBy: $orderBy, first: 100, after: $after) { totalCount nodes { slug } pageInfo { hasNextPage endCursor } }
      }`,
      { filter, orderBy, after },
    );
    totalCount = statistics.totalCount;
    slugs.push(...statistics.nodes.map((n: { slug: string }) => n.slug));
    if (!statistics.pageInfo.hasNextPage) return { totalCount, slugs };
    after = statistics.pageInfo.endCursor;
  }
}

const expectList = (list: readonly ModelStatistic[]) => ({ totalCount: list.length, slugs: ordered(list, "PERIOD", "ASC") });

describe("statistics orders", () => {
  for (const field of ["PERIOD", "VALUE", "PUBLISHED"] as const) {
    for (const direction of ["ASC", "DESC"] as const) {
      it(`sorts by ${field} ${direction}, ties by id, statistics without the key last`, async () => {
        expect(await readAll(null, { field, direction })).toEqual({ totalCount: MODEL.length, slugs: ordered(MODEL, field, direction) });
      });
    }
  }

  it("puts statistics without a period after all others in both directions", async () => {
    const undated = MODEL.filter((s) => s.start === null).length;
    expect(undated).toBeGreaterThan(10);
    for (const direction of ["ASC", "DESC"]) {
      const { slugs } = await readAll(null, { field: "PERIOD", direction });
      expect(slugs.slice(-undated).every((slug) => MODEL.find((s) => s.slug === slug)!.start === null)).toBe(true);
    }
  });

  it("sorts by period, earliest first, when no order is given", async () => {
    expect(await readAll(null)).toEqual({ totalCount: MODEL.length, slugs: ordered(MODEL, "PERIOD", "ASC") });
  });
});

describe("statistics filters", () => {
  const cases: [string, Record<string, unknown>, (s: ModelStatistic) => boolean][] = [
    ["metric", { metric: "widget-gmv" }, (s) => s.metric === "widget-gmv"],
    ["subject", { subject: "shoplive" }, (s) => s.subject === "shoplive"],
    ["event", { event: "widget-fest-2020" }, (s) => s.event === "widget-fest-2020"],
    ["kind", { kind: "FORECAST" }, (s) => s.kind === "FORECAST"],
    ["unit", { unit: "PERCENT" }, (s) => s.unit === "PERCENT"],
    ["period overlap (from and to)", { periodFrom: "2020-06-01", periodTo: "2020-12-15" }, (s) => s.start !== null && s.start <= "2020-12-15" && s.end! >= "2020-06-01"],
    ["period overlap (from only)", { periodFrom: "2021-01-01" }, (s) => s.end !== null && s.end >= "2021-01-01"],
    ["period overlap (to only)", { periodTo: "2012-06-30" }, (s) => s.start !== null && s.start <= "2012-06-30"],
    ["source", { source: "fixture-daily-2020-12-widget-excerpt" }, (s) => s.sources.includes("fixture-daily-2020-12-widget-excerpt")],
    ["producer", { producer: "widget-institute" }, (s) => s.producers.includes("widget-institute")],
    ["hasVerifiedQuote: true", { hasVerifiedQuote: true }, (s) => s.verified],
    ["hasVerifiedQuote: false", { hasVerifiedQuote: false }, (s) => !s.verified],
    ["several conditions at once", { subject: "shoplive", metric: "widget-index", periodFrom: "2015-01-01" }, (s) => s.subject === "shoplive" && s.metric === "widget-index" && s.end !== null && s.end >= "2015-01-01"],
  ];
  for (const [name, filter, keep] of cases) {
    it(`narrows by ${name}`, async () => {
      const expected = MODEL.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(await readAll(filter)).toEqual(expectList(expected));
    });
  }

  it("narrows the nested lists the same way: an entity's statistics, a metric's, a source's and a producer's", async () => {
    const data = await api.data(`{
      platform(slug: "shoplive") { statistics(filter: { metric: "widget-gmv" }) { nodes { slug } } producedStatistics(first: 100) { totalCount } }
      metric(slug: "widget-gmv") { statistics(filter: { subject: "widget-market" }) { nodes { slug } } }
      source(slug: "widget-wire-2021-01-05-widget-sales") { statistics(orderBy: { field: VALUE, direction: DESC }) { nodes { slug } } }
    }`);
    expect(data).toEqual({
      platform: {
        statistics: { nodes: [{ slug: "shoplive-widget-gmv-2020-2-5bn" }, { slug: "shoplive-widget-gmv-2020-about-2-4bn" }] },
        producedStatistics: { totalCount: 3 },
      },
      metric: { statistics: { nodes: [{ slug: "widget-market-gmv-2021-over-3bn-forecast" }] } },
      source: {
        statistics: {
          nodes: [
            { slug: "widget-market-gmv-2021-over-3bn-forecast" },
            { slug: "shoplive-widget-gmv-2020-2-5bn" },
            { slug: "shoplive-sessions-2020-12-over-40k" },
            { slug: "shoplive-sessions-per-day-2020-12-over-1290" },
            { slug: "widget-market-streaming-hours-at-most-7" },
            { slug: "widget-market-hosts-growth-2020-minus-12-5pct" },
          ],
        },
      },
    });
  });

  it("rejects a filter slug that names nothing, naming the field", async () => {
    const r = await api.gql(`{ statistics(filter: { metric: "widget-gvm" }) { totalCount } }`);
    expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['Argument filter.metric: no metric has the slug "widget-gvm".', "BAD_USER_INPUT"]]);
  });

  it("rejects a period that ends before it starts, and a date that is not a date", async () => {
    const backwards = await api.gql(`{ statistics(filter: { periodFrom: "2021-01-01", periodTo: "2020-01-01" }) { totalCount } }`);
    expect(backwards.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([["Argument filter: periodTo (2020-01-01) is before periodFrom (2021-01-01).", "BAD_USER_INPUT"]]);
    const notADate = await api.gql(`{ statistics(filter: { periodFrom: "2021-02-30" }) { totalCount } }`);
    expect(notADate.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("rejects a nested filter that contradicts the list it narrows", async () => {
    const r = await api.gql(`{ platform(slug: "shoplive") { statistics(filter: { subject: "widget-market" }) { totalCount } } }`);
    expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ["Argument filter.subject cannot differ from the object this list belongs to; this list is already restricted to it.", "BAD_USER_INPUT"],
    ]);
  });
});
