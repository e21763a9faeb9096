import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, type OperationDefinitionNode, getIntrospectionQuery, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiServer } from "../../src/server.js";
import { createServer } from "../../src/server.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { FACT_CARD_QUERY } from "../../src/web/fact-card/fact-card.query.js";
import { allStatistics, fixedSample } from "../invariants/sample.js";
import { type TestApi, fixtureApi, projectApi } from "./knowledge-bases.js";

/**
 * The server executes operations with graphql-jit by default (`--executor jit`) and can
 * interpret them with graphql-js (`--executor graphql-js`). Both must answer every request
 * with the same bytes: data, errors, their messages, codes, paths and locations. Each case
 * below runs through both servers and compares: over the project's knowledge base for the
 * examples and the named figures, over the fixture (made for awkward rows) and a fixed sample
 * of the project's statistics for fact cards, so the cost does not grow with db/.
 */
interface Pair {
  readonly api: TestApi;
  readonly jit: ApiServer;
  readonly interpreted: ApiServer;
}
let project: Pair;
let fixture: Pair;
/** Two servers, one per executor, over one knowledge base. */
async function pair(api: TestApi): Promise<Pair> {
  return { api, jit: await createServer(api.kb, { executor: "jit" }), interpreted: await createServer(api.kb, { executor: "graphql-js" }) };
}
beforeAll(async () => {
  [project, fixture] = await Promise.all([projectApi().then(pair), fixtureApi().then(pair)]);
});
afterAll(async () => {
  for (const p of [project, fixture]) {
    if (!p) continue;
    await p.jit.stop();
    await p.interpreted.stop();
    await p.api.close();
  }
});

/** How many statistics of the project's knowledge base the fact-card comparison samples (plus one of each kind). */
const PROJECT_SAMPLE = 24;
/** How many of the fixture's generated statistics it samples beside every hand-written one. */
const BULK_SAMPLE = 8;

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
async function same(request: Request, { jit, interpreted }: Pair = project): Promise<any> {
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

  it("on the fact card of every hand-written statistic of the fixture and a fixed sample of its generated ones", async () => {
    const statistics = await allStatistics(fixture.api);
    const written = statistics.filter((s) => !s.slug.startsWith("widget-index-")).map((s) => s.slug);
    const generated = fixedSample(statistics.filter((s) => s.slug.startsWith("widget-index-")), BULK_SAMPLE);
    expect(written.length).toBeGreaterThanOrEqual(10);
    expect(generated.length).toBeGreaterThanOrEqual(BULK_SAMPLE);
    for (const slug of [...written, ...generated]) {
      const { result } = await same({ query: FACT_CARD_QUERY, variables: { slug } }, fixture);
      expect(result.errors, slug).toBeUndefined();
      expect(result.data.statistic.slug).toBe(slug);
    }
  });

  it("on the fact cards of a fixed sample of the project's statistics, one of each kind at least", async () => {
    const statistics = await allStatistics(project.api);
    const sample = fixedSample(statistics, PROJECT_SAMPLE);
    expect(sample.length).toBeGreaterThanOrEqual(Math.min(PROJECT_SAMPLE, statistics.length));
    expect(new Set(statistics.filter((s) => sample.includes(s.slug)).map((s) => s.kind))).toEqual(new Set(statistics.map((s) => s.kind)));
    for (const slug of sample) {
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
    const search = await same({ query: `query($q: String!) { search(query: $q, first: 10) { totalCount edges { cursor node { node { __typename ... on Statistic { slug } ... on Source { slug } } snippet } } } }`, variables: { q: "Taobao Live" } });
    expect(search.result.errors).toBeUndefined();
    expect(search.result.data.search.edges.length).toBeGreaterThan(0);
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
    // Every fact card above (at least 10 + 8 + 24), the examples and most pages ran compiled.
    expect(compiledRuns).toBeGreaterThan(80);
    expect(project.jit.jit!.compiledOperations).toBeGreaterThan(10);
    expect(fixture.jit.jit!.compiledOperations).toBeGreaterThan(0);
    expect(project.interpreted.jit).toBeUndefined();
  });
});
