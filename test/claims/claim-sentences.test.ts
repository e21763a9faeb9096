import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "../api/knowledge-bases.js";
import { scenarioApi } from "../fixtures/scenario.js";
import { CLAIM_SCENARIO } from "./claim-scenario.js";

/**
 * Sentences of our own making, in English and Chinese, checked through the real server against
 * the claim scenario (test/claims/claim-scenario.ts): each verdict, each comparator, each form
 * of period, units and scales, several figures in one sentence, and numbers that are not
 * figures. Each case states what a careful reader would read and conclude, figure by figure.
 */

const QUERY = `query Check($text: String!, $publishedAt: LocalDate) {
  checkClaim(text: $text, publishedAt: $publishedAt) {
    verdict
    figures {
      asWritten verdict
      value { amount unit comparator }
      period { label event { slug } }
      metric { metric { slug } }
      subject { entities { slug } named }
      matches { statistic { slug } verdict }
    }
    ignored { asWritten reason }
  }
}`;

/** A figure as the cases state it: written, verdict, metric, subject, amount, unit, comparator, period, and the statistics that decided (agreeing or conflicting). */
type Figure = [asWritten: string, verdict: string, metric: string | null, subject: string | null, amount: number, unit: string, comparator: string, period: string | null, deciding: string[]];

interface Case {
  readonly text: string;
  readonly publishedAt?: string;
  readonly verdict: string;
  readonly figures: readonly Figure[];
  readonly ignored?: readonly string[];
}

const M = "china-live-commerce";
const SM = "streammall";

