import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApi } from "../api/knowledge-bases.js";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";

let api: TestApi;
beforeAll(async () => {
  api = await scenarioApi({
    sources: [
      noneSource("daily-news-2021-gadgets", [
        { slug: "gadget-sales-2020", metric: "gadget-sales", subject: "gadget-market", kind: "ESTIMATE", value: { amount: 2e9, unit: "CNY", comparator: "EQUAL" }, period: 2020 },
      ]),
    ],
  });
});
afterAll(() => api.close());

describe("a scenario knowledge base", () => {
  it("serves the figures a test states, with the base registries", async () => {
    const data = await api.data(`{ statistic(slug: "gadget-sales-2020") { value { amount unit } subject { slug } citations { source { slug } } } }`);
    expect(data.statistic).toEqual({ value: { amount: 2e9, unit: "CNY" }, subject: { slug: "gadget-market" }, citations: [{ source: { slug: "daily-news-2021-gadgets" } }] });
  });
});
