import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, fixtureApi } from "./knowledge-bases.js";

let api: TestApi;
beforeAll(async () => {
  api = await fixtureApi();
});
afterAll(() => api.close());

describe("lists of everything but statistics", () => {
  it("lists each kind of entity by slug with totalCount", async () => {
    const data = await api.data(`{
      platforms { totalCount nodes { slug } }
      organizations { totalCount nodes { slug kind } }
      publishers: organizations(kind: NEWS_PUBLISHER) { totalCount nodes { slug } }
      mcns { totalCount nodes { slug } }
      brands { totalCount nodes { slug } }
      people { totalCount nodes { slug } }
      markets { totalCount nodes { slug } }
      events { totalCount nodes { slug } }
      entities(types: [BRAND, MCN]) { totalCount nodes { __typename slug } }
    }`);
    expect(data).toEqual({
      platforms: { totalCount: 1, nodes: [{ slug: "shoplive" }] },
      organizations: {
        totalCount: 5,
        nodes: [
          { slug: "digest-partners", kind: "CONSULTANCY" },
          { slug: "fixture-daily", kind: "NEWS_PUBLISHER" },
          { slug: "widget-corp", kind: "COMPANY" },
          { slug: "widget-institute", kind: "RESEARCH_INSTITUTE" },
          { slug: "widget-wire", kind: "NEWS_PUBLISHER" },
        ],
      },
      publishers: { totalCount: 2, nodes: [{ slug: "fixture-daily" }, { slug: "widget-wire" }] },
      mcns: { totalCount: 1, nodes: [{ slug: "hostco" }] },
      brands: { totalCount: 1, nodes: [{ slug: "sprocket" }] },
      people: { totalCount: 1, nodes: [{ slug: "ada-host" }] },
      markets: { totalCount: 2, nodes: [{ slug: "widget-market" }, { slug: "widget-market-north" }] },
      events: { totalCount: 1, nodes: [{ slug: "widget-fest-2020" }] },
      entities: {
        totalCount: 2,
        nodes: [
          { __typename: "MCN", slug: "hostco" },
          { __typename: "Brand", slug: "sprocket" },
        ],
      },
    });
  });

  it("pages through all entities forwards and backwards with the same cursors", async () => {
    const first = await api.data(`{ entities(first: 5) { totalCount nodes { slug } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    expect(first.entities.totalCount).toBe(12);
    expect(first.entities.nodes.map((n: { slug: string }) => n.slug)).toEqual(["ada-host", "digest-partners", "fixture-daily", "hostco", "shoplive"]);
    const next = await api.data(`query($after: String) { entities(first: 5, after: $after) { nodes { slug } pageInfo { hasNextPage hasPreviousPage startCursor } } }`, {
      after: first.entities.pageInfo.endCursor,
    });
    expect(next.entities.nodes.map((n: { slug: string }) => n.slug)).toEqual(["sprocket", "widget-corp", "widget-fest-2020", "widget-institute", "widget-market"]);
    expect(next.entities.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = await api.data(`query($before: String) { entities(last: 2, before: $before) { nodes { slug } pageInfo { hasNextPage hasPreviousPage } } }`, {
      before: next.entities.pageInfo.startCursor,
    });
    expect(back).toEqual({ entities: { nodes: [{ slug: "hostco" }, { slug: "shoplive" }], pageInfo: { hasNextPage: true, hasPreviousPage: true } } });
  });

  it("lists sources, optionally by publisher or kind", async () => {
    const data = await api.data(`{
      sources { totalCount nodes { slug } }
      byWire: sources(publisher: "widget-wire") { nodes { slug } }
      blogs: sources(kind: BLOG_POST, first: 1) { totalCount nodes { slug } pageInfo { hasNextPage } }
    }`);
    expect(data).toEqual({
      sources: {
        totalCount: 6,
        nodes: [
          { slug: "bulk-a-2019-05-01-widget-index" },
          { slug: "bulk-b-2020-02-widget-index" },
          { slug: "fixture-daily-2020-12-widget-excerpt" },
          { slug: "undated-widget-notes" },
          { slug: "widget-blog-2021-roundup" },
          { slug: "widget-wire-2021-01-05-widget-sales" },
        ],
      },
      byWire: { nodes: [{ slug: "bulk-a-2019-05-01-widget-index" }, { slug: "undated-widget-notes" }, { slug: "widget-wire-2021-01-05-widget-sales" }] },
      blogs: { totalCount: 2, nodes: [{ slug: "undated-widget-notes" }], pageInfo: { hasNextPage: true } },
    });
    const unknown = await api.gql(`{ sources(publisher: "nobody") { totalCount } }`);
    expect(unknown.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([['Argument publisher: no organization has the slug "nobody".', "BAD_USER_INPUT"]]);
  });

  it("lists reports and metrics by slug", async () => {
    const data = await api.data(`{ reports { totalCount nodes { slug } } metrics(first: 3) { totalCount nodes { slug } pageInfo { hasNextPage } } }`);
    expect(data).toEqual({
      reports: { totalCount: 2, nodes: [{ slug: "widget-digest-2021" }, { slug: "widget-institute-annual-2020" }] },
      metrics: { totalCount: 8, nodes: [{ slug: "hosts-growth" }, { slug: "live-sessions" }, { slug: "live-sessions-per-day" }], pageInfo: { hasNextPage: true } },
    });
  });

  it("lists a source's citations in reading order, in pages", async () => {
    const data = await api.data(`{
      source(slug: "widget-wire-2021-01-05-widget-sales") {
        all: citations { totalCount nodes { slug } }
        tail: citations(last: 2) { nodes { slug } pageInfo { hasPreviousPage hasNextPage } }
      }
    }`);
    expect(data).toEqual({
      source: {
        all: {
          totalCount: 6,
          nodes: [
            { slug: "widget-wire-2021-01-05-widget-sales.gmv-2020" },
            { slug: "widget-wire-2021-01-05-widget-sales.sessions-2020-12" },
            { slug: "widget-wire-2021-01-05-widget-sales.sessions-per-day-2020-12" },
            { slug: "widget-wire-2021-01-05-widget-sales.gmv-2021-forecast" },
            { slug: "widget-wire-2021-01-05-widget-sales.hosts-growth-2020" },
            { slug: "widget-wire-2021-01-05-widget-sales.streaming-hours" },
          ],
        },
        tail: {
          nodes: [{ slug: "widget-wire-2021-01-05-widget-sales.hosts-growth-2020" }, { slug: "widget-wire-2021-01-05-widget-sales.streaming-hours" }],
          pageInfo: { hasPreviousPage: true, hasNextPage: false },
        },
      },
    });
  });
});
