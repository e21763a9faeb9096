import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACT_CARD, fitToSchema, schemaFromSdl } from "../../bench/http/queries.js";
import { type KnowledgeBase, openKnowledgeBase } from "../../src/db/open.js";
import { buildKnowledgeBase } from "../../src/ingest/build.js";
import { synthesize } from "../../src/ingest/synth.js";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { type ApiServer, createServer } from "../../src/server.js";
import { type CapturedStatement, captureStatements, fullTableScans, planText, queryPlan, sortsTableRows } from "../../bench/lib/statement-capture.js";

/**
 * The query plans of the statements the API runs, on a synthetic knowledge base large enough
 * for ANALYZE to give the planner real statistics. The operations below exercise every list
 * order and filter, keyset cursors both ways, nested lists, search, and the batches behind a
 * fact card; every statement the repositories run for them is captured with its parameters
 * and explained. None may read a large table row by row: an index must serve.
 */

const STATISTICS = 20_000;

let dir: string;
let kb: KnowledgeBase;
let server: ApiServer;
let statements: Map<string, CapturedStatement>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lsf-plans-"));
  synthesize({ statistics: STATISTICS, outDir: join(dir, "db"), migrationsDir: join(DEFAULT_DATA_DIR, "migrations") });
  buildKnowledgeBase({ dataDir: join(dir, "db"), dbPath: join(dir, "kb.sqlite") });
  kb = openKnowledgeBase(join(dir, "kb.sqlite"));
  const capture = captureStatements(kb.db);
  server = await createServer(kb);
  for (const [query, variables] of await operations()) await data(query, variables);
  capture.stop();
  statements = capture.statements;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  kb?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function data(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await server.execute({ query, variables });
  if (res.body.kind !== "single") throw new Error("expected a single result");
  const { data, errors } = res.body.singleResult;
  if (errors?.length) throw new Error(`${errors[0]!.message}\n${query}\n${JSON.stringify(variables)}`);
  return data;
}

const ORDERS = ["PERIOD", "VALUE", "PUBLISHED"] as const;
const DIRECTIONS = ["ASC", "DESC"] as const;
const PAGE = `query($filter: StatisticFilter, $orderBy: StatisticOrder, $first: Int, $after: String, $last: Int, $before: String) {
  statistics(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
    nodes { slug value { amount } period { label } }
  }
}`;

/** Every filter of StatisticFilter, alone, on values the synthetic knowledge base has. */
const FILTERS: Record<string, object>[] = [
  {},
  { metric: "metric-7" },
  { subject: "market-17" },
  { event: "event-3" },
  { kind: "SURVEY" },
  { unit: "users" },
  { source: "source-42" },
  { producer: "org-21" },
  { hasVerifiedQuote: true },
  { hasVerifiedQuote: false },
  { periodFrom: "2019-01-01", periodTo: "2019-12-31" },
  { periodFrom: "2023-07-01" },
  { periodTo: "2016-06-30" },
  { metric: "metric-7", periodFrom: "2018-01-01", periodTo: "2020-12-31" },
  { subject: "market-17", kind: "SURVEY" },
  { producer: "org-21", periodFrom: "2020-01-01" },
].map((filter) => ({ filter }));

/** The operations whose statements are explained: [query, variables]. */
async function operations(): Promise<[string, Record<string, unknown>][]> {
  const ops: [string, Record<string, unknown>][] = [];
  // Every order both ways, every filter, first and last pages and both cursors.
  for (const { filter } of FILTERS) {
    for (const field of ORDERS) {
      for (const direction of DIRECTIONS) {
        const orderBy = { field, direction };
        const first = (await data(PAGE, { filter, orderBy, first: 20 })).statistics;
        const last = (await data(PAGE, { filter, orderBy, last: 20 })).statistics;
        if (first.pageInfo.endCursor) ops.push([PAGE, { filter, orderBy, first: 20, after: first.pageInfo.endCursor }]);
        if (last.pageInfo.startCursor) ops.push([PAGE, { filter, orderBy, last: 20, before: last.pageInfo.startCursor }]);
      }
    }
  }
  // Statistics whose sort key is NULL come last: a cursor among them reads the NULL segment.
  ops.push([PAGE, { orderBy: { field: "PERIOD", direction: "ASC" }, last: 5 }]);
  // Nested lists take the same arguments and add their own condition.
  const nested = `query {
    metric(slug: "metric-3") { statistics(first: 20, orderBy: { field: VALUE, direction: DESC }) { totalCount nodes { slug } } }
    market(slug: "market-5") { statistics(first: 20, orderBy: { field: PUBLISHED, direction: DESC }) { totalCount nodes { slug } } }
    organization(slug: "org-14") { producedStatistics(first: 20) { totalCount nodes { slug } } }
    source(slug: "source-7") { statistics(first: 20) { totalCount nodes { slug } } citations(first: 20) { totalCount nodes { slug } } }
    report(slug: "report-9") { statistics(first: 20) { totalCount nodes { slug } } }
  }`;
  ops.push([nested, {}]);
  const sourcePage = await data(`{ source(slug: "source-7") { citations(first: 10) { pageInfo { endCursor } } } }`);
  ops.push([`query($after: String) { source(slug: "source-7") { citations(first: 10, after: $after) { nodes { slug } } } }`, { after: sourcePage.source.citations.pageInfo.endCursor }]);
  // Lists of the registries and the sources.
  ops.push([
    `{ sources(first: 20, publisher: "org-5") { totalCount nodes { slug } } byKind: sources(first: 20, kind: NEWS_ARTICLE) { totalCount nodes { slug } } organizations(first: 20, kind: NEWS_PUBLISHER) { totalCount nodes { slug } } entities(first: 20, types: [MARKET, ORGANIZATION]) { nodes { slug } } metrics(first: 20) { nodes { slug } } reports(first: 20) { nodes { slug } } }`,
    {},
  ]);
  // Search: specific and broad words, a type filter, the next page.
  const search = `query($query: String!, $types: [SearchType!], $after: String) {
    search(query: $query, types: $types, first: 20, after: $after) { totalCount pageInfo { endCursor } nodes { rank snippet node { __typename ... on Statistic { slug } } } }
  }`;
  for (const variables of [{ query: '"stat-12345" recorded' }, { query: '"market-17" "Metric 17"' }, { query: "Metric", types: ["STATISTIC"] }]) {
    const page = (await data(search, variables)).search;
    ops.push([search, { ...variables, after: page.pageInfo.endCursor }]);
  }
  // A fact card, and a page of them: the batches behind citations, sources, publishers, producers.
  const factCard = fitToSchema(FACT_CARD, schemaFromSdl(await serverSdl()));
  ops.push([factCard.query, { slug: "stat-19" }]);
  ops.push([
    `{ statistics(first: 100) { nodes { slug producers { slug } subject { slug names { lang name } } metric { slug units }
        citations { slug verified quote { exact } attributedTo { __typename ... on Report { slug authors { slug } } ... on Organization { slug } }
          source { slug url publisher { slug name } authors { slug } archive { sha256 intact } } } } } }`,
    {},
  ]);
  return ops;
}

