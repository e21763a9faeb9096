import { Kind, type OperationDefinitionNode, type FragmentDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationCost } from "../../src/api/cost.js";
import { buildApiSchema } from "../../src/schema/index.js";
import { FACT_CARD_QUERY } from "../../src/web/fact-card/fact-card.query.js";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { type RunningServer, memoryLog, startServer } from "../http/helpers.js";

/**
 * The lean path of prepared operations (src/api/prepared-operations.ts) must answer exactly as
 * Apollo does. Every case is sent to two servers over the same database, neither with a
 * response cache (so every request is executed): `apollo`, with the lean path off, and `lean`,
 * with it on, twice — the first time Apollo answers and prepares the operation, the second
 * time the lean path answers (or hands back to Apollo). The three answers must be the same:
 * status, headers, body, and the request's log line.
 */

/** One request as the cases send it. */
interface Sent {
  readonly method?: "GET" | "POST" | "HEAD";
  readonly query?: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

/** An answer as compared: everything but the per-connection headers and the log line's timing. */
interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly log: Record<string, unknown>;
}

type Logged = RunningServer & { lines: () => Record<string, any>[] };

let db: FixtureDb;
let apollo: Logged;
let lean: Logged;
let slugs: string[];
let maxCost: number;
let requestNumber = 0;

const PAGE = `query Page($n: Int!, $after: String) { statistics(first: $n, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { slug cite value { asWritten } } } }`;
const SHAPES = `query Shapes($s: String!) {
  one: platform(slug: $s) { ...P }
  two: platform(slug: $s) { ... on Platform { label: name } }
  __typename
}
fragment P on Platform { name slug statistics(first: 2) { totalCount nodes { slug } } }`;
const TWO_OPERATIONS = `query A { platform(slug: "shoplive") { name } } query B { platforms(first: 1) { nodes { slug } } }`;

/** The cost cost.ts gives an operation (the first of a document) with these variables. */
function costOf(query: string, variables: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return Math.ceil(operationCost(buildApiSchema(), operation, fragments, variables));
}

async function logged(options: Parameters<typeof startServer>[1]): Promise<Logged> {
  const log = memoryLog();
  const server = await startServer(db.dbPath, { responseCacheEntries: 0, logRequests: true, logger: log.logger, ...options });
  return Object.assign(server, { lines: log.lines });
}

beforeAll(async () => {
  db = buildFixtureDb();
  // A cost limit that a page of 2 and the fact card stay under and a page of 100 goes over.
  maxCost = Math.max(costOf(PAGE, { n: 2 }), costOf(FACT_CARD_QUERY, {})) + 1;
  expect(costOf(PAGE, { n: 100 })).toBeGreaterThan(maxCost);
  [apollo, lean] = await Promise.all([logged({ preparedOperations: 0, maxCost }), logged({ maxCost })]);
  const res = await apollo.post({ query: "{ statistics(first: 3) { nodes { slug } } }" });
  slugs = ((await res.json()) as { data: { statistics: { nodes: { slug: string }[] } } }).data.statistics.nodes.map((n) => n.slug);
  // Warm both servers up (citation styles, row caches) with a text of their own, so that no case is timed cold.
  for (const server of [apollo, lean]) for (const slug of slugs) await (await server.post({ query: `${FACT_CARD_QUERY} `, variables: { slug } })).text();
});
afterAll(async () => {
  await apollo?.close();
  await lean?.close();
  db?.remove();
});

