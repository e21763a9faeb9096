import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    const figure = "Jobs created of Taobao Live: more than 1,730,000 jobs (estimate)";
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
      `Live-streaming e-commerce gross merchandise value of China's live-streaming e-commerce market, 2020: more than 1,000,000,000,000 CNY (forecast)[1].\n\n[1] ${FOUNDING_ARTICLE.GB_T_7714}`,
    );
  });
});
