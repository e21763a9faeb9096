import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "./knowledge-bases.js";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";

/**
 * Attribution chains (`via`) through the API, on a knowledge base made for them: two
 * newspapers repeating a wire agency's article that cites a research firm, and a chain of two
 * intermediaries (the agency, then a digest report) ending at a report.
 */

const sales2020 = { slug: "gadget-sales-2020-2bn", metric: "gadget-sales", subject: "gadget-market", kind: "ESTIMATE", value: { amount: 2e9, unit: "CNY", comparator: "EQUAL" }, period: 2020 };
const buyers2020 = { slug: "gadget-buyers-2020-40m", metric: "gadget-buyers", subject: "gadget-market", kind: "SURVEY", value: { amount: 40e6, unit: "people", comparator: "MORE_THAN" }, period: 2020 };
const viaWire = (key: string) => ({ citations: [{ key, attribution: { entity: "acme-research", inferred: false, via: ["wire-agency"] } }] });

let api: TestApi;
beforeAll(async () => {
  api = await scenarioApi({
    registries: {
      organizations: [{ slug: "wire-agency", name: "Wire Agency", kind: "NEWS_PUBLISHER", description: "A news agency whose articles newspapers repeat." }],
      reports: [
        { slug: "acme-buyers-survey", title: "Gadget buyers survey 2020", kind: "SURVEY", authors: ["acme-research"], description: "Acme's survey of gadget buyers." },
        { slug: "gadget-digest", title: "Gadget digest", kind: "REPORT", authors: ["bolt-data"], description: "A digest of other firms' figures." },
      ],
    },
    sources: [
      noneSource("daily-news-2021-gadgets", [
        { ...sales2020, ...viaWire("sales") },
        { ...buyers2020, citations: [{ key: "buyers", attribution: { report: "acme-buyers-survey", inferred: false, via: ["wire-agency", { report: "gadget-digest" }] } }] },
      ]),
      noneSource("evening-post-2021-gadgets", [{ ...sales2020, ...viaWire("sales") }], { publisher: "evening-post" }),
    ],
  });
});
afterAll(() => api.close());

const STEPS = `provenance { citation { slug } steps { kind stated description subjects { __typename ... on Report { slug } ... on Entity { slug } ... on Source { slug } } } }`;

describe("attribution chains (via)", () => {
  it("exposes a citation's intermediaries in order, from the source toward the producer", async () => {
    const data = await api.data(`{ citation(slug: "daily-news-2021-gadgets.buyers") { attributedTo { __typename ... on Report { slug } } via { __typename ... on Report { slug } ... on Organization { slug } } echoOf { __typename } attributionDoubt } }`);
    expect(data.citation).toEqual({
      attributedTo: { __typename: "Report", slug: "acme-buyers-survey" },
      via: [
        { __typename: "Organization", slug: "wire-agency" },
        { __typename: "Report", slug: "gadget-digest" },
      ],
      echoOf: null,
      attributionDoubt: null,
    });
  });

  it("counts the producer at the end of the chain, not the agency two newspapers repeat", async () => {
    const data = await api.data(`{
      statistic(slug: "gadget-sales-2020-2bn") {
        producers { slug }
        corroboration { producerCount creditedProducerCount publisherCount summary producers { entities { slug } } }
      }
      viaAgency: statistics(first: 10, filter: { producer: "wire-agency" }) { totalCount }
    }`);
    expect(data).toEqual({
      statistic: {
        producers: [{ slug: "acme-research" }],
        corroboration: {
          producerCount: 1,
          creditedProducerCount: 1,
          publisherCount: 2,
          summary: "2 citations from 2 publishers. 1 producer: Acme Research.",
          producers: [{ entities: [{ slug: "acme-research" }] }],
        },
      },
      viaAgency: { totalCount: 0 },
    });
  });

  it("shows each intermediary as a step of the provenance chain, between the source and the producer", async () => {
    const data = await api.data(`{ statistic(slug: "gadget-buyers-2020-40m") { ${STEPS} } }`);
    expect(data.statistic.provenance).toEqual([
      {
        citation: { slug: "daily-news-2021-gadgets.buyers" },
        steps: [
          {
            kind: "CITED_IN_SOURCE",
            stated: true,
            description: 'stated in "Document daily-news-2021-gadgets" (Daily News, 2021-06-01); no archived passage is quoted',
            subjects: [{ __typename: "Source", slug: "daily-news-2021-gadgets" }],
          },
          {
            kind: "RELAYED_BY",
            stated: true,
            description: "the source has the figure from Wire Agency, which passes it on",
            subjects: [{ __typename: "Organization", slug: "wire-agency" }],
          },
          {
            kind: "RELAYED_BY",
            stated: true,
            description: 'Wire Agency has the figure from "Gadget digest", which passes it on',
            subjects: [
              { __typename: "Organization", slug: "wire-agency" },
              { __typename: "Report", slug: "gadget-digest" },
            ],
          },
          {
            kind: "ATTRIBUTED_TO_REPORT",
            stated: true,
            description: 'the source attributes the figure to "Gadget buyers survey 2020"',
            subjects: [{ __typename: "Report", slug: "acme-buyers-survey" }],
          },
          {
            kind: "AUTHORED_BY",
            stated: true,
            description: '"Gadget buyers survey 2020" is by Acme Research',
            subjects: [
              { __typename: "Report", slug: "acme-buyers-survey" },
              { __typename: "Organization", slug: "acme-research" },
            ],
          },
        ],
      },
    ]);
  });

  it("shows the agency in the chain of each newspaper that repeats it", async () => {
    const data = await api.data(`{ statistic(slug: "gadget-sales-2020-2bn") { provenance { steps { kind } } } }`);
    expect(data.statistic.provenance.map((c: { steps: { kind: string }[] }) => c.steps.map((s) => s.kind))).toEqual([
      ["CITED_IN_SOURCE", "RELAYED_BY", "ATTRIBUTED_TO_ENTITY"],
      ["CITED_IN_SOURCE", "RELAYED_BY", "ATTRIBUTED_TO_ENTITY"],
    ]);
  });
});