/** Sends one request and reads its answer and its log line (found by the request id). */
async function ask(server: Logged, sent: Sent, requestId: string): Promise<Answer> {
  const method = sent.method ?? "POST";
  const params: Record<string, unknown> = { query: sent.query, variables: sent.variables, operationName: sent.operationName, extensions: sent.extensions };
  const headers = { "x-request-id": requestId, ...(method === "POST" ? { "content-type": "application/json" } : {}), ...sent.headers };
  let url = `${server.base}graphql`;
  if (method !== "POST") {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, typeof v === "string" ? v : JSON.stringify(v));
    url += `?${search}`;
  }
  const res = await fetch(url, { method, headers, ...(method === "POST" ? { body: JSON.stringify(params) } : {}) });
  const body = await res.text();
  const kept: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!["date", "connection", "keep-alive"].includes(name)) kept[name] = value;
  });
  await new Promise((r) => setTimeout(r, 5)); // the log line is written once the response finishes
  const line = server.lines().filter((l) => l.requestId === requestId).at(-1);
  expect(line, `no log line for ${requestId}`).toBeDefined();
  const { ms: _ms, time: _time, pid: _pid, hostname: _host, ...log } = line!;
  // Whether a request was slow is the machine's doing, not the path's.
  if (log.msg === "slow request") Object.assign(log, { level: "info", msg: "request" });
  return { status: res.status, headers: kept, body, log };
}

/** Jit executions of the lean server so far: they grow only when Apollo executes. */
const apolloRuns = () => lean.server.jit!.compiledExecutions + lean.server.jit!.interpretedExecutions;

/**
 * Sends `sent` to the Apollo-only server and twice to the lean one; all three answers must be
 * the same. Returns the answer and whether the lean server's second answer came without Apollo
 * executing anything.
 */
async function compare(sent: Sent): Promise<{ answer: Answer; leanAnswered: boolean }> {
  const id = `prepared-${++requestNumber}`;
  const reference = await ask(apollo, sent, id);
  const first = await ask(lean, sent, id);
  const runs = apolloRuns();
  const second = await ask(lean, sent, id);
  const leanAnswered = apolloRuns() === runs;
  expect(first).toEqual(reference);
  expect(second).toEqual(reference);
  return { answer: reference, leanAnswered };
}

