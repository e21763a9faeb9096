import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConflictGroups } from "../../src/facts/conflict-groups.js";
import { agreementContext, comparable } from "../../src/schema/agreement/agreement-context.js";
import { type TestApi, fixtureApi, projectApi } from "./knowledge-bases.js";

let project: TestApi;
let fixture: TestApi;
beforeAll(async () => {
  [project, fixture] = await Promise.all([projectApi(), fixtureApi()]);
});
afterAll(async () => {
  await project.close();
  await fixture.close();
});

const DERIVATION = `derivation {
  formula verdict explanation
  inputs { name statistic { slug } value { amount unit comparator } asUsed { lowerBound upperBound lowerInclusive upperInclusive unit } }
  recomputed { lowerBound upperBound lowerInclusive upperInclusive unit }
  stated { lowerBound upperBound lowerInclusive upperInclusive unit }
}`;

/** An interval open below and unbounded above, as the API writes "more than x". */
const above = (x: number, unit: string) => ({ lowerBound: x, upperBound: null, lowerInclusive: false, upperInclusive: false, unit });
/** The half-open interval of the values that round to a flat figure, as the API writes it. */
const rounding = (lo: number, hi: number, unit: string) => ({ lowerBound: lo, upperBound: hi, lowerInclusive: true, upperInclusive: false, unit });

describe("derivation checks through the API", () => {
  it("finds the founding article's two per-day averages consistent with the ministry's half-year totals, with the arithmetic shown", async () => {
    const data = await project.data(`{
      sessions: statistic(slug: "china-live-commerce-sessions-per-day-2020-h1-over-50k") { ${DERIVATION} }
      views: statistic(slug: "china-live-commerce-views-per-day-2020-h1-over-260m") { ${DERIVATION} }
    }`);
    expect(data).toEqual({
      sessions: {
        derivation: {
          formula: "sessions / days",
          verdict: "CONSISTENT",
          explanation: '10,000,000 sessions / 182 days of 2020-H1 > 54,945 sessions/day, which satisfies "more than 50,000"',
          inputs: [
            {
              name: "sessions",
              statistic: { slug: "china-live-commerce-sessions-2020-h1-over-10m" },
              value: { amount: 10_000_000, unit: "sessions", comparator: "MORE_THAN" },
              asUsed: above(10_000_000, "sessions"),
            },
          ],
          recomputed: above(10_000_000 / 182, "sessions/day"),
          stated: above(50_000, "sessions/day"),
        },
      },
      views: {
        derivation: {
          formula: "views / days",
          verdict: "CONSISTENT",
          explanation: '50,000,000,000 views / 182 days of 2020-H1 > 274,725,274 views/day, which satisfies "more than 260,000,000"',
          inputs: [
            {
              name: "views",
              statistic: { slug: "china-live-commerce-views-2020-h1-over-50bn" },
              value: { amount: 50_000_000_000, unit: "views", comparator: "MORE_THAN" },
              asUsed: above(50_000_000_000, "views"),
            },
          ],
          recomputed: above(50_000_000_000 / 182, "views/day"),
          stated: above(260_000_000, "views/day"),
        },
      },
    });
  });

  it("finds the flat '260 million views a day' inconsistent: 50 billion over 182 days is more than 274.7 million, which cannot round to it", async () => {
    const data = await project.data(`{ statistic(slug: "china-live-commerce-live-views-per-day-2020-h1-260m-derived") { value { amount comparator } ${DERIVATION} } }`);
    expect(data.statistic).toEqual({
      value: { amount: 260_000_000, comparator: "EQUAL" },
      derivation: {
        formula: "views / days",
        verdict: "INCONSISTENT",
        explanation: '50,000,000,000 views / 182 days of 2020-H1 > 274,725,274 views/day, which contradicts "260,000,000" (read as a rounded figure, 259,500,000 to 260,500,000)',
        inputs: [
          {
            name: "views",
            statistic: { slug: "china-live-commerce-views-2020-h1-over-50bn" },
            value: { amount: 50_000_000_000, unit: "views", comparator: "MORE_THAN" },
            asUsed: above(50_000_000_000, "views"),
          },
        ],
        recomputed: above(50_000_000_000 / 182, "views/day"),
        stated: rounding(259_500_000, 260_500_000, "views/day"),
      },
    });
  });

  it("finds the fixture's wrong daily average inconsistent and its right one consistent with the same monthly count", async () => {
    const data = await fixture.data(`{
      wrong: statistic(slug: "shoplive-sessions-per-day-2020-12-1000") { ${DERIVATION} }
      right: statistic(slug: "shoplive-sessions-per-day-2020-12-over-1290") { derivation { verdict explanation } }
    }`);
    const input = {
      name: "sessions",
      statistic: { slug: "shoplive-sessions-2020-12-over-40k" },
      value: { amount: 40_000, unit: "sessions", comparator: "MORE_THAN" },
      asUsed: above(40_000, "sessions"),
    };
    expect(data).toEqual({
      wrong: {
        derivation: {
          formula: "sessions / days",
          verdict: "INCONSISTENT",
          explanation: '40,000 sessions / 31 days of 2020-12 > 1,290 sessions/day, which contradicts "1,000" (read as a rounded figure, 999.5 to 1,000.5)',
          inputs: [input],
          recomputed: above(40_000 / 31, "sessions/day"),
          stated: rounding(999.5, 1000.5, "sessions/day"),
        },
      },
      right: { derivation: { verdict: "CONSISTENT", explanation: '40,000 sessions / 31 days of 2020-12 > 1,290 sessions/day, which satisfies "more than 1,290"' } },
    });
  });

  it("gives no derivation for a figure that is not derived", async () => {
    const data = await project.data(`{ statistic(slug: "china-live-commerce-sessions-2020-h1-over-10m") { kind derivation { verdict } } }`);
    expect(data.statistic).toEqual({ kind: "MEASUREMENT", derivation: null });
  });
});

