import autocannon from "autocannon";
import { percentile } from "../lib/stats.js";

/** One HTTP request as the load generator sends it, over and over. */
export interface LoadRequest {
  readonly method: "GET" | "POST";
  /** Path and query string, e.g. `/graphql` or `/graphql?extensions=...`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** What one timed run measured. */
export interface RunStats {
  /** Completed requests per second over the run. */
  readonly reqPerSec: number;
  /** Latency percentiles in milliseconds, from every response's own time (not autocannon's whole-millisecond histogram). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCodes: Record<string, number>;
}

/** How hard and how long to load a server. */
export interface LoadShape {
  readonly connections: number;
  readonly seconds: number;
}

/** Loads `origin` with `request` for `shape.seconds` over `shape.connections` keep-alive connections. */
export async function load(origin: string, request: LoadRequest, shape: LoadShape): Promise<RunStats> {
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const instance = autocannon({
    url: `${origin}${request.path}`,
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    connections: shape.connections,
    duration: shape.seconds,
    timeout: 10,
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    if (n === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[n++] = responseTime;
  });
  const r = await instance;
  const measured = latencies.subarray(0, n);
  return {
    reqPerSec: r.requests.total / r.duration,
    p50Ms: percentile(measured, 50),
    p99Ms: percentile(measured, 99),
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}
