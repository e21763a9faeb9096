import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { type TestApi, projectApi } from "../api/knowledge-bases.js";

/**
 * The founding article's own sentences, checked against the project's knowledge base (db/):
 * every figure they state is matched to the statistic the editors modelled from it, which
 * agrees. The tests name those statistics and never the full list of matches, so other
 * sources added to db/ cannot break them: a figure is SUPPORTED, or DISPUTED when another
 * source's figure conflicts with it (the headline's "top 1 trillion yuan" meets iiMedia's
 * 961 billion forecast). Each sentence with one number changed comes out as a careful reader
 * would say: CONTRADICTED by its own statistic, or NOT_FOUND when it moves the figure to a
 * period the knowledge base has nothing for.
 */

const ARTICLE = "peoples-daily-2020-10-22-live-streaming-trillion";
const PUBLISHED = "2020-10-22";
const archived = readFileSync(join(DEFAULT_DATA_DIR, "sources", `${ARTICLE}.txt`), "utf8");

/** Sentences as the article writes them (a sentence that refers back is checked with the one before), and the statistic of each figure, in order. */
const SENTENCES: readonly (readonly [text: string, own: readonly string[]])[] = [
  ["China’s live-streaming e-commerce sector to top 1 trillion yuan in 2020", ["china-live-commerce-gmv-2020-over-1tn-forecast"]],
  [
    "The penetration rate of live-streaming sessions in the e-commerce market just hit 4.1 percent last year, according to the report jointly issued by international accounting company KPMG and Alibaba’s research arm Ali-Research, indicating rapid growth in the live-streaming e-commerce sector.",
    ["china-live-commerce-share-of-ecommerce-2019-4-1pct"],
  ],
  [
    "Data from China’s Ministry of Commerce shows that there were over 10 million e-commerce related live-streaming sessions in China, attracting more than 50 billion views and helping sell 20 million products in the first half of the year. That equates to an average of more than 50,000 such sessions and over 260 million views per day.",
    [
      "china-live-commerce-sessions-2020-h1-over-10m",
      "china-live-commerce-views-2020-h1-over-50bn",
      "china-live-commerce-products-2020-h1-20m",
      "china-live-commerce-sessions-per-day-2020-h1-over-50k",
      "china-live-commerce-views-per-day-2020-h1-over-260m",
    ],
  ],
  [
    "According to statistics from Alibaba’s live-streaming unit Taobao Live, 90 percent of live-streaming sessions and 70 percent of its transaction volume came from merchants’ live-streaming activities on the platform.",
    ["taobao-live-merchant-session-share-90pct", "taobao-live-merchant-gmv-share-70pct"],
  ],
  [
    "During this year’s mid-year online shopping spree, nine of the top 15 live-streaming sessions, with a transaction volume of more than 100 million yuan, were owned by brands and merchants.\n\nOn the first day of the shopping spree, the transaction volume of more than 37,000 Chinese brands soared by at least 100 percent year on year, said the report.",
    [
      "taobao-live-brand-owned-top-sessions-618-2020-9",
      "taobao-live-top-session-gmv-618-2020-over-100m",
      "618-2020-first-day-brands-doubling-over-37k",
      "618-2020-first-day-brand-gmv-growth-at-least-100pct",
    ],
  ],
  [
    "Over 70 percent of surveyed brands said they boosted sales of products through live-streaming campaigns, while more than 60 percent held that the good reputation enjoyed by their products and services attracted consumers to their live-streaming sessions.",
    ["china-live-commerce-brands-reporting-sales-boost-over-70pct", "china-live-commerce-brands-crediting-reputation-over-60pct"],
  ],
  ["Taobao’s data reveals that there are 200 MCNs on the platform, compared with none in June 2019.", ["taobao-mcn-count-2020-10-200", "taobao-mcn-count-2019-06-0"]],
  ["According to a study from Renmin University of China, Taobao Live has created more than 1.73 million job opportunities related to live-streaming operations.", ["taobao-live-jobs-created-over-1-73m"]],
];

