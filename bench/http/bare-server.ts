import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";

/**
 * The baseline of the HTTP benchmark: a bare node:http server that answers every request
 * with the bytes the real server answered (status, headers, body), after reading the
 * request body as any server must. What it reaches is what node:http alone reaches on this
 * machine with this load generator; the real server's throughput is reported against it.
 *
 * Usage: node --import tsx bench/http/bare-server.ts <port> <workers> <response.json>
 * where response.json is a CapturedResponse. Prints "listening" once every worker listens.
 */

/** A response captured from the real server, as the bare server replays it. */
export interface CapturedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly bodyBase64: string;
}

const [portArg, workersArg, responseFile] = process.argv.slice(2);
const port = Number(portArg);
const workers = Number(workersArg ?? "1");

if (cluster.isPrimary && workers > 1) {
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("listening", () => {
      if (++listening === workers) console.log("listening");
    });
  }
  process.on("SIGTERM", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const captured = JSON.parse(readFileSync(responseFile!, "utf8")) as CapturedResponse;
  const body = Buffer.from(captured.bodyBase64, "base64");
  const headers = { ...captured.headers, "content-length": String(body.length) };
  const server = http.createServer((req, res) => {
    req.on("data", () => {});
    req.on("end", () => {
      res.writeHead(captured.status, headers);
      res.end(body);
    });
  });
  server.keepAliveTimeout = 5000;
  server.listen(port, "127.0.0.1", () => {
    if (!cluster.isWorker) console.log("listening");
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