const CASES: Record<string, Case[]> = {
  "each verdict": [
    { text: "China's live-streaming e-commerce market reached 1.2 trillion yuan in 2020.", verdict: "SUPPORTED", figures: [["1.2 trillion yuan", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce market reached 1.5 trillion yuan in 2020.", verdict: "CONTRADICTED", figures: [["1.5 trillion yuan", "CONTRADICTED", "live-gmv", M, 1.5e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce sales reached nearly 2 trillion yuan in 2021.", verdict: "DISPUTED", figures: [["nearly 2 trillion yuan", "DISPUTED", "live-gmv", M, 2e12, "CNY", "APPROXIMATELY", "2021", ["gmv-2021-2-3tn", "gmv-2021-2tn-forecast"]]], ignored: ["2021 YEAR"] },
    { text: "ClipShop's live-streaming sales reached 300 billion yuan in 2020.", verdict: "DIFFERENT_SCOPE", figures: [["300 billion yuan", "DIFFERENT_SCOPE", "live-gmv", "clipshop", 3e11, "CNY", "EQUAL", "2020", []]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce market reached 1.2 trillion yuan in 2017.", verdict: "NOT_FOUND", figures: [["1.2 trillion yuan", "NOT_FOUND", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2017", []]], ignored: ["2017 YEAR"] },
    { text: "Widget exports reached 5 million tonnes in 2020.", verdict: "NOT_FOUND", figures: [["5 million", "NOT_FOUND", null, null, 5e6, "", "EQUAL", "2020", []]], ignored: ["2020 YEAR"] },
  ],
  "another unit or scale": [
    { text: "Live-streaming e-commerce sales in China reached 4.1 percent in 2019.", verdict: "NOT_FOUND", figures: [["4.1 percent", "NOT_FOUND", null, null, 4.1, "PERCENT", "EQUAL", "2019", []]], ignored: ["2019 YEAR"] },
    { text: "Live streaming accounted for 4.1 percent of China's e-commerce in 2019.", verdict: "SUPPORTED", figures: [["4.1 percent", "SUPPORTED", "live-share", M, 4.1, "PERCENT", "EQUAL", "2019", ["share-2019-4-1pct"]]], ignored: ["2019 YEAR"] },
    { text: "China's live-streaming e-commerce market reached 1.2 billion yuan in 2020.", verdict: "CONTRADICTED", figures: [["1.2 billion yuan", "CONTRADICTED", "live-gmv", M, 1.2e9, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce market was worth $171 billion in 2020.", verdict: "SUPPORTED", figures: [["$171 billion", "SUPPORTED", "live-gmv", M, 171e9, "USD", "EQUAL", "2020", ["gmv-2020-usd-171bn"]]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce market hit ¥1.2tn in 2020.", verdict: "SUPPORTED", figures: [["¥1.2tn", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]]], ignored: ["2020 YEAR"] },
    { text: "StreamMall has created 1.73m jobs.", verdict: "SUPPORTED", figures: [["1.73m", "SUPPORTED", "live-jobs", SM, 1.73e6, "jobs", "EQUAL", null, ["streammall-jobs-over-1-73m"]]] },
    { text: "China's live-streaming e-commerce sales more than doubled in 2020.", verdict: "SUPPORTED", figures: [["more than doubled", "SUPPORTED", "live-gmv-multiple", M, 2, "times", "MORE_THAN", "2020", ["growth-2020-121-5pct"]]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce sales tripled in 2020.", verdict: "CONTRADICTED", figures: [["tripled", "CONTRADICTED", "live-gmv-multiple", M, 3, "times", "EQUAL", "2020", ["growth-2020-121-5pct"]]], ignored: ["2020 YEAR"] },
    { text: "Live-streaming e-commerce GMV grew 121.5% year on year in 2020.", verdict: "SUPPORTED", figures: [["121.5%", "SUPPORTED", "live-gmv-growth", M, 121.5, "PERCENT", "EQUAL", "2020", ["growth-2020-121-5pct"]]], ignored: ["2020 YEAR"] },
    { text: "2019年，直播电商占电商的百分之四点一。", verdict: "SUPPORTED", figures: [["百分之四点一", "SUPPORTED", "live-share", M, 4.1, "PERCENT", "EQUAL", "2019", ["share-2019-4-1pct"]]], ignored: ["2019 YEAR"] },
    { text: "2020年中国直播电商交易额翻番。", verdict: "SUPPORTED", figures: [["翻番", "SUPPORTED", "live-gmv-multiple", M, 2, "times", "EQUAL", "2020", ["growth-2020-121-5pct"]]], ignored: ["2020 YEAR"] },
    { text: "That equates to more than 50,000 sessions per day in the first half of 2020.", verdict: "SUPPORTED", figures: [["more than 50,000", "SUPPORTED", "live-sessions-per-day", M, 50000, "sessions/day", "MORE_THAN", "2020-H1", ["sessions-per-day-2020-h1-over-50k"]]], ignored: ["2020 YEAR"] },
  ],
  comparators: [
    { text: "China's live-streaming e-commerce market reached about 1.2 trillion yuan in 2020.", verdict: "SUPPORTED", figures: [["about 1.2 trillion yuan", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "APPROXIMATELY", "2020", ["gmv-2020-1-2tn"]]], ignored: ["2020 YEAR"] },
    { text: "StreamMall had more than 1.5 million active hosts in 2020.", verdict: "SUPPORTED", figures: [["more than 1.5 million", "SUPPORTED", "live-hosts", SM, 1.5e6, "hosts", "MORE_THAN", "2020", ["streammall-hosts-2020-over-1-2m"]]], ignored: ["2020 YEAR"] },
    { text: "StreamMall had at least 1.2 million active hosts in 2020.", verdict: "SUPPORTED", figures: [["at least 1.2 million", "SUPPORTED", "live-hosts", SM, 1.2e6, "hosts", "AT_LEAST", "2020", ["streammall-hosts-2020-over-1-2m"]]], ignored: ["2020 YEAR"] },
    { text: "StreamMall had up to 1 million active hosts in 2020.", verdict: "CONTRADICTED", figures: [["up to 1 million", "CONTRADICTED", "live-hosts", SM, 1e6, "hosts", "AT_MOST", "2020", ["streammall-hosts-2020-over-1-2m"]]], ignored: ["2020 YEAR"] },
    { text: "StreamMall had less than 1 million active hosts in 2020.", verdict: "CONTRADICTED", figures: [["less than 1 million", "CONTRADICTED", "live-hosts", SM, 1e6, "hosts", "LESS_THAN", "2020", ["streammall-hosts-2020-over-1-2m"]]], ignored: ["2020 YEAR"] },
    { text: "Live streaming accounted for between 3% and 5% of China's e-commerce in 2019.", verdict: "SUPPORTED", figures: [["between 3% and 5%", "SUPPORTED", "live-share", M, 3, "PERCENT", "BETWEEN", "2019", ["share-2019-4-1pct"]]], ignored: ["2019 YEAR"] },
    { text: "2020年，流购直播活跃主播超过120万名。", verdict: "SUPPORTED", figures: [["超过120万名", "SUPPORTED", "live-hosts", SM, 1.2e6, "hosts", "MORE_THAN", "2020", ["streammall-hosts-2020-over-1-2m"]]], ignored: ["2020 YEAR"] },
    { text: "2021年中国直播电商市场规模近2万亿元。", verdict: "DISPUTED", figures: [["近2万亿元", "DISPUTED", "live-gmv", M, 2e12, "CNY", "APPROXIMATELY", "2021", ["gmv-2021-2-3tn", "gmv-2021-2tn-forecast"]]], ignored: ["2021 YEAR"] },
    { text: "2020年中国直播电商交易额约1.2万亿元。", verdict: "SUPPORTED", figures: [["约1.2万亿元", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "APPROXIMATELY", "2020", ["gmv-2020-1-2tn"]]], ignored: ["2020 YEAR"] },
    { text: "流购直播已创造逾173万个就业岗位。", verdict: "SUPPORTED", figures: [["逾173万个就业岗位", "SUPPORTED", "live-jobs", SM, 1.73e6, "jobs", "MORE_THAN", null, ["streammall-jobs-over-1-73m"]]] },
  ],
  periods: [
    { text: "China's live-streaming e-commerce market reached 1.2 trillion yuan last year.", publishedAt: "2021-03-01", verdict: "SUPPORTED", figures: [["1.2 trillion yuan", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]]] },
    { text: "去年中国直播电商交易额达1.2万亿元。", publishedAt: "2021-03-01", verdict: "SUPPORTED", figures: [["1.2万亿元", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]]] },
    { text: "There were over 10 million live-streaming sessions in China in the first half of 2020.", verdict: "SUPPORTED", figures: [["over 10 million", "SUPPORTED", "live-sessions", M, 1e7, "sessions", "MORE_THAN", "2020-H1", ["sessions-2020-h1-over-10m"]]], ignored: ["2020 YEAR"] },
    { text: "2019年直播电商渗透率为4.1%。", verdict: "SUPPORTED", figures: [["4.1%", "SUPPORTED", "live-share", M, 4.1, "PERCENT", "EQUAL", "2019", ["share-2019-4-1pct"]]], ignored: ["2019 YEAR"] },
    { text: "2020年，流购直播创造了近180万个就业岗位。", verdict: "NOT_FOUND", figures: [["近180万个就业岗位", "NOT_FOUND", "live-jobs", SM, 1.8e6, "jobs", "APPROXIMATELY", "2020", []]], ignored: ["2020 YEAR"] },
    { text: "Live-streaming sales during last year's Singles' Day reached 540 billion yuan.", publishedAt: "2022-03-01", verdict: "SUPPORTED", figures: [["540 billion yuan", "SUPPORTED", "live-gmv", M, 540e9, "CNY", "EQUAL", "2021-11-01/2021-11-11 singles-day-2021", ["singles-day-2021-gmv-540bn"]]] },
    { text: "Live-streaming sales on Double 11 2021 reached 540 billion yuan.", verdict: "SUPPORTED", figures: [["540 billion yuan", "SUPPORTED", "live-gmv", M, 540e9, "CNY", "EQUAL", "2021-11-01/2021-11-11 singles-day-2021", ["singles-day-2021-gmv-540bn"]]], ignored: ["11 EVENT_NAME", "2021 YEAR"] },
    { text: "There were over 10 million live-streaming sessions in China in H1 2020.", verdict: "SUPPORTED", figures: [["over 10 million", "SUPPORTED", "live-sessions", M, 1e7, "sessions", "MORE_THAN", "2020-H1", ["sessions-2020-h1-over-10m"]]], ignored: ["1 PART_OF_NAME", "2020 YEAR"] },
    { text: "2020年上半年，中国直播场次超过1000万场。", verdict: "SUPPORTED", figures: [["超过1000万场", "SUPPORTED", "live-sessions", M, 1e7, "sessions", "MORE_THAN", "2020-H1", ["sessions-2020-h1-over-10m"]]], ignored: ["2020 YEAR"] },
    { text: "China's live-streaming e-commerce market reached 1.2 trillion yuan in the first quarter of 2020.", verdict: "DIFFERENT_SCOPE", figures: [["1.2 trillion yuan", "DIFFERENT_SCOPE", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020-Q1", []]], ignored: ["2020 YEAR"] },
    { text: "Live-streaming sales on Singles' Day 2021 reached 540 billion yuan.", verdict: "SUPPORTED", figures: [["540 billion yuan", "SUPPORTED", "live-gmv", M, 540e9, "CNY", "EQUAL", "2021-11-01/2021-11-11 singles-day-2021", ["singles-day-2021-gmv-540bn"]]], ignored: ["2021 YEAR"] },
    { text: "Live-streaming sales during this year's Singles' Day reached 540 billion yuan.", publishedAt: "2021-12-01", verdict: "SUPPORTED", figures: [["540 billion yuan", "SUPPORTED", "live-gmv", M, 540e9, "CNY", "EQUAL", "2021-11-01/2021-11-11 singles-day-2021", ["singles-day-2021-gmv-540bn"]]] },
    { text: "2021年双十一直播电商交易额达5400亿元。", verdict: "SUPPORTED", figures: [["5400亿元", "SUPPORTED", "live-gmv", M, 540e9, "CNY", "EQUAL", "2021-11-01/2021-11-11 singles-day-2021", ["singles-day-2021-gmv-540bn"]]], ignored: ["2021 YEAR"] },
    { text: "On the first day of Singles' Day 2021, live-streaming sales reached 100 billion yuan.", verdict: "SUPPORTED", figures: [["100 billion yuan", "SUPPORTED", "live-gmv", M, 100e9, "CNY", "EQUAL", "2021-11-01 singles-day-2021-first-day", ["singles-day-2021-first-day-gmv-100bn"]]], ignored: ["2021 YEAR"] },
    { text: "On June 18, 2020, StreamMall's live-streaming sales reached 400 billion yuan.", verdict: "DIFFERENT_SCOPE", figures: [["400 billion yuan", "DIFFERENT_SCOPE", "live-gmv", SM, 400e9, "CNY", "EQUAL", "2020-06-18", []]], ignored: ["18 DATE", "2020 YEAR"] },
  ],
  "several figures": [
    {
      text: "In 2020, China's live-streaming e-commerce market reached 1.2 trillion yuan, grew 121.5% and had 388 million users.",
      verdict: "SUPPORTED",
      figures: [
        ["1.2 trillion yuan", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]],
        ["121.5%", "SUPPORTED", "live-gmv-growth", M, 121.5, "PERCENT", "EQUAL", "2020", ["growth-2020-121-5pct"]],
        ["388 million", "SUPPORTED", "live-users", M, 388e6, "users", "EQUAL", "2020", ["users-2020-388m"]],
      ],
      ignored: ["2020 YEAR"],
    },
    {
      text: "2020年中国直播电商交易额达1.2万亿元，用户规模达3.88亿，交易额增长至上年的3倍。",
      verdict: "CONTRADICTED",
      figures: [
        ["1.2万亿元", "SUPPORTED", "live-gmv", M, 1.2e12, "CNY", "EQUAL", "2020", ["gmv-2020-1-2tn"]],
        ["3.88亿", "SUPPORTED", "live-users", M, 388e6, "users", "EQUAL", "2020", ["users-2020-388m"]],
        ["3倍", "CONTRADICTED", "live-gmv-multiple", M, 3, "times", "EQUAL", "2020", ["growth-2020-121-5pct"]],
      ],
      ignored: ["2020 YEAR"],
    },
  ],
  "numbers that are not figures": [
    { text: "During the 618 festival, StreamMall's live-streaming sales reached 400 billion yuan in 2020.", verdict: "SUPPORTED", figures: [["400 billion yuan", "SUPPORTED", "live-gmv", SM, 400e9, "CNY", "EQUAL", "2020", ["streammall-gmv-2020-400bn"]]], ignored: ["618 EVENT_NAME", "2020 YEAR"] },
    { text: "Call 400-820-8820 for details: StreamMall has created more than 1.73 million jobs.", verdict: "SUPPORTED", figures: [["more than 1.73 million", "SUPPORTED", "live-jobs", SM, 1.73e6, "jobs", "MORE_THAN", null, ["streammall-jobs-over-1-73m"]]], ignored: ["400 PHONE_NUMBER", "820 PHONE_NUMBER", "8820 PHONE_NUMBER"] },
    { text: "With 5G and after COVID-19, the top 10 hosts of StreamMall led more than 1.5 million active hosts in 2020.", verdict: "SUPPORTED", figures: [["more than 1.5 million", "SUPPORTED", "live-hosts", SM, 1.5e6, "hosts", "MORE_THAN", "2020", ["streammall-hosts-2020-over-1-2m"]]], ignored: ["5 PART_OF_NAME", "19 PART_OF_NAME", "10 RANK", "2020 YEAR"] },
    { text: "Hotline 13800138000: in the first half of 2020 there were more than 50 thousand live-streaming sessions a day in China.", verdict: "SUPPORTED", figures: [["more than 50 thousand", "SUPPORTED", "live-sessions-per-day", M, 50000, "sessions/day", "MORE_THAN", "2020-H1", ["sessions-per-day-2020-h1-over-50k"]]], ignored: ["13800138000 PHONE_NUMBER", "2020 YEAR"] },
    { text: "2020年双11期间，流购直播交易额达4000亿元。", verdict: "DIFFERENT_SCOPE", figures: [["4000亿元", "DIFFERENT_SCOPE", "live-gmv", SM, 400e9, "CNY", "EQUAL", "2020-11-01/2020-11-11 singles-day-2020", []]], ignored: ["2020 YEAR", "11 EVENT_NAME"] },
  ],
};

let api: TestApi;
beforeAll(async () => {
  api = await scenarioApi(CLAIM_SCENARIO);
});
afterAll(() => api.close());

/** A figure of the answer in the shape the cases state it. */
function shape(f: any): Figure {
  const period = f.period ? `${f.period.label}${f.period.event ? ` ${f.period.event.slug}` : ""}` : null;
  const deciding = f.matches.filter((m: any) => ["AGREES", "COMPATIBLE", "CONFLICTS"].includes(m.verdict)).map((m: any) => m.statistic.slug);
  return [f.asWritten, f.verdict, f.metric?.metric.slug ?? null, f.subject?.entities[0]?.slug ?? null, f.value.amount, f.value.unit, f.value.comparator, period, deciding];
}

for (const [group, cases] of Object.entries(CASES)) {
  describe(`checkClaim reads and checks sentences: ${group}`, () => {
    for (const c of cases) {
      it(`${c.verdict}: ${c.text}`, async () => {
        const { checkClaim } = await api.data(QUERY, { text: c.text, publishedAt: c.publishedAt ?? "2021-03-01" });
        expect({ verdict: checkClaim.verdict, figures: checkClaim.figures.map(shape), ignored: checkClaim.ignored.map((i: any) => `${i.asWritten} ${i.reason}`) }).toEqual({
          verdict: c.verdict,
          figures: c.figures,
          ignored: c.ignored ?? [],
        });
      });
    }
  });
}

it("has at least 40 sentences, in both languages, covering every verdict and comparator", () => {
  const all = Object.values(CASES).flat();
  expect(all.length).toBeGreaterThanOrEqual(40);
  expect(all.filter((c) => /\p{Script=Han}/u.test(c.text)).length).toBeGreaterThanOrEqual(10);
  const figures = all.flatMap((c) => c.figures);
  expect(new Set(figures.map((f) => f[1]))).toEqual(new Set(["SUPPORTED", "CONTRADICTED", "DISPUTED", "DIFFERENT_SCOPE", "NOT_FOUND"]));
  expect(new Set(figures.map((f) => f[6]))).toEqual(new Set(["EQUAL", "APPROXIMATELY", "MORE_THAN", "AT_LEAST", "LESS_THAN", "AT_MOST", "BETWEEN"]));
});
