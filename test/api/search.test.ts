import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

const SEARCH = `query($q: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $q, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { snippet node { __typename ... on Statistic { slug } ... on Source { slug } ... on Report { slug } ... on Metric { slug } ... on Entity { slug } } }
  }
}`;
const hits = async (q: string, extra: Record<string, unknown> = {}) => (await api.data(SEARCH, { q, ...extra })).search;

describe("search", () => {
  it("ranks a title match above body matches, with highlighted snippets", async () => {
    expect(await hits("annual")).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: expect.any(String) },
      nodes: [
        { snippet: "Widget Institute <mark>annual</mark> report 2020 · 小部件研究院2020年度报告", node: { __typename: "Report", slug: "widget-institute-annual-2020" } },
        { snippet: "Fictional research arm of Widget Corp that publishes an <mark>annual</mark> report on widget sales.", node: { __typename: "Organization", slug: "widget-institute" } },
        {
          snippet: "…year, according to the Widget Institute’s <mark>annual</mark> report, which called it “a record”.\n\nThe platform…",
          node: { __typename: "Source", slug: "widget-wire-2021-01-05-widget-sales" },
        },
      ],
    });
  });

  it("returns each hit's bm25 rank, most relevant (lowest) first", async () => {
    const { search } = await api.data(`{ search(query: "annual") { nodes { rank } } }`);
    const ranks = search.nodes.map((n: { rank: number }) => n.rank);
    expect(ranks.every((r: number) => r < 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("searches what people type: decimals, hyphens and apostrophes are text, not syntax", async () => {
    expect((await hits("1,290")).nodes.map((n: { node: { slug: string } }) => n.node.slug)).toEqual(["shoplive-sessions-per-day-2020-12-over-1290", "widget-wire-2021-01-05-widget-sales"]);
    expect((await hits('"2.5 billion"')).nodes.map((n: { node: { slug: string } }) => n.node.slug)).toEqual(["shoplive-widget-gmv-2020-2-5bn", "widget-wire-2021-01-05-widget-sales"]);
    expect((await hits("live-streaming Shoplive’s e-commerce")).totalCount).toBe(0);
    expect((await hits("platform’s own data")).nodes.map((n: { node: { slug: string } }) => n.node.slug)).toEqual(["widget-wire-2021-01-05-widget-sales"]);
  });

  it("finds entities by their Chinese names, whole or by prefix", async () => {
    expect((await hits("购直播")).nodes).toEqual([{ snippet: "Shoplive · <mark>购直播</mark> · 購直播 · Shop Live · SL", node: { __typename: "Platform", slug: "shoplive" } }]);
    expect((await hits("小部件研究院*")).nodes.map((n: { node: { slug: string } }) => n.node.slug)).toEqual(["widget-institute", "widget-institute-annual-2020"]);
  });

  it("combines terms with AND, OR, NOT and parentheses", async () => {
    const slugs = async (q: string) => (await hits(q, { first: 100 })).nodes.map((n: { node: { slug: string } }) => n.node.slug).sort();
    expect(await slugs("annual AND Corp")).toEqual(["widget-institute"]);
    // digest-partners' description mentions a digest but no widget.
    expect(await slugs("(annual OR digest) NOT Widget")).toEqual(["digest-partners"]);
    expect(await slugs("annual OR digest")).toEqual([
      "digest-partners",
      "widget-digest-2021",
      "widget-institute",
      "widget-institute-annual-2020",
      "widget-wire-2021-01-05-widget-sales",
    ]);
    expect(await slugs("annual NOT Corp")).toEqual(["widget-institute-annual-2020", "widget-wire-2021-01-05-widget-sales"]);
  });

  it("narrows to the kinds asked for", async () => {
    expect(await hits("widget", { types: ["METRIC"] })).toEqual({
      totalCount: 2,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: expect.any(String) },
      nodes: [
        { snippet: "<mark>Widget</mark> live-streaming GMV", node: { __typename: "Metric", slug: "widget-gmv" } },
        { snippet: "<mark>Widget</mark> index", node: { __typename: "Metric", slug: "widget-index" } },
      ],
    });
  });

  it("pages through hits with cursors, ties in rank kept in a stable order", async () => {
    const all = await hits("widget", { first: 40 });
    expect(all.totalCount).toBeGreaterThan(40);
    const first = await hits("widget", { first: 15 });
    const second = await hits("widget", { first: 25, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes]).toEqual(all.nodes);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });

  it("refuses a cursor from another search", async () => {
    const other = await hits("annual", { first: 1 });
    const r = await api.gql(SEARCH, { q: "widget", after: other.pageInfo.endCursor });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/^Argument after: the cursor belongs to another list or order/);
  });
});

describe("search errors", () => {
  const cases: [string, string][] = [
    ['"', "Argument query: the double quote at character 1 is never closed."],
    ["AND OR", "Argument query: AND at character 1 must stand between two search terms (to search for the word itself, write it in lower case or in double quotes)."],
    ["*", "Argument query: '*' at character 1 must follow a word, as in live*."],
    ["(taobao", "Argument query: the parenthesis opened at character 1 is never closed."],
    ["taobao)", "Argument query: the parenthesis closed at character 7 was never opened."],
    ["taobao AND", "Argument query: a search term is missing at the end of the query."],
    ["NOT taobao", "Argument query: NOT at character 1 must stand between two search terms (to search for the word itself, write it in lower case or in double quotes)."],
    ["()", "Argument query: empty parentheses at character 1."],
    ['""', "Argument query: empty phrase at character 1."],
    [",,,", 'Argument query: ",,," at character 1 has no letters or digits to search for.'],
    ["", "Argument query: the query is empty; give at least one word to search for."],
    ["   \t ", "Argument query: the query is empty; give at least one word to search for."],
    ["x".repeat(201), "Argument query: the query is 201 characters long; the limit is 200."],
    [Array.from({ length: 33 }, (_, i) => `w${i}`).join(" "), "Argument query: the query has 33 words or phrases; the limit is 32."],
  ];
  for (const [query, message] of cases) {
    it(`refuses ${JSON.stringify(query.length > 20 ? `${query.slice(0, 20)}…` : query)} as a user error saying why`, async () => {
      const r = await api.gql(SEARCH, { q: query });
      expect(r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code }))).toEqual([{ message, code: "BAD_USER_INPUT" }]);
      expect(r.data).toBeNull();
    });
  }

  it("rejects first outside 1..100 like every connection", async () => {
    const r = await api.gql(SEARCH, { q: "widget", first: 0 });
    expect(r.errors?.map((e) => e.message)).toEqual(["Argument first must be between 1 and 100, got 0."]);
  });
});