/** A sentence with one number changed, the figure changed (by position in the sentence), its own statistic, and what a careful reader concludes. */
const PARAPHRASES: readonly (readonly [text: string, figure: number, own: string | null, verdict: "CONTRADICTED" | "NOT_FOUND"])[] = [
  ["China’s live-streaming e-commerce sector to reach 500 billion yuan in 2020", 0, "china-live-commerce-gmv-2020-over-1tn-forecast", "CONTRADICTED"],
  ["China’s live-streaming e-commerce sector to top 1 trillion yuan in 2015", 0, null, "NOT_FOUND"],
  ["The penetration rate of live-streaming sessions in the e-commerce market just hit 6.1 percent last year.", 0, "china-live-commerce-share-of-ecommerce-2019-4-1pct", "CONTRADICTED"],
  ["Data from China’s Ministry of Commerce shows that there were fewer than 5 million e-commerce related live-streaming sessions in China in the first half of the year.", 0, "china-live-commerce-sessions-2020-h1-over-10m", "CONTRADICTED"],
  ["In the first half of the year, live-streaming sessions in China helped sell 15 million products.", 0, "china-live-commerce-products-2020-h1-20m", "CONTRADICTED"],
  ["According to statistics from Alibaba’s live-streaming unit Taobao Live, 80 percent of live-streaming sessions came from merchants’ live-streaming activities on the platform.", 0, "taobao-live-merchant-session-share-90pct", "CONTRADICTED"],
  ["During this year’s mid-year online shopping spree, five of the top 15 live-streaming sessions were owned by brands and merchants.", 0, "taobao-live-brand-owned-top-sessions-618-2020-9", "CONTRADICTED"],
  ["Under 50 percent of surveyed brands said they boosted sales of products through live-streaming campaigns.", 0, "china-live-commerce-brands-reporting-sales-boost-over-70pct", "CONTRADICTED"],
  ["Taobao’s data reveals that there are 300 MCNs on the platform.", 0, "taobao-mcn-count-2020-10-200", "CONTRADICTED"],
  ["According to a study from Renmin University of China, Taobao Live has created fewer than 1 million job opportunities related to live-streaming operations.", 0, "taobao-live-jobs-created-over-1-73m", "CONTRADICTED"],
];

const QUERY = `query Founding($text: String!, $publishedAt: LocalDate) {
  checkClaim(text: $text, publishedAt: $publishedAt) { figures { asWritten verdict matches { statistic { slug } verdict } } }
}`;

let api: TestApi;
beforeAll(async () => {
  api = await projectApi();
});
afterAll(() => api.close());

describe("the founding article's sentences, checked against the knowledge base", () => {
  for (const [text, own] of SENTENCES) {
    it(`finds each figure's own statistic, which agrees: ${text.slice(0, 70)}…`, async () => {
      for (const sentence of text.split("\n\n")) expect(archived).toContain(sentence);
      const { checkClaim } = await api.data(QUERY, { text, publishedAt: PUBLISHED });
      expect(checkClaim.figures.map((f: any) => f.matches.find((m: any) => own.includes(m.statistic.slug))?.statistic.slug)).toEqual(own);
      for (const [i, f] of (checkClaim.figures as any[]).entries()) {
        expect(f.matches.find((m: any) => m.statistic.slug === own[i]).verdict, f.asWritten).toBe("AGREES");
        const conflicting = f.matches.some((m: any) => m.verdict === "CONFLICTS");
        expect(f.verdict, f.asWritten).toBe(conflicting ? "DISPUTED" : "SUPPORTED");
      }
    });
  }

  it("reads the headline as DISPUTED: the knowledge base holds a forecast of 961 billion yuan for 2020 beside the article's", async () => {
    const { checkClaim } = await api.data(QUERY, { text: SENTENCES[0]![0], publishedAt: PUBLISHED });
    expect(checkClaim.figures[0].verdict).toBe("DISPUTED");
    expect(checkClaim.figures[0].matches).toContainEqual({ statistic: { slug: "china-live-commerce-gmv-2020-961bn-forecast" }, verdict: "CONFLICTS" });
  });

  for (const [text, figure, own, verdict] of PARAPHRASES) {
    it(`says ${verdict} when one number is changed: ${text.slice(0, 70)}…`, async () => {
      const { checkClaim } = await api.data(QUERY, { text, publishedAt: PUBLISHED });
      const f = checkClaim.figures[figure];
      expect(f.verdict).toBe(verdict);
      if (own) expect(f.matches).toContainEqual({ statistic: { slug: own }, verdict: "CONFLICTS" });
    });
  }
});
