import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, type OperationDefinitionNode, getIntrospectionQuery, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiServer } from "../../src/server.js";
import { createServer } from "../../src/server.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { FACT_CARD_QUERY } from "../../src/web/fact-card/fact-card.query.js";
import { type TestApi, projectApi } from "./knowledge-bases.js";

/**
 * The server executes operations with graphql-jit by default (`--executor jit`) and can
 * interpret them with graphql-js (`--executor graphql-js`). Both must answer every request
 * with the same bytes: data, errors, their messages, codes, paths and locations. Each case
 * below runs through both servers over the project's knowledge base and compares.
 */
let api: TestApi;
let jit: ApiServer;
let interpreted: ApiServer;
beforeAll(async () => {
  api = await projectApi();
  jit = await createServer(api.kb, { executor: "jit" });
  interpreted = await createServer(api.kb, { executor: "graphql-js" });
});
afterAll(async () => {
  await jit.stop();
  await interpreted.stop();
  await api.close();
});

type Request = { query: string; variables?: Record<string, unknown>; operationName?: string };

async function answer(server: ApiServer, request: Request): Promise<unknown> {
  const res = await server.execute(request);
  if (res.body.kind !== "single") throw new Error("expected a single result");
  return { status: res.http.status ?? 200, result: res.body.singleResult };
}

/**
 * Runs `request` through graphql-js, then twice through the jit server (graphql-jit compiles an
 * operation on its second use: the first answer is interpreted, the second compiled), and
 * expects the same answer each time; returns it.
 */
async function same(request: Request): Promise<any> {
  const expected = JSON.stringify(await answer(interpreted, request));
  const label = JSON.stringify(request).slice(0, 200);
  expect(JSON.stringify(await answer(jit, request)), `${label}, first use`).toBe(expected);
  const compiledBefore = jit.jit!.compiledExecutions;
  expect(JSON.stringify(await answer(jit, request)), `${label}, compiled`).toBe(expected);
  compiledRuns += jit.jit!.compiledExecutions - compiledBefore;
  return JSON.parse(expected);
}

