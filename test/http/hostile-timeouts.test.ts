import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureDb, buildFixtureDb } from "../fixtures/fixture-db.js";
import { type ServeProcess, spawnServe } from "./helpers.js";

/**
 * Slow clients are cut within the documented times: headers within --headers-timeout-ms, the
 * whole request within twice that. Node sweeps its connections for these timeouts only every
 * `connectionsCheckingInterval`, which the server shortens so the limits hold.
 */
let db: FixtureDb;
let s: ServeProcess;
const HEADERS_MS = 1000;
beforeAll(async () => {
  db = buildFixtureDb();
  s = await spawnServe(["--db", db.dbPath, "--headers-timeout-ms", String(HEADERS_MS)]);
});
afterAll(async () => {
  await s?.stop();
  db?.remove();
});

/** Opens a connection, writes `data`, and resolves with what came back and when it closed (ms from the start). */
function stall(data: string, giveUpMs: number): Promise<{ ms: number; reply: string }> {
  const { port } = new URL(s.base);
  return new Promise((resolve) => {
    const started = Date.now();
    let reply = "";
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(data));
    socket.on("data", (d) => (reply += d.toString()));
    socket.on("error", () => undefined);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ms: Date.now() - started, reply });
    }, giveUpMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ ms: Date.now() - started, reply });
    });
  });
}

describe("slow clients", () => {
  it("cuts headers that never finish within the headers timeout (with 408)", async () => {
    const { ms, reply } = await stall("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", 8000);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(HEADERS_MS - 100);
    expect(ms).toBeLessThan(HEADERS_MS * 3);
  });

  it("cuts a body that never finishes within twice the headers timeout", async () => {
    const { ms } = await stall("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":", 8000);
    expect(ms).toBeGreaterThanOrEqual(2 * HEADERS_MS - 100);
    expect(ms).toBeLessThan(2 * HEADERS_MS * 2);
  });
});