const PROVENANCE = `provenance { citation { slug } steps { kind stated description subjects { __typename ... on Source { slug } ... on Report { slug } ... on Entity { slug } ... on Statistic { slug } } } }`;

describe("producers, corroboration and provenance through the API", () => {
  it("reports no producer for the headline forecast, and its provenance ends with 'no attribution stated'", async () => {
    const data = await project.data(`{
      statistic(slug: "china-live-commerce-gmv-2020-over-1tn-forecast") {
        kind
        producers { slug }
        producingReports { slug }
        corroboration { producerCount statedProducerCount publisherCount citationCount unattributedCount inferredCount summary producers { entities { slug } } }
        ${PROVENANCE}
      }
    }`);
    expect(data.statistic).toEqual({
      kind: "FORECAST",
      producers: [],
      producingReports: [],
      corroboration: {
        producerCount: 0,
        statedProducerCount: 0,
        publisherCount: 1,
        citationCount: 1,
        unattributedCount: 1,
        inferredCount: 0,
        summary: "1 citation from 1 publisher. No attribution stated: the source names no producer.",
        producers: [],
      },
      provenance: [
        {
          citation: { slug: "peoples-daily-2020-10-22-live-streaming-trillion.headline-gmv-2020" },
          steps: [
            {
              kind: "QUOTED_IN_SOURCE",
              stated: true,
              description:
                'quoted in "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020" (People\'s Daily Online, 2020-10-22): "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020"',
              subjects: [{ __typename: "Source", slug: "peoples-daily-2020-10-22-live-streaming-trillion" }],
            },
            { kind: "NO_ATTRIBUTION_STATED", stated: true, description: "no attribution stated: the source names no producer for this figure", subjects: [] },
          ],
        },
      ],
    });
  });

  it("credits 'more than 1.73 million jobs' to Renmin University of China through its study", async () => {
    const data = await project.data(`{
      statistic(slug: "taobao-live-jobs-created-over-1-73m") {
        producers { slug name }
        producingReports { slug title authors { slug } }
        corroboration { producerCount summary producers { entities { slug } reports { slug } } }
        ${PROVENANCE}
      }
    }`);
    expect(data.statistic).toEqual({
      producers: [{ slug: "renmin-university", name: "Renmin University of China" }],
      producingReports: [{ slug: "ruc-taobao-live-jobs-study", title: "Renmin University of China study of jobs created by Taobao Live", authors: [{ slug: "renmin-university" }] }],
      corroboration: {
        producerCount: 1,
        summary: "1 citation from 1 publisher. 1 producer: Renmin University of China.",
        producers: [{ entities: [{ slug: "renmin-university" }], reports: [{ slug: "ruc-taobao-live-jobs-study" }] }],
      },
      provenance: [
        {
          citation: { slug: "peoples-daily-2020-10-22-live-streaming-trillion.taobao-live-jobs" },
          steps: [
            {
              kind: "QUOTED_IN_SOURCE",
              stated: true,
              description:
                'quoted in "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020" (People\'s Daily Online, 2020-10-22): "Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations"',
              subjects: [{ __typename: "Source", slug: "peoples-daily-2020-10-22-live-streaming-trillion" }],
            },
            {
              kind: "ATTRIBUTED_TO_REPORT",
              stated: true,
              description: 'the source attributes the figure to "Renmin University of China study of jobs created by Taobao Live": "According to a study from Renmin University of China"',
              subjects: [{ __typename: "Report", slug: "ruc-taobao-live-jobs-study" }],
            },
            {
              kind: "AUTHORED_BY",
              stated: true,
              description: '"Renmin University of China study of jobs created by Taobao Live" is by Renmin University of China',
              subjects: [
                { __typename: "Report", slug: "ruc-taobao-live-jobs-study" },
                { __typename: "Organization", slug: "renmin-university" },
              ],
            },
          ],
        },
      ],
    });
  });

  it("counts the 433.8 billion yuan of 2019 by publishers and producers: KPMG and AliResearch's joint report and iiMedia Research, a figure this precise credited to both being a possible echo", async () => {
    // Named figures of db/ as an oracle, asserted so that a new document citing the figure
    // (one more citation, publisher or producer) changes nothing here.
    const data = await project.data(`{
      statistic(slug: "china-live-commerce-gmv-2019-433-8bn") {
        producingReports { slug }
        citations { slug }
        corroboration {
          producerCount creditedProducerCount publisherCount citationCount summary
          possibleEcho { significantDigits }
          producers { entities { slug } reports { slug } }
          publishers { publisher { slug } sources { slug } }
        }
      }
    }`);
    const { corroboration: c, producingReports, citations } = data.statistic;
    expect(producingReports).toContainEqual({ slug: "kpmg-aliresearch-2020-live-commerce" });
    expect(c.producers).toEqual(
      expect.arrayContaining([
        { entities: [{ slug: "kpmg" }, { slug: "aliresearch" }], reports: [{ slug: "kpmg-aliresearch-2020-live-commerce" }] },
        { entities: [{ slug: "iimedia-research" }], reports: [] },
      ]),
    );
    expect(c.citationCount).toBe(citations.length);
    expect(c.publisherCount).toBe(c.publishers.length);
    expect(c.publishers).toEqual(
      expect.arrayContaining([
        { publisher: { slug: "alibaba-group" }, sources: [{ slug: "alibabanews-2020-taobao-live-trillion-market" }] },
        { publisher: { slug: "china-banking-news" }, sources: [{ slug: "chinabankingnews-2020-10-22-trillion-market" }] },
        { publisher: { slug: "china-daily" }, sources: [{ slug: "chinadaily-2020-10-22-trillion-market" }] },
        // The academic article names no publisher, so it counts as a publisher of its own.
        { publisher: null, sources: [{ slug: "yu-liu-2021-livestream-ecommerce-status" }] },
      ]),
    );
    // The same 4-digit figure credited to two producers: one independent producer, said in words.
    expect(c.possibleEcho).toEqual({ significantDigits: 4 });
    expect(c.producerCount).toBeLessThan(c.creditedProducerCount);
    expect(c.summary).toContain("Possible echo: the same figure to 4 significant digits is credited to KPMG and AliResearch (one joint report)");
    expect(c.summary).toContain("iiMedia Research");
  });

  it("follows a republishing digest to the report that produced the figure, and marks an inferred attribution as not stated", async () => {
    const data = await fixture.data(`{
      republished: statistic(slug: "shoplive-widget-gmv-2020-about-2-4bn") { producers { slug } producingReports { slug } corroboration { summary } ${PROVENANCE} }
      derived: statistic(slug: "shoplive-sessions-per-day-2020-12-over-1290") { corroboration { producerCount statedProducerCount inferredCount summary } ${PROVENANCE} }
    }`);
    expect(data).toEqual({
      republished: {
        producers: [{ slug: "widget-institute" }],
        producingReports: [{ slug: "widget-institute-annual-2020" }],
        corroboration: { summary: "1 citation from 1 publisher. 1 producer: Widget Institute." },
        provenance: [
          {
            citation: { slug: "widget-blog-2021-roundup.gmv-2020-roundup" },
            steps: [
              {
                kind: "CITED_IN_SOURCE",
                stated: true,
                description: 'stated in "https://blog.example/widgets-2021" (2021); no archived passage is quoted',
                subjects: [{ __typename: "Source", slug: "widget-blog-2021-roundup" }],
              },
              {
                kind: "ATTRIBUTED_TO_REPORT",
                stated: true,
                description: 'the source attributes the figure to "Widget digest 2021"',
                subjects: [{ __typename: "Report", slug: "widget-digest-2021" }],
              },
              {
                kind: "REPUBLISHES",
                stated: true,
                description: '"Widget digest 2021" republishes the figures of "Widget Institute annual report 2020"',
                subjects: [
                  { __typename: "Report", slug: "widget-digest-2021" },
                  { __typename: "Report", slug: "widget-institute-annual-2020" },
                ],
              },
              {
                kind: "AUTHORED_BY",
                stated: true,
                description: '"Widget Institute annual report 2020" is by Widget Institute',
                subjects: [
                  { __typename: "Report", slug: "widget-institute-annual-2020" },
                  { __typename: "Organization", slug: "widget-institute" },
                ],
              },
            ],
          },
        ],
      },
      derived: {
        corroboration: {
          producerCount: 1,
          statedProducerCount: 0,
          inferredCount: 1,
          summary: "1 citation from 1 publisher. 1 producer: Shoplive. 1 attribution is the editors' inference; counting only stated attributions, no producer is stated.",
        },
        provenance: [
          {
            citation: { slug: "widget-wire-2021-01-05-widget-sales.sessions-per-day-2020-12" },
            steps: [
              {
                kind: "QUOTED_IN_SOURCE",
                stated: true,
                description: 'quoted in "Widget sales on Shoplive hit a record" (Widget Wire, 2021-01-05): "an average of more than 1,290 sessions a day"',
                subjects: [{ __typename: "Source", slug: "widget-wire-2021-01-05-widget-sales" }],
              },
              {
                kind: "DERIVED_FROM",
                stated: true,
                description: 'derived as sessions / days from sessions = "more than 40,000 sessions in 2020-12"',
                subjects: [{ __typename: "Statistic", slug: "shoplive-sessions-2020-12-over-40k" }],
              },
              {
                kind: "ATTRIBUTED_TO_ENTITY",
                stated: false,
                description: "the editors attribute the figure to Shoplive; the source does not say so (The article divides the platform's monthly count without saying who did)",
                subjects: [{ __typename: "Platform", slug: "shoplive" }],
              },
            ],
          },
        ],
      },
    });
  });
});


