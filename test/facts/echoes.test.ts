import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "../api/knowledge-bases.js";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";

/**
 * Independence through the API, on a knowledge base made for it: the same precise figure
 * credited to two firms (a possible echo) and its near miss (a round figure), producers of one
 * corporate group, and a producer the editors record as an echo of another, with a doubt.
 */

const gadgetSales = (slug: string, amount: number, period: number) => ({ slug, metric: "gadget-sales", subject: "gadget-market", kind: "ESTIMATE", value: { amount, unit: "CNY", comparator: "EQUAL" }, period });
const gadgetShare = { slug: "gadget-share-2020-70pct", metric: "gadget-share", subject: "gadget-market", kind: "MEASUREMENT", value: { amount: 70, unit: "PERCENT", comparator: "EQUAL" }, period: 2020 };
const gadgetBuyers = { slug: "gadget-buyers-2020-123m", metric: "gadget-buyers", subject: "gadget-market", kind: "MEASUREMENT", value: { amount: 123e6, unit: "people", comparator: "EQUAL" }, period: 2020 };
const gadgetGrowth = { slug: "gadget-growth-2020-12-5pct", metric: "gadget-growth", subject: "gadget-market", kind: "ESTIMATE", value: { amount: 12.5, unit: "PERCENT", comparator: "EQUAL" }, period: 2020 };
const credit = (key: string, attribution: Record<string, unknown>) => ({ citations: [{ key, attribution: { inferred: false, ...attribution } }] });

let api: TestApi;
beforeAll(async () => {
  api = await scenarioApi({
    registries: {
      organizations: [
        { slug: "gadget-group", name: "Gadget Group", kind: "COMPANY", description: "A group that runs gadget shops." },
        { slug: "gadget-research", name: "Gadget Research", kind: "RESEARCH_INSTITUTE", description: "The group's research arm.", parent: "gadget-group" },
      ],
      platforms: [
        { slug: "gadget-mall", name: "Gadget Mall", description: "The group's marketplace.", operator: "gadget-group" },
        { slug: "gadget-live", name: "Gadget Live", description: "The marketplace's live channel.", operator: "gadget-group", parent: "gadget-mall" },
      ],
      reports: [{ slug: "acme-gadget-report", title: "Gadgets in 2020", kind: "REPORT", authors: ["acme-research"], description: "Acme's yearly report." }],
    },
    sources: [
      noneSource("daily-news-2021-gadgets", [
        { ...gadgetSales("gadget-sales-2020-961bn", 961e9, 2020), ...credit("sales-2020", { entity: "acme-research" }) },
        { ...gadgetSales("gadget-sales-2019-1tn", 1e12, 2019), ...credit("sales-2019", { entity: "acme-research" }) },
        { ...gadgetShare, ...credit("share", { entity: "gadget-mall" }) },
        { ...gadgetBuyers, ...credit("buyers", { entity: "gadget-live" }) },
        { ...gadgetGrowth, ...credit("growth", { report: "acme-gadget-report" }) },
      ]),
      noneSource(
        "evening-post-2021-gadgets",
        [
          { ...gadgetSales("gadget-sales-2020-961bn", 961e9, 2020), ...credit("sales-2020", { entity: "bolt-data" }) },
          { ...gadgetSales("gadget-sales-2019-1tn", 1e12, 2019), ...credit("sales-2019", { entity: "bolt-data" }) },
          { ...gadgetShare, ...credit("share", { entity: "gadget-live" }) },
          { ...gadgetBuyers, ...credit("buyers", { entity: "gadget-group" }) },
          {
            ...gadgetGrowth,
            ...credit("growth", { entity: "bolt-data", echoOf: { report: "acme-gadget-report" }, doubt: "Bolt Data publishes no method and its figure matches Acme's to the digit." }),
          },
        ],
        { publisher: "evening-post" },
      ),
      noneSource("daily-news-2021-more-gadgets", [{ ...gadgetShare, ...credit("share", { entity: "gadget-research" }) }]),
    ],
  });
});
afterAll(() => api.close());

const CORROBORATION = `corroboration {
  producerCount creditedProducerCount statedProducerCount summary
  possibleEcho { significantDigits description producers { entities { slug } } }
  producers {
    entities { slug }
    reports { slug }
    links { kind description members { __typename ... on Report { slug } ... on Entity { slug } } organization { slug } citation { slug } }
  }
  doubts { doubt description citation { slug } producer { __typename ... on Entity { slug } } }
}`;

async function corroboration(slug: string) {
  return (await api.data(`{ statistic(slug: "${slug}") { ${CORROBORATION} } }`)).statistic.corroboration;
}

