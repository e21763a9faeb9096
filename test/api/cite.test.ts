import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";
import { type TestApi, projectApi } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await projectApi();
});
afterAll(() => api.close());

const URL = "http://en.people.cn/n3/2020/1022/c90000-9772128.html";
const TITLE = "China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020";
const TITLE_CASE = "China’s Live-Streaming E-Commerce Sector to Top 1 Trillion Yuan in 2020";

/** The founding article's entry in each style: the strings test/facts/cite.test.ts checks against the styles' rules, here read through the API from the knowledge base. */
const FOUNDING_ARTICLE = {
  APA: `${TITLE}. (2020, October 22). People’s Daily Online. ${URL}`,
  MLA: `“${TITLE_CASE}.” People’s Daily Online, 22 Oct. 2020, en.people.cn/n3/2020/1022/c90000-9772128.html. Accessed 25 Nov. 2026.`,
  CHICAGO: `People’s Daily Online. 2020. “${TITLE_CASE}.” October 22, 2020. ${URL}.`,
  GB_T_7714: `${TITLE}[N/OL]. People’s Daily Online, 2020-10-22[2026-11-25]. ${URL}.`,
  BIBTEX: [
    "@article{peoples_daily_2020_10_22_live_streaming_trillion,",
    "\tnote = {[Online; accessed 2026-11-25]},",
    "\tjournal = {People's Daily Online},",
    "\tyear = {2020},",
    "\tmonth = {oct 22},",
    "\ttitle = {China\\textquoteright{}s live-streaming e-commerce sector to top 1 trillion yuan in 2020},",
    `\turl = {${URL}},`,
    `\thowpublished = {${URL}},`,
    "}",
  ].join("\n"),
};

describe("Source.cite", () => {
  it("cites the founding article in APA by default, and in MLA, Chicago, GB/T 7714 and BibTeX exactly as the styles require", async () => {
    const data = await api.data(`{
      source(slug: "peoples-daily-2020-10-22-live-streaming-trillion") {
        default: cite
        APA: cite(style: APA)
        MLA: cite(style: MLA)
        CHICAGO: cite(style: CHICAGO)
        GB_T_7714: cite(style: GB_T_7714)
        BIBTEX: cite(style: BIBTEX)
      }
    }`);
    expect(data.source).toEqual({ default: FOUNDING_ARTICLE.APA, ...FOUNDING_ARTICLE });
  });

  it("gives its CSL-JSON record", async () => {
    const data = await api.data(`{ source(slug: "peoples-daily-2020-10-22-live-streaming-trillion") { cite(style: CSL_JSON) } }`);
    expect(JSON.parse(data.source.cite)).toEqual([
      {
        id: "peoples-daily-2020-10-22-live-streaming-trillion",
        "citation-key": "peoples_daily_2020_10_22_live_streaming_trillion",
        type: "article-newspaper",
        title: TITLE,
        "container-title": "People's Daily Online",
        issued: { "date-parts": [[2020, 10, 22]] },
        accessed: { "date-parts": [[2026, 11, 25]] },
        URL,
        language: "en",
      },
    ]);
  });

  it("gives HTML with the newspaper in italics", async () => {
    const data = await api.data(`{
      source(slug: "peoples-daily-2020-10-22-live-streaming-trillion") { chicago: cite(style: CHICAGO, markup: HTML) mla: cite(style: MLA, markup: HTML) }
    }`);
    const entry = (text: string) => `<div data-csl-entry-id="peoples-daily-2020-10-22-live-streaming-trillion" class="csl-entry">${text}</div>`;
    expect(data.source).toEqual({
      chicago: entry(`<i>People’s Daily Online</i>. 2020. “${TITLE_CASE}.” October 22, 2020. ${URL}.`),
      mla: entry(`“${TITLE_CASE}.” <i>People’s Daily Online</i>, 22 Oct. 2020, en.people.cn/n3/2020/1022/c90000-9772128.html. Accessed 25 Nov. 2026.`),
    });
  });

  it("refuses a style it does not know", async () => {
    const res = await api.gql(`{ source(slug: "peoples-daily-2020-10-22-live-streaming-trillion") { cite(style: HARVARD) } }`);
    expect(res.errors?.[0]?.message).toBe('Value "HARVARD" does not exist in "CitationStyle" enum.');
  });
});

describe("Statistic.cite", () => {
  it("states the jobs figure as an estimate with its in-text citation and the reference, in each style", async () => {
    const data = await api.data(`{
      statistic(slug: "taobao-live-jobs-created-over-1-73m") {
        APA: cite
        MLA: cite(style: MLA)
        CHICAGO: cite(style: CHICAGO)
        GB_T_7714: cite(style: GB_T_7714)
        BIBTEX: cite(style: BIBTEX)
        CSL_JSON: cite(style: CSL_JSON)
      }
    }`);
    const figure = "Jobs created of Taobao Live: more than 1.73 million jobs (estimate)";
    expect({ ...data.statistic, CSL_JSON: JSON.parse(data.statistic.CSL_JSON).map((i: { id: string; note: string }) => [i.id, i.note]) }).toEqual({
      APA: `${figure} (“${TITLE_CASE},” 2020).\n\n${FOUNDING_ARTICLE.APA}`,
      MLA: `${figure} (“${TITLE_CASE}”).\n\n${FOUNDING_ARTICLE.MLA}`,
      CHICAGO: `${figure} (People’s Daily Online 2020).\n\n${FOUNDING_ARTICLE.CHICAGO}`,
      GB_T_7714: `${figure}[1].\n\n[1] ${FOUNDING_ARTICLE.GB_T_7714}`,
      BIBTEX: `@comment{${figure}}\n\n${FOUNDING_ARTICLE.BIBTEX}`,
      CSL_JSON: [["peoples-daily-2020-10-22-live-streaming-trillion", figure]],
    });
  });

  it("never cites the headline forecast as a measurement", async () => {
    const data = await api.data(`{ statistic(slug: "china-live-commerce-gmv-2020-over-1tn-forecast") { cite(style: GB_T_7714) } }`);
    expect(data.statistic.cite).toBe(
      `Live-streaming e-commerce gross merchandise value of China's live-streaming e-commerce market, 2020: more than 1 trillion yuan (forecast)[1].\n\n[1] ${FOUNDING_ARTICLE.GB_T_7714}`,
    );
  });
});