// Agreement verdicts are tested rule by rule on knowledge bases made for them, through the API,
// in test/api/agreement-rules.test.ts.

describe("the conflicts listing", () => {
  it("lists the conflict groups of one metric in period order, each joined by pairs among its members; the 2019 market sizes conflict", async () => {
    // Holds for any data: db/ is not pinned group by group (the agreement rules are tested on the fixture).
    const data = await project.data(`{
      conflicts(metric: "live-commerce-gmv", first: 100) {
        totalCount
        nodes { metrics { slug } subject { slug } period { start label } statistics { slug metric { slug } } conflicts { first { slug } second { slug } reason } }
        pageInfo { hasNextPage hasPreviousPage }
      }
    }`);
    const groups = data.conflicts.nodes;
    expect(data.conflicts.totalCount).toBe(groups.length);
    expect(data.conflicts.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
    for (const g of groups) {
      const members = g.statistics.map((s: any) => s.slug);
      expect(g.metrics.map((m: any) => m.slug)).toContain("live-commerce-gmv");
      expect(new Set(g.statistics.map((s: any) => s.metric.slug))).toEqual(new Set(g.metrics.map((m: any) => m.slug)));
      expect(g.conflicts.length).toBeGreaterThan(0);
      for (const c of g.conflicts) expect([members.includes(c.first.slug), members.includes(c.second.slug), c.first.slug !== c.second.slug]).toEqual([true, true, true]);
      // Every member is in at least one pair: a group is what its conflicts join.
      expect(members.filter((m: string) => !g.conflicts.some((c: any) => c.first.slug === m || c.second.slug === m))).toEqual([]);
    }
    // By metric, period, subject and first member: the groups of this metric alone come in period order (undated last).
    const ofThisMetric = groups.filter((g: any) => g.statistics.every((s: any) => s.metric.slug === "live-commerce-gmv"));
    expect(ofThisMetric.length).toBeGreaterThan(0);
    const starts = ofThisMetric.map((g: any) => g.period?.start ?? "\uffff");
    expect(starts).toEqual([...starts].sort());
    const of2019 = groups.find((g: any) => g.statistics.some((s: any) => s.slug === "china-live-commerce-gmv-2019-433-8bn"));
    expect(of2019.period.label).toBe("2019");
    expect(of2019.conflicts).toContainEqual({
      first: { slug: "china-live-commerce-gmv-2019-433-8bn" },
      second: { slug: "china-live-commerce-gmv-2019-438-8bn" },
      reason:
        '"433.8 billion yuan" and "438.8 billion yuan" cannot both hold: both are written to the same precision (tenths of a billion) and differ by 5 billion yuan (1.2% of the smaller).',
    });
  });

  it("agrees with Statistic.agreement: every pair it lists is a CONFLICTS verdict there", async () => {
    const data = await project.data(`{ conflicts(first: 100) { nodes { conflicts { first { slug agreement { conflicting { statistic { slug } reason } } } second { slug } reason } } } }`);
    const pairs = data.conflicts.nodes.flatMap((g: any) => g.conflicts);
    expect(pairs.length).toBeGreaterThan(10);
    for (const p of pairs) expect(p.first.agreement.conflicting).toContainEqual({ statistic: { slug: p.second.slug }, reason: p.reason });
  });

  it("lists exactly the groups findConflictGroups finds over the whole knowledge base, with the same pairs", async () => {
    for (const api of [project, fixture]) {
      const { statistics, metrics, entities } = api.kb.repos;
      const rows = statistics.allComparable();
      const slugOf = new Map(rows.map((r) => [r.id, r.slug]));
      const expected = findConflictGroups(rows.map(comparable), agreementContext(metrics.allRelations(), entities.scopeLinks()))
        .map((g) => ({ members: g.members.map((id) => slugOf.get(Number(id))), pairs: g.conflicts.map((c) => [slugOf.get(Number(c.first)), slugOf.get(Number(c.second))]) }))
        .sort((a, b) => (a.members[0]! < b.members[0]! ? -1 : 1));
      const listed = (await api.data(`{ conflicts(first: 100) { totalCount nodes { statistics { slug } conflicts { first { slug } second { slug } } } } }`)).conflicts;
      const actual = listed.nodes
        .map((g: any) => ({ members: g.statistics.map((s: any) => s.slug), pairs: g.conflicts.map((c: any) => [c.first.slug, c.second.slug]) }))
        .sort((a: any, b: any) => (a.members[0] < b.members[0] ? -1 : 1));
      expect(listed.totalCount).toBeLessThanOrEqual(100);
      expect(actual).toEqual(expected);
    }
  });

  it("pages forwards and backwards through every group with stable keyset cursors", async () => {
    const all = (await fixture.data(`{ conflicts(first: 100) { totalCount nodes { statistics { slug } } } }`)).conflicts;
    const key = (g: any) => g.statistics.map((s: any) => s.slug).join(" ");
    expect(all.totalCount).toBe(all.nodes.length);
    expect(all.nodes.length).toBeGreaterThan(5);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await fixture.data(`query($after: String) { conflicts(first: 3, after: $after) { nodes { statistics { slug } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after })).conflicts;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...page.nodes.map(key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(all.nodes.map(key));
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await fixture.data(`query($before: String) { conflicts(last: 4, before: $before) { nodes { statistics { slug } } pageInfo { hasNextPage hasPreviousPage startCursor } } }`, { before })).conflicts;
      backward.unshift(...page.nodes.map(key));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(all.nodes.map(key));
  });

  it("finds the fixture's wrong daily average in a conflict group of its own metric", async () => {
    const data = await fixture.data(`{ conflicts(metric: "live-sessions-per-day") { totalCount nodes { subject { slug } period { label } statistics { slug } conflicts { first { slug } second { slug } } } } }`);
    expect(data.conflicts).toEqual({
      totalCount: 1,
      nodes: [
        {
          subject: { slug: "shoplive" },
          period: { label: "2020-12" },
          statistics: [{ slug: "shoplive-sessions-per-day-2020-12-1000" }, { slug: "shoplive-sessions-per-day-2020-12-over-1290" }],
          conflicts: [{ first: { slug: "shoplive-sessions-per-day-2020-12-1000" }, second: { slug: "shoplive-sessions-per-day-2020-12-over-1290" } }],
        },
      ],
    });
  });

  it("refuses an unknown metric, a page size outside 1..100 and a cursor of another list", async () => {
    const errors = async (query: string) => (await fixture.gql(query)).errors?.map((e) => [e.message, e.extensions?.code] as [string, unknown]);
    expect(await errors(`{ conflicts(metric: "no-such-metric") { totalCount } }`)).toEqual([['Argument metric: no metric has the slug "no-such-metric".', "BAD_USER_INPUT"]]);
    expect(await errors(`{ conflicts(first: 101) { totalCount } }`)).toEqual([["Argument first must be between 1 and 100, got 101.", "BAD_USER_INPUT"]]);
    expect(await errors(`{ conflicts(first: 0) { totalCount } }`)).toEqual([["Argument first must be between 1 and 100, got 0.", "BAD_USER_INPUT"]]);
    const cursor = (await fixture.data(`{ statistics(first: 1) { pageInfo { endCursor } } }`)).statistics.pageInfo.endCursor;
    const [[message, code]] = (await errors(`{ conflicts(after: "${cursor}") { totalCount } }`))!;
    expect([message.startsWith("Argument after: the cursor belongs to another list or order"), code]).toEqual([true, "BAD_USER_INPUT"]);
  });
});
