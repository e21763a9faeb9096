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
import { encodeCursor } from "../../src/schema/common/cursor.js";
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
/** Every statement run by the operations of the checks on particular values (windowPages, runPages), in order. */
let valueRuns: CapturedStatement[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lsf-plans-"));
  synthesize({ statistics: STATISTICS, outDir: join(dir, "db"), migrationsDir: join(DEFAULT_DATA_DIR, "migrations") });
  buildKnowledgeBase({ dataDir: join(dir, "db"), dbPath: join(dir, "kb.sqlite") });
  kb = openKnowledgeBase(join(dir, "kb.sqlite"));
  const capture = captureStatements(kb.db);
  server = await createServer(kb);
  for (const [query, variables] of await operations()) await data(query, variables);
  const from = capture.runs.length;
  for (const [query, variables] of [...windowPages(), ...runPages()]) await data(query, variables);
  capture.stop();
  statements = capture.statements;
  valueRuns = capture.runs.slice(from);
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
  for (const variables of [{ query: '"stat-12345" recorded' }, { query: '"market-17" "Metric 17"' }, { query: "Metric", types: ["STATISTIC"] }, { query: "Organization 14" }]) {
    const page = (await data(search, variables)).search;
    ops.push([search, { ...variables, after: page.pageInfo.endCursor }]);
  }
  // An entity's exact name: it comes first (entity_name_key), and a page can end on it.
  const byName = `query($after: String) { search(query: "organization  14", first: 1, after: $after) { pageInfo { endCursor } nodes { nameMatch node { ... on Organization { slug } } } } }`;
  const named = (await data(byName)).search;
  expect(named.nodes).toEqual([{ nameMatch: true, node: { slug: "org-14" } }]);
  ops.push([byName, { after: named.pageInfo.endCursor }]);
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

/**
 * Pages of one metric or subject within a period window, ordered by value or publication
 * date, over several metrics and windows (one that keeps every period, one year, one with no
 * statistic): SQLite's choice of index for the same SQL depended on the values bound.
 */
function windowPages(): [string, Record<string, unknown>][] {
  const ops: [string, Record<string, unknown>][] = [];
  const windows = [
    ["2015-01-01", "2024-12-31"],
    ["2019-01-01", "2019-12-31"],
    ["2031-01-01", "2031-12-31"],
  ];
  const filters = [...["metric-0", "metric-7", "metric-22", "metric-39"].map((metric) => ({ metric })), { subject: "market-17" }, { subject: "market-3" }];
  for (const f of filters) {
    for (const [periodFrom, periodTo] of windows) {
      for (const field of ["VALUE", "PUBLISHED"]) {
        for (const direction of DIRECTIONS) {
          const filter = { ...f, periodFrom, periodTo };
          ops.push([PAGE, { filter, orderBy: { field, direction }, first: 20 }], [PAGE, { filter, orderBy: { field, direction }, last: 20 }]);
        }
      }
    }
  }
  return ops;
}

/**
 * Pages read on (and back) from a cursor in the middle of the longest run of equal sort keys
 * (a period start or publication date many statistics share), of all statistics and of one
 * metric.
 */
function runPages(): [string, Record<string, unknown>][] {
  const ops: [string, Record<string, unknown>][] = [];
  const runs: { field: string; filter: object; key: string; ids: number[] }[] = [];
  for (const [field, column] of [
    ["PERIOD", "period_start"],
    ["PUBLISHED", "first_published"],
  ] as const) {
    const run = kb.db.sqlite.prepare(`SELECT ${column} AS key FROM statistic WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`).get() as { key: string };
    const ids = kb.db.sqlite.prepare(`SELECT id FROM statistic WHERE ${column} = ? ORDER BY id`).pluck().all(run.key) as number[];
    runs.push({ field, filter: {}, key: run.key, ids });
  }
  // One metric's longest run of a period start (publication dates repeat less within a metric).
  const m = kb.db.sqlite.prepare("SELECT metric_id AS metricId, period_start AS key FROM statistic WHERE period_start IS NOT NULL GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1").get() as { metricId: number; key: string };
  const metricSlug = kb.db.sqlite.prepare("SELECT slug FROM metric WHERE id = ?").pluck().get(m.metricId) as string;
  const metricIds = kb.db.sqlite.prepare("SELECT id FROM statistic WHERE metric_id = ? AND period_start = ? ORDER BY id").pluck().all(m.metricId, m.key) as number[];
  runs.push({ field: "PERIOD", filter: { metric: metricSlug }, key: m.key, ids: metricIds });
  for (const { field, filter, key, ids } of runs) {
    // Long enough that a page read either way from its middle stays inside it.
    expect(ids.length).toBeGreaterThan(40);
    for (const direction of DIRECTIONS) {
      const cursor = encodeCursor(`statistic:${field}:${direction}`, { key, id: ids[ids.length >> 1]! });
      ops.push([PAGE, { filter, orderBy: { field, direction }, first: 20, after: cursor }], [PAGE, { filter, orderBy: { field, direction }, last: 20, before: cursor }]);
    }
  }
  return ops;
}

async function serverSdl(): Promise<string> {
  const { schemaSdl, buildApiSchema } = await import("../../src/schema/index.js");
  return schemaSdl(buildApiSchema());
}

/** Tables that grow with the knowledge base; a row-by-row read of any of them is a defect. */
const LARGE_TABLES = ["statistic", "citation", "source", "statistic_producer", "derivation_input", "entity", "entity_name", "entity_name_key", "report", "report_author", "source_author", "search_index"];

describe("query plans of the statements the API runs", () => {
  it("captures the statements of every list order, filter, cursor, nested list, search and batch", () => {
    const sql = [...statements.keys()].join("\n");
    // A sanity check that the operations reached the repositories they are meant to exercise.
    for (const fragment of ["s.metric_id = ?", "s.subject_id = ?", "s.event_id IN (WITH RECURSIVE sub", "s.kind = ?", "s.unit = ?", "FROM citation WHERE source_id = ?", "FROM statistic_producer WHERE entity_id = ?", "s.has_verified_quote = 1", "s.period_end >= ?", "s.period_start <= ?", "search_index MATCH ?", "FROM entity_name_key WHERE key = ?", "c.statistic_id IN (", "src.id IN (", "e.id IN (", "sp.statistic_id IN ("]) {
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

  it("reads a page of one metric or subject within a period window by value or date from its index in that order", () => {
    // The period terms are kept from choosing the index (`+s.period_...`), so the metric's
    // (subject's) index in the page's order is the only one: read from the page's start and
    // stopped after it, the window checked in the index. Checked with each run's own values.
    const pages = valueRuns.filter((s) => /s\.period_end >= \?/.test(s.sql) && /s\.(metric|subject)_id = \?/.test(s.sql) && /ORDER BY s\.(amount|first_published)/.test(s.sql) && /LIMIT/.test(s.sql));
    expect(pages.length).toBeGreaterThanOrEqual(6 * 3 * 2 * 2);
    const offenders = pages.filter((s) => {
      const plan = queryPlan(kb.db, s);
      const searches = plan.filter((r) => /^(SEARCH|SCAN) s\b/.test(r.detail));
      const ordered = /ORDER BY s\.amount\b/.test(s.sql) ? "amount" : "published";
      return sortsTableRows(plan, "s") || searches.length === 0 || !searches.every((r) => new RegExp(`INDEX statistic_(metric|subject)_${ordered} \\((metric|subject)_id=\\?`).test(r.detail));
    });
    expect(offenders.map((s) => `${s.sql}\n${JSON.stringify(s.params)}\n${planText(queryPlan(kb.db, s))}`).join("\n\n")).toBe("");
  });

  it("reads on from a cursor inside a run of equal sort keys from the cursor's place in the index", () => {
    // `key = ? AND id > ?` is its own index range (seek to the cursor, read a page), merged
    // with `key > ?`; a row value `(key, id) > (?, ?)` would range over the key alone and read
    // the run up to the cursor. Neither may sort the run.
    const pages = valueRuns.filter((s) => /s\.(period_start|first_published) = \? AND s\.id [<>]=? \?/.test(s.sql));
    expect(pages.length).toBeGreaterThanOrEqual(3 * 2 * 2);
    const offenders = pages.filter((s) => {
      const plan = queryPlan(kb.db, s);
      return sortsTableRows(plan, "s") || !plan.some((r) => /^SEARCH s USING (COVERING )?INDEX \w+ \((metric_id=\? AND )?(period_start|first_published)=\? AND id[<>]\?\)/.test(r.detail));
    });
    expect(offenders.map((s) => `${s.sql}\n${JSON.stringify(s.params)}\n${planText(queryPlan(kb.db, s))}`).join("\n\n")).toBe("");
  });
});
