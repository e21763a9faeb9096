import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

describe("lookups by natural key", () => {
  it("finds a statistic by slug with its value, period, metric, subject, event, citations and producers", async () => {
    const data = await api.data(`{
      statistic(slug: "shoplive-widget-gmv-2020-2-5bn") {
        slug kind note hasVerifiedQuote
        value { amount unit comparator lowerBound upperBound lowerInclusive upperInclusive asWritten }
        period { start end label days asWritten resolution }
        metric { slug name quantity units }
        subject { __typename slug }
        event { slug }
        citations { slug source { slug } valueAsWritten periodAsWritten periodInferred attributionAsWritten attributionInferred attributionNote verified }
        producers { __typename slug }
      }
    }`);
    expect(data).toEqual({
      statistic: {
        slug: "shoplive-widget-gmv-2020-2-5bn",
        kind: "MEASUREMENT",
        note: null,
        hasVerifiedQuote: true,
        value: { amount: 2500000000, unit: "CNY", comparator: "EQUAL", lowerBound: 2500000000, upperBound: 2500000000, lowerInclusive: true, upperInclusive: true, asWritten: "25亿元" },
        period: {
          start: "2020-01-01",
          end: "2020-12-31",
          label: "2020",
          days: 366,
          // In the words of the first source (by slug) stating it; each citation has its own.
          asWritten: "2020年",
          resolution: "\"last year\" read relative to the publication date 2021-01-05: 2020 (2020-01-01 to 2020-12-31)",
        },
        metric: { slug: "widget-gmv", name: "Widget live-streaming GMV", quantity: "MONEY", units: ["CNY", "USD"] },
        subject: { __typename: "Platform", slug: "shoplive" },
        event: null,
        citations: [
          {
            slug: "fixture-daily-2020-12-widget-excerpt.gmv-2020",
            source: { slug: "fixture-daily-2020-12-widget-excerpt" },
            valueAsWritten: "25亿元",
            periodAsWritten: "2020年",
            periodInferred: false,
            attributionAsWritten: "据小部件研究院报告",
            attributionInferred: false,
            attributionNote: null,
            verified: true,
          },
          {
            slug: "widget-wire-2021-01-05-widget-sales.gmv-2020",
            source: { slug: "widget-wire-2021-01-05-widget-sales" },
            valueAsWritten: "2.5 billion yuan",
            periodAsWritten: "last year",
            periodInferred: false,
            attributionAsWritten: "according to the Widget Institute’s annual report",
            attributionInferred: false,
            attributionNote: null,
            verified: true,
          },
        ],
        producers: [{ __typename: "Organization", slug: "widget-institute" }],
      },
    });
  });

  it("finds the same statistic by global ID, and gives null for an unknown slug", async () => {
    const { statistic } = await api.data(`{ statistic(slug: "shoplive-users-about-100m") { id } }`);
    const data = await api.data(`query($id: ID!) { byId: statistic(id: $id) { slug } missing: statistic(slug: "no-such-figure") { slug } }`, { id: statistic.id });
    expect(data).toEqual({ byId: { slug: "shoplive-users-about-100m" }, missing: null });
  });

  it("rejects a statistic lookup with both id and slug, or neither, naming the arguments", async () => {
    const both = await api.gql(`{ statistic(id: "x", slug: "y") { slug } }`);
    const neither = await api.gql(`{ statistic { slug } }`);
    expect(both.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([["Pass exactly one of id or slug (got id and slug).", "BAD_USER_INPUT"]]);
    expect(neither.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([["Pass exactly one of id or slug (got none).", "BAD_USER_INPUT"]]);
  });

  it("finds a citation by slug, with its quote located in code points past characters outside the BMP", async () => {
    const data = await api.data(`{
      citation(slug: "widget-wire-2021-01-05-widget-sales.gmv-2020") {
        slug quote { exact prefix suffix start end } statistic { slug }
        source { text(start: 34, end: 95) }
      }
    }`);
    expect(data).toEqual({
      citation: {
        slug: "widget-wire-2021-01-05-widget-sales.gmv-2020",
        quote: {
          exact: "Widget sales on Shoplive soared to 2.5 billion yuan last year",
          prefix: "dget Wire — 5 January 2021\n\n𠮷 📈 ",
          suffix: ", according to the Widget Instit",
          start: 34,
          end: 95,
        },
        statistic: { slug: "shoplive-widget-gmv-2020-2-5bn" },
        source: { text: "Widget sales on Shoplive soared to 2.5 billion yuan last year" },
      },
    });
  });

  it("finds a source by slug, by URL and by ID, with its bibliographic data and archive", async () => {
    const fields = `slug title titleIsDescriptive url urlStatus publisher { slug } publisherAsNamed publishedAt language kind note authors { slug }
      archive { coverage sha256 length retrievedAt intact }`;
    const data = await api.data(`{
      bySlug: source(slug: "fixture-daily-2020-12-widget-excerpt") { ${fields} }
      byUrl: source(url: "https://blog.example/widgets-2021") { ${fields} }
      undated: source(slug: "undated-widget-notes") { publishedAt title titleIsDescriptive text }
      missing: source(url: "https://nowhere.example/") { slug }
    }`);
    expect(data).toEqual({
      bySlug: {
        slug: "fixture-daily-2020-12-widget-excerpt",
        title: "小部件直播销售额创新高",
        titleIsDescriptive: false,
        url: "https://daily.example/2020/12/widgets.html",
        urlStatus: "AS_SEEN",
        publisher: { slug: "fixture-daily" },
        publisherAsNamed: "夹具日报",
        publishedAt: "2020-12",
        language: "zh-Hans",
        kind: "NEWS_ARTICLE",
        note: null,
        authors: [],
        archive: { coverage: "EXCERPT", sha256: "105dee2b899a4a59423454884d5ff4923222e2572e86ffeb424581a49800ebab", length: 63, retrievedAt: null, intact: true },
      },
      byUrl: {
        slug: "widget-blog-2021-roundup",
        title: null,
        titleIsDescriptive: false,
        url: "https://blog.example/widgets-2021",
        urlStatus: "REPOST",
        publisher: null,
        publisherAsNamed: null,
        publishedAt: "2021",
        language: "en",
        kind: "BLOG_POST",
        note: null,
        authors: [],
        archive: { coverage: "NONE", sha256: null, length: null, retrievedAt: null, intact: null },
      },
      undated: { publishedAt: null, title: "Notes on widget platforms", titleIsDescriptive: true, text: null },
      missing: null,
    });
    const { bySlug } = await api.data(`{ bySlug: source(slug: "widget-blog-2021-roundup") { id } }`);
    expect(await api.data(`query($id: ID!) { source(id: $id) { slug } }`, { id: bySlug.id })).toEqual({ source: { slug: "widget-blog-2021-roundup" } });
  });

  it("finds a report by slug with its authors, what it is based on and the statistics attributed to it", async () => {
    const data = await api.data(`{
      digest: report(slug: "widget-digest-2021") {
        slug title titleIsDescriptive originalTitle originalLanguage kind published url description
        authors { __typename slug }
        basedOn { relation inferred note report { slug published originalTitle originalLanguage } }
        statistics(first: 3, orderBy: { field: VALUE }) { totalCount nodes { slug } }
      }
      missing: report(slug: "nope") { slug }
    }`);
    expect(data).toEqual({
      digest: {
        slug: "widget-digest-2021",
        title: "Widget digest 2021",
        titleIsDescriptive: true,
        originalTitle: null,
        originalLanguage: null,
        kind: "REPORT",
        published: "2021",
        url: null,
        description: "Fictional digest that republishes the Widget Institute's figures.",
        authors: [{ __typename: "Organization", slug: "digest-partners" }],
        basedOn: [
          {
            relation: "REPUBLISHES",
            inferred: false,
            note: null,
            report: { slug: "widget-institute-annual-2020", published: "2021-01", originalTitle: "小部件研究院2020年度报告", originalLanguage: "zh-Hans" },
          },
        ],
        // 43 generated figures (every third) plus the roundup's 2.4 billion; the smallest are 200, 300 and 400 units.
        statistics: { totalCount: 44, nodes: [{ slug: "widget-index-123" }, { slug: "widget-index-096" }, { slug: "widget-index-069" }] },
      },
      missing: null,
    });
  });

  it("finds a metric by slug with its units and related metrics", async () => {
    const data = await api.data(`{
      metric(slug: "widget-gmv") { slug name description quantity units related { relation scale offset note metric { slug } } statistics { totalCount } }
    }`);
    expect(data).toEqual({
      metric: {
        slug: "widget-gmv",
        name: "Widget live-streaming GMV",
        description: "Value of widgets sold through live streams.",
        quantity: "MONEY",
        units: ["CNY", "USD"],
        related: [{ relation: "DIFFERENT_SCOPE", scale: null, offset: null, note: "The index counts units, not money.", metric: { slug: "widget-index" } }],
        statistics: { totalCount: 3 },
      },
    });
  });

  it("finds each kind of entity by slug with its own relations, and null when the slug is of another kind", async () => {
    const data = await api.data(`{
      platform(slug: "shoplive") { __typename slug name description website names { lang name } aliases operator { slug kind } parent { slug } }
      organization(slug: "widget-institute") { __typename slug kind names { lang name } aliases parent { slug } website }
      mcn(slug: "hostco") { __typename slug operator { slug } }
      brand(slug: "sprocket") { __typename slug owner { slug } }
      person(slug: "ada-host") { __typename slug affiliation { slug } }
      market(slug: "widget-market-north") { __typename slug names { lang } partOf { slug names { lang name } } }
      event(slug: "widget-fest-2020") { __typename slug start end partOf { slug } }
      entity(slug: "widget-fest-2020") { __typename slug ... on Event { start } }
      notAPlatform: platform(slug: "widget-corp") { slug }
      nothing: entity(slug: "nothing") { slug }
    }`);
    expect(data).toEqual({
      platform: {
        __typename: "Platform",
        slug: "shoplive",
        name: "Shoplive",
        description: "Fictional live-streaming shopping platform for widgets.",
        website: "https://shoplive.example/app",
        names: [
          { lang: "zh-Hans", name: "购直播" },
          { lang: "zh-Hant", name: "購直播" },
        ],
        aliases: ["SL", "Shop Live"],
        operator: { slug: "widget-corp", kind: "COMPANY" },
        parent: null,
      },
      organization: {
        __typename: "Organization",
        slug: "widget-institute",
        kind: "RESEARCH_INSTITUTE",
        names: [
          { lang: "zh-Hans", name: "小部件研究院" },
          { lang: "zh-Hant", name: "小部件研究院" },
        ],
        aliases: ["WI"],
        parent: { slug: "widget-corp" },
        website: null,
      },
      mcn: { __typename: "MCN", slug: "hostco", operator: { slug: "widget-corp" } },
      brand: { __typename: "Brand", slug: "sprocket", owner: { slug: "widget-corp" } },
      person: { __typename: "Person", slug: "ada-host", affiliation: { slug: "widget-corp" } },
      market: { __typename: "Market", slug: "widget-market-north", names: [], partOf: { slug: "widget-market", names: [{ lang: "zh-Hans", name: "小部件直播市场" }] } },
      event: { __typename: "Event", slug: "widget-fest-2020", start: "2020-06-01", end: "2020-06-18", partOf: null },
      entity: { __typename: "Event", slug: "widget-fest-2020", start: "2020-06-01" },
      notAPlatform: null,
      nothing: null,
    });
  });

  it("tells which version of the data is served", async () => {
    const data = await api.data(`{ knowledgeBase { dataVersion builtAt } }`);
    expect(data).toEqual({ knowledgeBase: { dataVersion: api.kb.build.dataVersion, builtAt: "2026-01-01T00:00:00.000Z" } });
    expect(data.knowledgeBase.dataVersion).toMatch(/^[0-9a-f]{64}$/);
  });
});