describe("possible echoes", () => {
  it("says that 961 billion credited to two firms is a possible echo, and counts one independent producer", async () => {
    expect(await corroboration("gadget-sales-2020-961bn")).toEqual({
      producerCount: 1,
      creditedProducerCount: 2,
      statedProducerCount: 1,
      summary:
        "2 citations from 2 publishers. 2 producers credited. Possible echo: the same figure to 3 significant digits is credited to Acme Research and Bolt Data; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.",
      possibleEcho: {
        significantDigits: 3,
        description:
          "Possible echo: the same figure to 3 significant digits is credited to Acme Research and Bolt Data; identical figures this precise are more likely copied than measured twice, so they count as one independent producer.",
        producers: [{ entities: [{ slug: "acme-research" }] }, { entities: [{ slug: "bolt-data" }] }],
      },
      producers: [
        { entities: [{ slug: "acme-research" }], reports: [], links: [] },
        { entities: [{ slug: "bolt-data" }], reports: [], links: [] },
      ],
      doubts: [],
    });
  });

  it("does not flag a round 1 trillion from the same two firms: two independent producers", async () => {
    const c = await corroboration("gadget-sales-2019-1tn");
    expect([c.producerCount, c.creditedProducerCount, c.possibleEcho, c.summary]).toEqual([
      2,
      2,
      null,
      "2 citations from 2 publishers. 2 independent producers: Acme Research; Bolt Data.",
    ]);
  });
});

describe("producers of one organization", () => {
  it("counts a marketplace, the group's research arm and the marketplace's live channel as one producer, saying why", async () => {
    // Citations come in file order: the marketplace, the research arm, then the live channel.
    expect(await corroboration("gadget-share-2020-70pct")).toEqual({
      producerCount: 1,
      creditedProducerCount: 1,
      statedProducerCount: 1,
      summary:
        "3 citations from 2 publishers. 1 producer: Gadget Mall, Gadget Research and Gadget Live. Gadget Mall is operated by Gadget Group and Gadget Research is part of Gadget Group: one organization. Gadget Live is part of Gadget Mall: one organization.",
      possibleEcho: null,
      producers: [
        {
          entities: [{ slug: "gadget-mall" }, { slug: "gadget-research" }, { slug: "gadget-live" }],
          reports: [],
          links: [
            {
              kind: "SAME_ORGANIZATION",
              description: "Gadget Mall is operated by Gadget Group and Gadget Research is part of Gadget Group: one organization",
              members: [
                { __typename: "Platform", slug: "gadget-mall" },
                { __typename: "Organization", slug: "gadget-research" },
              ],
              organization: { slug: "gadget-group" },
              citation: null,
            },
            {
              kind: "SAME_ORGANIZATION",
              description: "Gadget Live is part of Gadget Mall: one organization",
              members: [
                { __typename: "Platform", slug: "gadget-mall" },
                { __typename: "Platform", slug: "gadget-live" },
              ],
              organization: { slug: "gadget-mall" },
              citation: null,
            },
          ],
        },
      ],
      doubts: [],
    });
  });

  it("does not call a precise figure from a platform and its operator an echo: they are one producer already", async () => {
    const c = await corroboration("gadget-buyers-2020-123m");
    expect([c.producerCount, c.creditedProducerCount, c.possibleEcho, c.summary]).toEqual([
      1,
      1,
      null,
      "2 citations from 2 publishers. 1 producer: Gadget Live and Gadget Group. Gadget Live is operated by Gadget Group: one organization.",
    ]);
  });
});

describe("a known echo and a doubt recorded by the editors", () => {
  it("joins the producer recorded as an echo to the report it echoes, and shows the doubt", async () => {
    expect(await corroboration("gadget-growth-2020-12-5pct")).toEqual({
      producerCount: 1,
      creditedProducerCount: 1,
      statedProducerCount: 1,
      summary:
        '2 citations from 2 publishers. 1 producer: Acme Research and Bolt Data. The editors record that the figure "Document evening-post-2021-gadgets" credits to Bolt Data is copied from "Gadgets in 2020". The editors doubt the attribution to Bolt Data in "Document evening-post-2021-gadgets": Bolt Data publishes no method and its figure matches Acme\'s to the digit.',
      possibleEcho: null,
      producers: [
        {
          entities: [{ slug: "acme-research" }, { slug: "bolt-data" }],
          reports: [{ slug: "acme-gadget-report" }],
          links: [
            {
              kind: "KNOWN_ECHO",
              description: 'the editors record that the figure "Document evening-post-2021-gadgets" credits to Bolt Data is copied from "Gadgets in 2020"',
              members: [
                { __typename: "Organization", slug: "bolt-data" },
                { __typename: "Report", slug: "acme-gadget-report" },
              ],
              organization: null,
              citation: { slug: "evening-post-2021-gadgets.growth" },
            },
          ],
        },
      ],
      doubts: [
        {
          doubt: "Bolt Data publishes no method and its figure matches Acme's to the digit.",
          description: 'The editors doubt the attribution to Bolt Data in "Document evening-post-2021-gadgets": Bolt Data publishes no method and its figure matches Acme\'s to the digit.',
          citation: { slug: "evening-post-2021-gadgets.growth" },
          producer: { __typename: "Organization", slug: "bolt-data" },
        },
      ],
    });
  });

  it("exposes the echo and the doubt on the citation", async () => {
    const data = await api.data(`{ citation(slug: "evening-post-2021-gadgets.growth") { attributedTo { ... on Entity { slug } } echoOf { __typename ... on Report { slug } } attributionDoubt via { __typename } } }`);
    expect(data.citation).toEqual({
      attributedTo: { slug: "bolt-data" },
      echoOf: { __typename: "Report", slug: "acme-gadget-report" },
      attributionDoubt: "Bolt Data publishes no method and its figure matches Acme's to the digit.",
      via: [],
    });
  });
});