describe("prepared operations: the lean path answers as Apollo does", () => {
  it("answers a repeated fact card without Apollo, with the same bytes, headers and log line", async () => {
    for (const slug of slugs) {
      const { answer, leanAnswered } = await compare({ query: FACT_CARD_QUERY, variables: { slug } });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body).data.statistic.slug).toBe(slug);
      expect(answer.headers["cache-control"]).toBe("public, max-age=300");
      expect(answer.headers.etag).toMatch(/^"/);
      expect(answer.log).toMatchObject({ status: 200, operationName: "FactCard", cache: "miss" });
      expect(typeof answer.log.cost).toBe("number");
      expect(leanAnswered).toBe(true);
    }
  });

  it("pages a connection with variables, by POST, GET and HEAD", async () => {
    const first = await compare({ query: PAGE, variables: { n: 2 } });
    expect(first.leanAnswered).toBe(true);
    const after = JSON.parse(first.answer.body).data.statistics.pageInfo.endCursor as string;
    const preflight = { "apollo-require-preflight": "true" };
    for (const method of ["POST", "GET", "HEAD"] as const) {
      const { answer, leanAnswered } = await compare({ method, query: PAGE, variables: { n: 2, after }, headers: method === "POST" ? {} : preflight });
      expect(answer.status).toBe(200);
      if (method === "HEAD") expect(answer.body).toBe("");
      else expect(JSON.parse(answer.body).data.statistics.nodes).toHaveLength(2);
      expect(leanAnswered).toBe(true);
    }
  });

  it("keeps aliases, fragments, inline fragments and __typename in order", async () => {
    const { answer, leanAnswered } = await compare({ query: SHAPES, variables: { s: "shoplive" } });
    expect(Object.keys(JSON.parse(answer.body).data)).toEqual(["one", "two", "__typename"]);
    expect(leanAnswered).toBe(true);
  });

  it("picks the operation by name, and leaves a missing or empty name to Apollo's refusal", async () => {
    for (const operationName of ["A", "B"]) expect((await compare({ query: TWO_OPERATIONS, operationName })).leanAnswered).toBe(true);
    for (const operationName of [undefined, ""]) {
      const { answer } = await compare({ query: TWO_OPERATIONS, ...(operationName === undefined ? {} : { operationName }) });
      expect(JSON.parse(answer.body).errors).toHaveLength(1);
    }
  });

  it("hands a result with errors back to Apollo, whose formatted errors are sent", async () => {
    await compare({ query: PAGE, variables: { n: 1 } });
    const { answer } = await compare({ query: PAGE, variables: { n: 0 } });
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(JSON.parse(answer.body).errors.length).toBeGreaterThan(0);
  });

  it("refuses variables over the cost limit as Apollo does", async () => {
    await compare({ query: PAGE, variables: { n: 2 } });
    const { answer } = await compare({ query: PAGE, variables: { n: 100 } });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("QUERY_TOO_COSTLY");
    expect(answer.log.cost).toBeGreaterThan(maxCost);
  });

  it("leaves variables that fail coercion to Apollo's error", async () => {
    await compare({ query: SHAPES, variables: { s: "shoplive" } });
    for (const s of [5, null, { slug: "shoplive" }, ["shoplive"]]) {
      const { answer } = await compare({ query: SHAPES, variables: { s } });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    }
  });

  it("negotiates the media type as Apollo does, learning each Accept header from Apollo's first answer", async () => {
    const responseJson = await compare({ query: PAGE, variables: { n: 2 }, headers: { accept: "application/graphql-response+json" } });
    expect(responseJson.answer.headers["content-type"]).toBe("application/graphql-response+json; charset=utf-8");
    expect(responseJson.leanAnswered).toBe(true);
    const refused = await compare({ query: PAGE, variables: { n: 2 }, headers: { accept: "text/plain" } });
    expect(refused.answer.status).toBe(406);
  });

  it("leaves a GET's null variables or extensions to Apollo's refusal", async () => {
    const preflight = { "apollo-require-preflight": "true" };
    await compare({ method: "GET", query: TWO_OPERATIONS, operationName: "A", headers: preflight });
    for (const sent of [{ variables: null }, { extensions: null }]) {
      const id = `prepared-${++requestNumber}`;
      const url = (server: Logged) => `${server.base}graphql?${new URLSearchParams({ query: TWO_OPERATIONS, operationName: "A", ...Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, JSON.stringify(v)])) })}`;
      const answers = [];
      for (const server of [apollo, lean, lean]) {
        const res = await fetch(url(server), { headers: { ...preflight, "x-request-id": id } });
        answers.push({ status: res.status, body: await res.text(), type: res.headers.get("content-type"), cache: res.headers.get("cache-control") });
      }
      expect(answers[0]!.status).toBe(400);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    }
  });

  it("leaves CSRF-unsafe requests and automatic persisted queries to Apollo", async () => {
    await compare({ method: "GET", query: SHAPES, variables: { s: "shoplive" }, headers: { "apollo-require-preflight": "true" } });
    const unsafe = await compare({ method: "GET", query: SHAPES, variables: { s: "shoplive" } });
    expect(unsafe.answer.status).toBe(400);
    const sha256Hash = await sha256Hex(SHAPES);
    const runs = apolloRuns();
    const persisted = await compare({ query: SHAPES, variables: { s: "widgetmall" }, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(persisted.answer.status).toBe(200);
    expect(persisted.leanAnswered).toBe(false);
    expect(apolloRuns()).toBe(runs + 2);
  });
});

describe("prepared operations: limits", () => {
  it("keeps at most the configured number of query texts, least recently used out", async () => {
    const small = await logged({ preparedOperations: 2 });
    try {
      const runs = () => small.server.jit!.compiledExecutions + small.server.jit!.interpretedExecutions;
      const texts = ["a", "b", "c"].map((alias) => `query { ${alias}: platform(slug: "shoplive") { name } }`);
      for (const query of texts) expect((await small.post({ query })).status).toBe(200);
      // "a" was pushed out by "c": Apollo answers it again; "c" is still prepared.
      let before = runs();
      await (await small.post({ query: texts[0] })).text();
      expect(runs()).toBe(before + 1);
      before = runs();
      await (await small.post({ query: texts[2] })).text();
      expect(runs()).toBe(before);
    } finally {
      await small.close();
    }
  });
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Buffer.from(digest).toString("hex");
}
