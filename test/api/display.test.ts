import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, projectApi } from "./knowledge-bases.js";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";

const WRITINGS = /* GraphQL */ `
  query Writings($slug: String!) {
    statistic(slug: $slug) {
      value {
        en: display
        zh: display(language: ZH)
        short: display(form: SHORT)
        zhShort: display(language: ZH, form: SHORT)
        unitDetails { code kind singular plural symbol chinese }
      }
    }
  }
`;

describe("value.display through the API, on figures made for it", () => {
  let api: TestApi;
  const figure = (slug: string, metric: string, value: Record<string, unknown>) => ({ slug, metric, subject: "gadget-market", kind: "ESTIMATE", value, period: 2020 });
  beforeAll(async () => {
    api = await scenarioApi({
      registries: {
        metrics: [
          { slug: "gadget-hours", name: "Gadget hours", description: "Hours spent on gadgets.", quantity: "DURATION", units: ["hours", "hours/day"] },
          { slug: "gadget-multiple", name: "Gadget multiple", description: "Sales over the year before.", quantity: "RATIO", units: ["times"] },
          { slug: "gadget-year", name: "Gadget year", description: "When gadgets began.", quantity: "COUNT", units: ["calendar-year"] },
        ],
      },
      sources: [
        noneSource("gadget-figures", [
          figure("sales-over-1tn", "gadget-sales", { amount: 1e12, unit: "CNY", comparator: "MORE_THAN" }),
          figure("sales-about-8-5bn", "gadget-sales", { amount: 8.5e9, unit: "CNY", comparator: "APPROXIMATELY" }),
          figure("sales-usd-under-150bn", "gadget-sales", { amount: 150e9, unit: "USD", comparator: "LESS_THAN" }),
          figure("share-4-1", "gadget-share", { amount: 4.1, unit: "PERCENT", comparator: "EQUAL" }),
          figure("share-30-to-60", "gadget-share", { amount: 30, upper: 60, unit: "PERCENT", comparator: "BETWEEN" }),
          figure("buyers-at-least-1-73m", "gadget-buyers", { amount: 1.73e6, unit: "people", comparator: "AT_LEAST" }),
          figure("hours-14", "gadget-hours", { amount: 14, unit: "hours", comparator: "EQUAL" }),
          figure("hours-at-most-6-a-day", "gadget-hours", { amount: 6, unit: "hours/day", comparator: "AT_MOST" }),
          figure("multiple-2-2", "gadget-multiple", { amount: 2.2, unit: "times", comparator: "APPROXIMATELY" }),
          figure("began-after-2017", "gadget-year", { amount: 2017, unit: "calendar-year", comparator: "MORE_THAN" }),
        ]),
      ],
    });
  });
  afterAll(() => api?.close());

  const writings = async (slug: string) => {
    const { en, zh, short, zhShort } = (await api.data(WRITINGS, { slug })).statistic.value;
    return [en, zh, short, zhShort];
  };

  it("writes each unit and comparator in English, in Chinese and short", async () => {
    expect(await writings("sales-over-1tn")).toEqual(["more than 1 trillion yuan", "超过1万亿元", ">¥1 tn", ">¥1万亿"]);
    expect(await writings("sales-about-8-5bn")).toEqual(["about 8.5 billion yuan", "约85亿元", "≈¥8.5 bn", "≈¥85亿"]);
    expect(await writings("sales-usd-under-150bn")).toEqual(["less than 150 billion US dollars", "不到1500亿美元", "<US$150 bn", "<US$1500亿"]);
    expect(await writings("share-4-1")).toEqual(["4.1%", "4.1%", "4.1%", "4.1%"]);
    expect(await writings("share-30-to-60")).toEqual(["30–60%", "30-60%", "30–60%", "30-60%"]);
    expect(await writings("buyers-at-least-1-73m")).toEqual(["at least 1.73 million people", "至少173万人", "≥1.73 m people", "≥173万人"]);
    expect(await writings("hours-14")).toEqual(["14 hours", "14小时", "14 h", "14小时"]);
    expect(await writings("hours-at-most-6-a-day")).toEqual(["at most 6 hours per day", "最多6小时/天", "≤6 h/d", "≤6小时/天"]);
    expect(await writings("multiple-2-2")).toEqual(["about 2.2 times", "约2.2倍", "≈2.2×", "≈2.2倍"]);
    expect(await writings("began-after-2017")).toEqual(["after 2017", "2017年以后", ">2017", ">2017年"]);
  });

  it("gives every unit's names, and lists the closed set of units", async () => {
    const { value } = (await api.data(WRITINGS, { slug: "buyers-at-least-1-73m" })).statistic;
    expect(value.unitDetails).toEqual({ code: "people", kind: "COUNT", singular: "person", plural: "people", symbol: null, chinese: "人" });
    const { units } = await api.data("{ units { code kind } }");
    expect(units.map((u: { code: string; kind: string }) => `${u.code}:${u.kind}`)).toEqual([
      "CNY:CURRENCY",
      "PERCENT:PERCENT",
      "USD:CURRENCY",
      "calendar-year:CALENDAR_YEAR",
      "hours:DURATION",
      "hours/day:RATE",
      "people:COUNT",
      "times:MULTIPLE",
      "units:COUNT",
    ]);
  });
});

describe("value.display on the project's knowledge base", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await projectApi();
  });
  afterAll(() => api?.close());

  it("gives every figure a display in English and Chinese, with no unit code or twelve-digit number left", async () => {
    const seen: { slug: string; en: string; zh: string; short: string }[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await api.data(`query($after: String) { statistics(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug value { en: display zh: display(language: ZH) short: display(form: SHORT) } } } }`, { after })
      ).statistics;
      for (const n of page.nodes) seen.push({ slug: n.slug, ...n.value });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBeGreaterThan(150);
    const codes = /\b(CNY|USD|PERCENT|percentage-points|calendar-year)\b|\d{1,3}(,\d{3}){3,}/;
    expect(seen.filter((s) => codes.test(s.en) || codes.test(s.zh) || codes.test(s.short))).toEqual([]);
    // Chinese writings end in Chinese (or %), never in an English unit name.
    expect(seen.filter((s) => /[a-z]/i.test(s.zh))).toEqual([]);
    const bySlug = new Map(seen.map((s) => [s.slug, s]));
    expect(bySlug.get("taobao-live-jobs-created-over-1-73m")).toEqual({ slug: "taobao-live-jobs-created-over-1-73m", en: "more than 1.73 million jobs", zh: "超过173万个就业岗位", short: ">1.73 m jobs" });
  });
});