/** Answers given by a compiled operation (most requests; not those graphql-jit leaves to graphql-js). */
let compiledRuns = 0;

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String, $orderBy: StatisticOrder, $filter: StatisticFilter) {
  statistics(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
    totalCount
    edges { cursor node { slug value { amount unit comparator lowerBound upperBound } period { start end label } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe("graphql-jit and graphql-js answer alike", () => {
  it("on every operation of examples.graphql", async () => {
    const source = readFileSync(join(PROJECT_ROOT, "examples.graphql"), "utf8");
    const names = parse(source).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [(d as OperationDefinitionNode).name!.value] : []));
    expect(names.length).toBeGreaterThan(5);
    for (const operationName of names) {
      const { result } = await same({ query: source, operationName });
      expect(result.errors, operationName).toBeUndefined();
    }
  });

  it("on the fact card of every statistic in the knowledge base", async () => {
    const slugs: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await api.data(`query($after: String) { statistics(first: 100, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }`, { after });
      slugs.push(...page.statistics.nodes.map((n: { slug: string }) => n.slug));
      after = page.statistics.pageInfo.hasNextPage ? page.statistics.pageInfo.endCursor : null;
    } while (after);
    expect(slugs.length).toBeGreaterThan(100);
    for (const slug of slugs) {
      const { result } = await same({ query: FACT_CARD_QUERY, variables: { slug } });
      expect(result.errors, slug).toBeUndefined();
      expect(result.data.statistic.slug).toBe(slug);
    }
  });

  it("on pages in every order and direction, forwards and backwards, filtered, with defaults left out", async () => {
    for (const field of ["PERIOD", "VALUE", "PUBLISHED"]) {
      for (const orderBy of [{ field }, { field, direction: "ASC" }, { field, direction: "DESC" }]) {
        const first = await same({ query: PAGE, variables: { first: 7, orderBy } });
        const cursor = first.result.data.statistics.pageInfo.endCursor;
        await same({ query: PAGE, variables: { first: 7, after: cursor, orderBy } });
        await same({ query: PAGE, variables: { last: 5, before: cursor, orderBy } });
      }
    }
    for (const filter of [{ kind: "DERIVED" }, { hasVerifiedQuote: true }, { periodFrom: "2020-01-01", periodTo: "2020-06-30" }, { unit: "CNY" }, { producer: "renmin-university" }]) {
      await same({ query: PAGE, variables: { first: 20, filter } });
    }
  });

  it("on search, nodes, conflicts and introspection", async () => {
    await same({ query: `query($q: String!) { search(query: $q, first: 10) { totalCount edges { node { __typename ... on Statistic { slug } ... on Source { slug } } snippet } } }`, variables: { q: "Taobao Live" } });
    const ids = await same({ query: `{ statistics(first: 3) { nodes { id citations { id source { id } } } } platforms(first: 2) { nodes { id } } }` });
    const all: string[] = JSON.stringify(ids.result.data).match(/"id":"([^"]+)"/g)!.map((m) => m.slice(6, -1));
    await same({ query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Statistic { slug } ... on Source { title } ... on Platform { name } } }`, variables: { ids: all } });
    await same({ query: `{ conflicts(first: 5) { totalCount nodes { metric { slug } statistics { slug } } } }` });
    await same({ query: getIntrospectionQuery({ descriptions: true }) });
  });

  it("on directives, fragments on interfaces, aliases and repeated fields", async () => {
    const query = `query Dir($with: Boolean!, $without: Boolean!, $slug: String!) {
      a: entity(slug: $slug) { ...EntityBits __typename }
      b: entity(slug: "renmin-university") { ...EntityBits ... on Organization { kind } }
      statistic(slug: "taobao-live-jobs-created-over-1-73m") {
        slug @include(if: $with)
        kind @skip(if: $without)
        value { asWritten } value { amount }
        first: citations { quote { exact } }
        citations @include(if: $with) { source { title } }
      }
    }
    fragment EntityBits on Entity { slug name statistics(first: 2) @skip(if: $without) { totalCount nodes { slug } } }`;
    for (const [w, wo] of [[true, false], [false, true], [true, true], [false, false]]) {
      const { result } = await same({ query, variables: { with: w, without: wo, slug: "taobao-live" } });
      expect(result.errors).toBeUndefined();
      expect(result.data.a.slug).toBe("taobao-live");
    }
  });

  it("on refusals: bad cursors, out-of-range pages, wrong and missing variables, unknown operations", async () => {
    const cases: Request[] = [
      { query: PAGE, variables: { first: 0 } },
      { query: PAGE, variables: { first: 5, last: 5 } },
      { query: PAGE, variables: { after: "not a cursor!" } },
      { query: PAGE, variables: { first: "five" } },
      { query: PAGE, variables: { orderBy: { field: "SIZE" } } },
      { query: PAGE, variables: { filter: { periodFrom: "2020-13-45" } } },
      { query: `query($slug: String!) { statistic(slug: $slug) { slug } }` },
      { query: `query($slug: String!) { statistic(slug: $slug) { slug } }`, variables: { slug: null } },
      { query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, variables: { ids: ["nonsense"] } },
      { query: `query A { platforms(first: 1) { totalCount } }`, operationName: "B" },
      { query: `{ search(query: "\\"") { totalCount } }` },
    ];
    for (const request of cases) {
      const { result } = await same(request);
      expect(result.errors?.length, JSON.stringify(request)).toBeGreaterThan(0);
    }
  });

  it("compared compiled answers, not only interpreted ones", () => {
    expect(compiledRuns).toBeGreaterThan(150);
    expect(jit.jit!.compiledOperations).toBeGreaterThan(10);
    expect(interpreted.jit).toBeUndefined();
  });
});
