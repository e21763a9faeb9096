import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_WEIGHTS } from "../../src/db/search.repo.js";
import { noneSource, scenarioApi } from "../fixtures/scenario.js";
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

  it("computes the snippets of the hits asked for only, also of a page of one hit", () => {
    const search = api.kb.repos.search;
    for (const n of [1, 2, 3]) {
      const rowids = search.hits('"widget"', undefined, undefined, n).map((h) => h.rowid);
      expect([...search.snippets('"widget"', rowids).keys()].sort((a, b) => a - b)).toEqual([...rowids].sort((a, b) => a - b));
    }
  });

  it("refuses a cursor from another search", async () => {
    const other = await hits("annual", { first: 1 });
    const r = await api.gql(SEARCH, { q: "widget", after: other.pageInfo.endCursor });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/^Argument after: the cursor belongs to another list or order/);
  });
});

describe("search ranking of words found in most documents", () => {
  // A conjunction with words in at least half of the documents ("widget", "the", … in the
  // fixture) and few hits is ranked in two parts (src/db/search-ranking.ts): SQLite's bm25
  // over the other phrases plus the common words' shares. The result must be bm25's own.
  const bm25 = (match: string) =>
    api.kb.db.sqlite.prepare(`SELECT rowid, rank FROM search_index WHERE search_index MATCH ? AND rank MATCH '${SEARCH_WEIGHTS}' ORDER BY rank, rowid`).all(match) as { rowid: number; rank: number }[];
  const vocabulary = () => {
    const sqlite = api.kb.db.sqlite;
    const rows = sqlite.prepare("SELECT count(*) AS n FROM search_index").pluck().get() as number;
    const terms = sqlite.prepare("SELECT term, doc FROM temp.search_vocab").all() as { term: string; doc: number }[];
    return {
      dense: terms.filter((t) => t.doc * 2 >= rows && /^[a-z0-9]+$/.test(t.term)).map((t) => t.term),
      rare: terms.filter((t) => t.doc >= 2 && t.doc * 8 < rows && /^[a-z0-9]+$/.test(t.term)).map((t) => t.term),
    };
  };

  it("gives each hit bm25's rank and order, in two parts, for every dense word with rarer ones", () => {
    const { dense, rare } = vocabulary();
    expect(dense.length).toBeGreaterThanOrEqual(4);
    expect(rare.length).toBeGreaterThanOrEqual(20);
    const matches = [
      ...dense.flatMap((d, i) => rare.filter((_, j) => j % dense.length === i).map((r) => `"${r}" AND "${d}"`)),
      ...dense.slice(1).map((d, i) => `"${dense[i]}" AND "${rare[i]}" AND "${d}"`),
      ...rare.slice(0, 5).map((r, i) => `"${dense[i % dense.length]}" AND "fictional widget" AND "${r}"*`),
    ];
    let twoPart = 0;
    for (const match of matches) {
      const expected = bm25(match);
      const ran: string[] = [];
      const stop = api.kb.db.onStatement((sql) => ran.push(sql));
      const hits = api.kb.repos.search.hits(match, undefined, undefined, 100);
      stop();
      if (ran.some((sql) => /rowid BETWEEN/.test(sql))) twoPart++;
      expect(hits.map((h) => h.rowid), match).toEqual(expected.map((e) => e.rowid));
      hits.forEach((h, i) => expect(Math.abs(h.rank - expected[i]!.rank), match).toBeLessThanOrEqual(1e-12 * Math.abs(expected[i]!.rank)));
      // Paging from any hit gives the rest, as one statement would.
      if (hits.length > 2) {
        const after = hits[1]!;
        expect(api.kb.repos.search.hits(match, undefined, { rank: after.rank, rowid: after.rowid }, 100).map((h) => h.rowid), match).toEqual(expected.slice(2).map((e) => e.rowid));
      }
    }
    expect(twoPart, "conjunctions ranked in two parts").toBeGreaterThanOrEqual(matches.length / 2);
  });

  it("pages and narrows such a search through the API like any other", async () => {
    const { dense } = vocabulary();
    const q = `widget* ${dense.find((d) => d !== "widget")} fictional`;
    const all = await hits(q, { first: 100 });
    const first = await hits(q, { first: 3 });
    const rest = await hits(q, { first: 100, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...rest.nodes]).toEqual(all.nodes);
    const sources = await hits(q, { first: 100, types: ["SOURCE"] });
    expect(sources.nodes).toEqual(all.nodes.filter((n: { node: { __typename: string } }) => n.node.__typename === "Source"));
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

describe("search: an entity named exactly as the query comes first", () => {
  // A host whose name other records mention more often: a studio named after her, whose
  // description repeats her name, and figures about her whose notes do, all shorter than her
  // own record. By bm25 alone she is not first.
  let named: TestApi;
  const figure = (i: number, subject: string) => ({
    slug: `viya-studio-sales-${i}`,
    metric: "gadget-sales",
    subject,
    kind: "ESTIMATE",
    value: { amount: 1000 + i, unit: "CNY", comparator: "EQUAL" },
    period: "2020",
    note: "Viya sold these gadgets on Viya's channel; Viya, Viya.",
  });
  beforeAll(async () => {
    named = await scenarioApi({
      registries: {
        people: [
          {
            slug: "viya",
            name: "Viya",
            names: { "zh-Hans": "薇娅" },
            aliases: ["Huang Wei"],
            description: "A live-streaming host from Anhui who sold rockets, houses and lipstick to tens of millions of viewers a night.",
          },
          { slug: "huang-wei-singer", name: "Huang Wei", description: "A singer who shares a name with a host." },
          { slug: "li-jiaqi", name: "Li Jiaqi", names: { "zh-Hans": "李佳琦" }, aliases: ["Austin Li"], description: "A live-streaming host who sells lipstick." },
        ],
        mcns: [{ slug: "viya-studio", name: "Viya Studio", description: "Viya's studio: it sells what Viya shows, Viya after Viya." }],
      },
      sources: [
        noneSource(
          "daily-news-2021-viya",
          Array.from({ length: 12 }, (_, i) => figure(i, i % 2 ? "viya-studio" : "viya")),
          { title: "Viya and Li Jiaqi sell gadgets" },
        ),
      ],
    });
  }, 60_000);
  afterAll(() => named?.close());

  const QUERY = `query($q: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(query: $q, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor }
      nodes { rank nameMatch node { __typename ... on Statistic { slug } ... on Source { slug } ... on Entity { slug } } }
    }
  }`;
  type Hit = { rank: number; nameMatch: boolean; node: { __typename: string; slug: string } };
  const search = async (q: string, extra: Record<string, unknown> = {}) => (await named.data(QUERY, { q, first: 100, ...extra })).search;
  const slugs = (nodes: Hit[]) => nodes.map((n) => n.node.slug);

  it("puts the person first although other hits rank better by bm25, and keeps every other hit in rank order", async () => {
    const { totalCount, nodes } = await search("Viya");
    expect(nodes[0]).toEqual({ rank: expect.any(Number), nameMatch: true, node: { __typename: "Person", slug: "viya" } });
    // The fixture is what it claims: by bm25 alone, some other hit would come before her.
    expect(nodes.slice(1).some((n: Hit) => n.rank < nodes[0].rank)).toBe(true);
    const rest = nodes.slice(1) as Hit[];
    expect(rest.every((n) => !n.nameMatch)).toBe(true);
    expect(rest.map((n) => n.rank)).toEqual([...rest.map((n) => n.rank)].sort((a, b) => a - b));
    // Only the order changes: the hits are those of the words.
    expect(totalCount).toBe(nodes.length);
    expect(slugs(nodes)).toContain("viya-studio");
    expect(nodes.filter((n: Hit) => n.node.__typename === "Statistic")).toHaveLength(12);
  });

  it("matches the name, a name in another language or an alias, whatever the case and spacing, also as a quoted phrase", async () => {
    for (const q of ["viya", "VIYA", '"Viya"', "  Viya ", "薇娅", "\tviya\n"]) {
      const first = (await search(q)).nodes[0];
      expect({ q, slug: first.node.slug, nameMatch: first.nameMatch }).toEqual({ q, slug: "viya", nameMatch: true });
    }
    for (const q of ["li jiaqi", "LI   JIAQI", '"Li Jiaqi"', "李佳琦", "austin li"]) {
      const { nodes } = await search(q);
      expect({ q, first: nodes[0].node.slug, named: nodes.filter((n: Hit) => n.nameMatch).length }).toEqual({ q, first: "li-jiaqi", named: 1 });
    }
  });

  it("does not treat a prefix, a longer name or another phrase as the name", async () => {
    expect((await search("Viya*")).nodes.filter((n: Hit) => n.nameMatch)).toEqual([]);
    expect((await search("Jiaqi")).nodes.filter((n: Hit) => n.nameMatch)).toEqual([]);
    expect((await search("Huang Wei OR Viya")).nodes.filter((n: Hit) => n.nameMatch)).toEqual([]);
    const studio = (await search("Viya Studio")).nodes as Hit[];
    expect(studio.filter((n) => n.nameMatch).map((n) => n.node.slug)).toEqual(["viya-studio"]);
    expect(studio[0]!.node.slug).toBe("viya-studio");
  });

  it("lists every entity of that name first, by rank among themselves", async () => {
    const { nodes } = await search("Huang Wei");
    const first = (nodes as Hit[]).filter((n) => n.nameMatch);
    expect(slugs(first).sort()).toEqual(["huang-wei-singer", "viya"]);
    expect(slugs(nodes.slice(0, 2))).toEqual(slugs(first));
    expect(first[0]!.rank).toBeLessThanOrEqual(first[1]!.rank);
  });

  it("applies only when entities are searched", async () => {
    expect((await search("Viya", { types: ["ENTITY"] })).nodes[0]).toMatchObject({ nameMatch: true, node: { slug: "viya" } });
    const stats = (await search("Viya", { types: ["STATISTIC", "SOURCE"] })).nodes as Hit[];
    expect(stats.length).toBe(13);
    expect(stats.some((n) => n.nameMatch)).toBe(false);
  });

  it("pages through the name hits and the rest with cursors, page size whatever it is", async () => {
    for (const q of ["Viya", "Huang Wei"]) {
      const all = (await search(q)).nodes;
      for (const size of [1, 2, 3, 5]) {
        const pages: Hit[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await search(q, { first: size, after });
          pages.push(...page.nodes);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect({ q, size, slugs: slugs(pages) }).toEqual({ q, size, slugs: slugs(all) });
      }
    }
  });

  it("refuses a cursor of an exact-name hit that is not one of this search's, and cursors of the same words with another name", async () => {
    const page = await search("Viya", { first: 1 });
    const [list, key] = JSON.parse(Buffer.from(page.pageInfo.endCursor, "base64url").toString("utf8"));
    expect(key).toBe("name");
    const forged = Buffer.from(JSON.stringify([list, key, 987654])).toString("base64url");
    const r = await named.gql(QUERY, { q: "Viya", first: 5, after: forged });
    expect(r.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([["Argument after: not a cursor of this search.", "BAD_USER_INPUT"]]);
    // "Li AND Jiaqi" is the same MATCH as "Li Jiaqi" but names no one: its cursors are its own.
    const other = await named.gql(QUERY, { q: "Li AND Jiaqi", first: 5, after: (await search("Li Jiaqi", { first: 1 })).pageInfo.endCursor });
    expect(other.errors?.[0]?.message).toMatch(/^Argument after: the cursor belongs to another list or order/);
  });
});
