import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/db/open.js";
import type { Repositories } from "../../src/db/repositories.js";
import type { Statements } from "../../src/db/statements.js";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { type RunningServer, memoryLog, startServer } from "./helpers.js";

/**
 * A knowledge base whose metric repository runs a broken statement: every method throws
 * better-sqlite3's SqliteError, whose message names a table and carries SQL.
 */
function withBrokenStatement(kb: KnowledgeBase): KnowledgeBase {
  const repositories = (run: Statements): Repositories => {
    const repos = kb.repositories(run);
    const broken = new Proxy(repos.metrics, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== "function") return value;
        return () => run.all("SELECT secret_column FROM no_such_table WHERE path = '/srv/private/keys'");
      },
    });
    return { ...repos, metrics: broken };
  };
  return { ...kb, repositories };
}

let db: FixtureDb;
let api: RunningServer;
let debugApi: RunningServer;
const log = memoryLog();
beforeAll(async () => {
  db = buildFixtureDb();
  api = await startServer(db.dbPath, { logger: log.logger }, withBrokenStatement);
  debugApi = await startServer(db.dbPath, { debugErrors: true }, withBrokenStatement);
});
afterAll(async () => {
  await api.close();
  await debugApi.close();
  db.remove();
});

const QUERY = `query Broken { metric(slug: "widget-gmv") { name } }`;

describe("unexpected errors", () => {
  it("reach the client masked, with the request id, and the log holds the stack", async () => {
    const res = await api.post({ query: QUERY });
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: "Internal server error", locations: [{ line: 1, column: 16 }], path: ["metric"], extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }],
      data: { metric: null },
    });
    for (const leak of ["no_such_table", "SELECT", "secret", "/srv", "Sqlite", "stacktrace", ".ts:", "node_modules"]) expect(text).not.toContain(leak);

    const line = log.lines().find((l) => l.requestId === requestId && l.msg === "unexpected error in a GraphQL request");
    expect(line).toBeDefined();
    expect(line!.level).toBe("error");
    expect(line!.err.message).toContain("no such table: no_such_table");
    expect(line!.err.stack).toMatch(/SqliteError: no such table[\s\S]*\n\s+at /);
    expect(line!.operationName).toBe("Broken");
    expect(line!.path).toEqual(["metric"]);
  });

  it("keep a well-formed incoming x-request-id and replace a malformed one", async () => {
    const mine = await api.post({ query: QUERY }, { "x-request-id": "edge-7f3a:42" });
    expect(mine.headers.get("x-request-id")).toBe("edge-7f3a:42");
    expect(((await mine.json()) as any).errors[0].extensions.requestId).toBe("edge-7f3a:42");
    expect(log.lines().some((l) => l.requestId === "edge-7f3a:42" && l.err)).toBe(true);
    for (const bad of ["has spaces in it", "x".repeat(200), "quote\"d"]) {
      const res = await api.post({ query: QUERY }, { "x-request-id": bad });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("put a request id on every response, errors or not", async () => {
    for (const path of ["healthz", "readyz", "schema.graphql", "nowhere", "graphql"]) {
      const res = await fetch(`${api.base}${path}`);
      expect(res.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("are shown with message and stack only when debug is on", async () => {
    const res = await debugApi.post({ query: QUERY });
    const body = (await res.json()) as any;
    expect(body.errors[0].message).toContain("no such table: no_such_table");
    expect(body.errors[0].extensions.stacktrace.length).toBeGreaterThan(1);
  });

  it("outside GraphQL (a failing hook) answer 500, masked, with the request id, and are logged", async () => {
    const hookLog = memoryLog();
    const failing = await startServer(db.dbPath, {
      logger: hookLog.logger,
      testHooks: {
        beforeExecute() {
          throw new Error("ENOENT: /srv/private/file.sqlite");
        },
      },
    });
    try {
      const res = await failing.post({ query: "{ __typename }" });
      expect(res.status).toBe(500);
      const requestId = res.headers.get("x-request-id");
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] });
      expect(text).not.toContain("/srv");
      const line = hookLog.lines().find((l) => l.requestId === requestId && l.msg === "request failed" && l.err);
      expect(line!.err.stack).toContain("ENOENT: /srv/private/file.sqlite");
      expect((await fetch(`${failing.base}healthz`)).status).toBe(200);
    } finally {
      await failing.close();
    }
  });

  it("client errors keep their messages and are not logged as errors", async () => {
    const before = log.lines().filter((l) => l.level === "error").length;
    const res = await api.post({ query: `{ statistics(first: 0) { totalCount } }` });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0].message).toMatch(/first/);
    expect(body.errors[0].extensions.requestId).toBeUndefined();
    expect(log.lines().filter((l) => l.level === "error").length).toBe(before);
  });
});