describe("cite: organization names as the knowledge base records them", () => {
  // A document seen on an aggregator: its publisher as named by the document, and two
  // organizations as its authors, each name with a case of its own.
  let named: TestApi;
  beforeAll(async () => {
    named = await scenarioApi({
      registries: {
        organizations: [
          { slug: "newsmuncher", name: "Newsmuncher", kind: "OTHER", description: "A news aggregator." },
          { slug: "iimedia-research", name: "iiMedia Research", kind: "CONSULTANCY", description: "A research firm." },
          { slug: "36kr", name: "36Kr", kind: "NEWS_PUBLISHER", description: "A technology news site." },
        ],
      },
      sources: [
        noneSource(
          "newsmuncher-2020-10-22-gadgets",
          [{ slug: "gadget-sales-2020-5bn", metric: "gadget-sales", subject: "gadget-market", kind: "ESTIMATE", value: { amount: 5e9, unit: "CNY", comparator: "EQUAL" }, period: "2020" }],
          {
            title: "Gadget sales to reach 5 billion yuan",
            publisher: "newsmuncher",
            publisherAsNamed: "China Daily (via newsmuncher.com)",
            authors: ["iimedia-research", "36kr"],
            published: "2020-10-22",
            retrieved: "2026-11-25",
          },
        ),
        noneSource(
          "newsmuncher-2020-10-23-gadget-share",
          [{ slug: "gadget-share-2020-12", metric: "gadget-share", subject: "gadget-market", kind: "ESTIMATE", value: { amount: 12, unit: "PERCENT", comparator: "EQUAL" }, period: "2020" }],
          { title: "Gadgets take 12 percent of retail", publisher: "newsmuncher", publisherAsNamed: "China Daily (via newsmuncher.com)", published: "2020-10-23" },
        ),
      ],
    });
  }, 60_000);
  afterAll(() => named?.close());

  const URL1 = "https://news.example/newsmuncher-2020-10-22-gadgets";
  const URL2 = "https://news.example/newsmuncher-2020-10-23-gadget-share";

  it("prints the publisher and the organization authors exactly as recorded in every style", async () => {
    const data = await named.data(`{
      source(slug: "newsmuncher-2020-10-22-gadgets") {
        APA: cite(style: APA) MLA: cite(style: MLA) CHICAGO: cite(style: CHICAGO) GB_T_7714: cite(style: GB_T_7714) BIBTEX: cite(style: BIBTEX)
      }
    }`);
    expect(data.source).toEqual({
      APA: `iiMedia Research, & 36Kr. (2020, October 22). Gadget sales to reach 5 billion yuan. China Daily (via newsmuncher.com). ${URL1}`,
      MLA: "iiMedia Research, and 36Kr. “Gadget Sales to Reach 5 Billion Yuan.” China Daily (via newsmuncher.com), 22 Oct. 2020, news.example/newsmuncher-2020-10-22-gadgets. Accessed 25 Nov. 2026.",
      CHICAGO: `iiMedia Research, and 36Kr. 2020. “Gadget Sales to Reach 5 Billion Yuan.” China Daily (via newsmuncher.com), October 22, 2020. ${URL1}.`,
      GB_T_7714: `iiMedia Research, 36Kr. Gadget sales to reach 5 billion yuan[N/OL]. China Daily (via newsmuncher.com), 2020-10-22[2026-11-25]. ${URL1}.`,
      BIBTEX: [
        "@article{newsmuncher_2020_10_22_gadgets,",
        "\tnote = {[Online; accessed 2026-11-25]},",
        "\tauthor = {{iiMedia Research} and {36Kr}},",
        "\tjournal = {China Daily (via newsmuncher.com)},",
        "\tyear = {2020},",
        "\tmonth = {oct 22},",
        "\ttitle = {Gadget sales to reach 5 billion yuan},",
        `\turl = {${URL1}},`,
        `\thowpublished = {${URL1}},`,
        "}",
      ].join("\n"),
    });
  });

  it("keeps the publisher's name where it stands in for the author of a figure's citation", async () => {
    const data = await named.data(`{ statistic(slug: "gadget-share-2020-12") { APA: cite CHICAGO: cite(style: CHICAGO) } }`);
    const figure = "Gadget share of Gadget market, 2020: 12% (estimate)";
    expect(data.statistic).toEqual({
      APA: `${figure} (“Gadgets Take 12 Percent of Retail,” 2020).\n\nGadgets take 12 percent of retail. (2020, October 23). China Daily (via newsmuncher.com). ${URL2}`,
      CHICAGO: `${figure} (China Daily (via newsmuncher.com) 2020).\n\nChina Daily (via newsmuncher.com). 2020. “Gadgets Take 12 Percent of Retail.” October 23, 2020. ${URL2}.`,
    });
  });
});