async function serverSdl(): Promise<string> {
  const { schemaSdl, buildApiSchema } = await import("../../src/schema/index.js");
  return schemaSdl(buildApiSchema());
}

/** Tables that grow with the knowledge base; a row-by-row read of any of them is a defect. */
const LARGE_TABLES = ["statistic", "citation", "source", "statistic_producer", "derivation_input", "entity", "entity_name", "report", "report_author", "source_author", "search_index"];

describe("query plans of the statements the API runs", () => {
  it("captures the statements of every list order, filter, cursor, nested list, search and batch", () => {
    const sql = [...statements.keys()].join("\n");
    // A sanity check that the operations reached the repositories they are meant to exercise.
    for (const fragment of ["s.metric_id = ?", "s.subject_id = ?", "s.event_id = ?", "s.kind = ?", "s.unit = ?", "FROM citation WHERE source_id = ?", "FROM statistic_producer WHERE entity_id = ?", "s.has_verified_quote = ?", "s.period_end >= ?", "s.period_start <= ?", "search_index MATCH ?", "c.statistic_id IN (", "src.id IN (", "e.id IN (", "sp.statistic_id IN ("]) {
      expect(sql, fragment).toContain(fragment);
    }
    expect(statements.size).toBeGreaterThan(60);
  });

  it("recognises a full table scan behind an alias (the check below can fail)", () => {
    const s = { sql: "SELECT s.id FROM statistic s WHERE s.note = ?", params: ["x"] };
    expect(fullTableScans(s.sql, queryPlan(kb.db, s))).toEqual(["statistic"]);
  });

  it("reads no large table row by row: every statement is served by an index", () => {
    const offenders: string[] = [];
    for (const s of statements.values()) {
      const plan = queryPlan(kb.db, s);
      const scans = fullTableScans(s.sql, plan).filter((t) => LARGE_TABLES.includes(t));
      if (scans.length > 0) offenders.push(`${scans.join(", ")} scanned by:\n${s.sql}\nparameters ${JSON.stringify(s.params)}\n${planText(plan)}`);
    }
    expect(offenders, offenders.join("\n\n")).toEqual([]);
    // LSF_DUMP_PLANS=<file> writes every statement with its plan, for reading.
    if (process.env.LSF_DUMP_PLANS) {
      writeFileSync(process.env.LSF_DUMP_PLANS, [...statements.values()].map((s) => `${s.sql}\n${JSON.stringify(s.params)}\n${planText(queryPlan(kb.db, s))}`).join("\n\n"));
    }
  });

  it("reads a page of one metric, subject, kind or unit in any order from an index, without sorting all the filter keeps", () => {
    // Statements of statistics pages whose only condition (besides the keyset's) is one of these.
    const single = /\bs\.(metric_id|subject_id|kind|unit) = \?/g;
    const other = /s\.event_id = \?|s\.period_(start|end) [<>]=|IN \(SELECT|has_verified_quote/;
    const conditions = (sql: string) => sql.split(/\bWHERE\b/).slice(1).map((part) => part.split(/\bORDER BY\b/)[0]!).join(" AND ");
    const pages = [...statements.values()].filter((s) => {
      const where = conditions(s.sql);
      return /FROM statistic s/.test(s.sql) && /LIMIT/.test(s.sql) && !other.test(where) && new Set(where.match(single) ?? []).size === 1;
    });
    expect(pages.length).toBeGreaterThanOrEqual(4 * 3 * 2 * 2);
    const sorted = pages.filter((s) => sortsTableRows(queryPlan(kb.db, s), "s"));
    expect(sorted.map((s) => `${s.sql}\n${JSON.stringify(s.params)}\n${planText(queryPlan(kb.db, s))}`).join("\n\n")).toBe("");
  });
});
