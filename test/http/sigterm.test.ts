import http from "node:http";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { spawnServe } from "./helpers.js";

/**
 * SIGTERM under load, in a real `serve` process (NODE_ENV=production, as deployed: Apollo
 * installs its own signal handlers unless told not to): every request the server received is
 * answered, responses during the drain say `Connection: close`, and clients that walk away do
 * not hold the shutdown up.
 */
let db: FixtureDb;
beforeAll(() => {
  db = buildFixtureDb();
});
afterAll(() => db.remove());

const ENV = { LSF_TEST_HOOKS: "1", NODE_ENV: "production" };
const BODY = JSON.stringify({ query: `{ platform(slug: "shoplive") { name } }` });

/** One POST over `agent`: its status and Connection header, or the error's code. */
function request(base: string, agent: http.Agent, delayMs: number): Promise<{ status?: number; connection?: string; error?: string }> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/graphql", method: "POST", agent, headers: { "content-type": "application/json", "x-test-delay-ms": String(delayMs), "content-length": Buffer.byteLength(BODY) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection }));
        res.on("aborted", () => resolve({ error: "aborted" }));
        res.on("error", (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ error: `${e.code ?? e.message}${req.reusedSocket ? " (reused)" : ""}` }));
    req.end(BODY);
  });
}

describe("SIGTERM", () => {
  it("answers every request it received under 50 keep-alive connections, marking drain responses Connection: close", async () => {
    const s = await spawnServe(["--db", db.dbPath], ENV);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    const results: { status?: number; connection?: string; error?: string; afterSignal: boolean }[] = [];
    let signalled = false;
    const deadline = Date.now() + 8000;
    const client = async (i: number) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const r = await request(s.base, agent, 20 + ((i * 37 + n * 11) % 150));
        results.push({ ...r, afterSignal: signalled });
        if (r.error === "ECONNREFUSED") return; // the server stopped listening: nothing was sent
      }
    };
    const clients = Array.from({ length: 50 }, (_, i) => client(i));
    await sleep(700);
    signalled = true;
    s.child.kill("SIGTERM");
    await Promise.all(clients);
    agent.destroy();
    expect(await s.exited).toBe(0);
    const lost = results.filter((r) => (r.error !== undefined && r.error !== "ECONNREFUSED") || (r.status !== undefined && r.status !== 200));
    expect(lost, JSON.stringify(lost.slice(0, 5))).toEqual([]);
    const answered = results.filter((r) => r.status === 200);
    expect(answered.length).toBeGreaterThan(100);
    // Each connection's last answer during the drain told the client to close it.
    const drained = results.filter((r) => r.afterSignal && r.status === 200);
    expect(drained.length).toBeGreaterThan(0);
    expect(drained.filter((r) => r.connection === "close").length).toBeGreaterThan(0);
    expect(s.output()).not.toMatch(/outlived the shutdown timeout/);
  }, 20_000);

  it("answers every request pipelined on one connection before it, then closes the connection", async () => {
    const s = await spawnServe(["--db", db.dbPath], ENV);
    const { port } = new URL(s.base);
    const socket = net.connect(Number(port), "127.0.0.1");
    let reply = "";
    socket.on("data", (d) => (reply += d.toString()));
    const closed = new Promise((r) => socket.on("close", r));
    const one = (delay: number) => `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-test-delay-ms: ${delay}\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`;
    socket.write(one(600) + one(10) + one(10));
    await sleep(200);
    s.child.kill("SIGTERM");
    await closed;
    expect(await s.exited).toBe(0);
    // Node runs pipelined requests at once and queues their answers; the connection closes after the last.
    const statuses = [...reply.matchAll(/HTTP\/1\.1 (\d+)/g)].map((m) => m[1]);
    expect(statuses).toEqual(["200", "200", "200"]);
    expect(reply.split(/HTTP\/1\.1 /).slice(1).every((r) => r.endsWith('{"data":{"platform":{"name":"Shoplive"}}}'))).toBe(true);
  });

  it("is not held up by a client that pipelined requests and hung up without reading them", async () => {
    const s = await spawnServe(["--db", db.dbPath], ENV);
    const { port } = new URL(s.base);
    const socket = net.connect(Number(port), "127.0.0.1");
    const one = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-test-delay-ms: 300\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`;
    socket.on("error", () => undefined);
    socket.write(one + one + one);
    await sleep(100);
    socket.destroy();
    await sleep(800); // every request has run by now
    const started = Date.now();
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(s.output()).not.toMatch(/outlived the shutdown timeout/);
  });
});
