import http from "node:http";

/**
 * A small closed-loop load generator for the cluster check: `concurrency` loops, each sending
 * one request at a time over keep-alive connections, until stopped or until a bound on
 * requests or time. Every answer is judged (a 200 carrying `data` and no `errors`) and kept,
 * so a check can say exactly what was lost and when.
 */

/** One request to send. */
export interface LoadRequest {
  readonly method: "GET" | "POST";
  /** Path and query string. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** What the request is, for reports ("GET unique", "POST"...). */
  readonly kind: string;
}

/** What happened to one request. */
export interface Outcome {
  readonly kind: string;
  readonly method: string;
  /** HTTP status, or 0 when no response came (connection error or timeout). */
  readonly status: number;
  /** A 200 with `data` and no `errors`. */
  readonly ok: boolean;
  /** The first error's `extensions.code`, or the network error's code, when not ok. */
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
  readonly cacheStatus?: string;
  /** Milliseconds since the load started, at send and at answer. */
  readonly sentAt: number;
  readonly doneAt: number;
}

/** How to run a load. */
export interface LoadOptions {
  readonly origin: string;
  readonly concurrency: number;
  /** The request of the `n`-th send (0-based, across loops). */
  readonly next: (n: number) => LoadRequest;
  /** Hard bounds: the load stops by itself after this many requests or milliseconds. */
  readonly maxRequests: number;
  readonly maxMs: number;
  /** Per-request timeout (ms). */
  readonly timeoutMs?: number;
}

/** A running load: `stop()` ends it and resolves with every outcome. */
export interface RunningLoad {
  readonly outcomes: readonly Outcome[];
  stop(): Promise<Outcome[]>;
  /** Resolves when the load stopped by itself (a bound) or was stopped. */
  readonly done: Promise<Outcome[]>;
}

/** Starts a load against `options.origin`. */
export function startLoad(options: LoadOptions): RunningLoad {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const outcomes: Outcome[] = [];
  const t0 = performance.now();
  let sent = 0;
  let stopped = false;
  const bound = setTimeout(() => (stopped = true), options.maxMs);
  const loop = async () => {
    while (!stopped && sent < options.maxRequests) {
      const request = options.next(sent++);
      outcomes.push(await send(options.origin, request, agent, t0, options.timeoutMs ?? 20_000));
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, loop)).then(() => {
    clearTimeout(bound);
    agent.destroy();
    return outcomes;
  });
  return {
    outcomes,
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

/** Sends one request and judges its answer. */
export function send(origin: string, request: LoadRequest, agent: http.Agent | undefined, t0: number, timeoutMs: number): Promise<Outcome> {
  const sentAt = performance.now() - t0;
  return new Promise((resolve) => {
    const base = { kind: request.kind, method: request.method, sentAt };
    const url = new URL(request.path, origin);
    const req = http.request(
      url,
      {
        method: request.method,
        agent,
        headers: { ...request.headers, ...(request.body === undefined ? {} : { "content-length": Buffer.byteLength(request.body) }) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e: NodeJS.ErrnoException) => resolve({ ...base, status: 0, ok: false, code: e.code ?? "RESPONSE_ERROR", message: e.message, doneAt: performance.now() - t0 }));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const requestId = header(res, "x-request-id");
          const cacheStatus = header(res, "x-cache-status");
          let code: string | undefined;
          let message: string | undefined;
          let ok = false;
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data?: unknown; errors?: { message?: string; extensions?: { code?: string } }[] };
            ok = status === 200 && body.data != null && !body.errors?.length;
            if (body.errors?.length) {
              code = body.errors[0]?.extensions?.code;
              message = body.errors[0]?.message;
            }
          } catch {
            message = "the body is not JSON";
          }
          resolve({ ...base, status, ok, code, message, requestId, cacheStatus, doneAt: performance.now() - t0 });
        });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ ...base, status: 0, ok: false, code: e.code ?? "ERROR", message: e.message, doneAt: performance.now() - t0 }));
    req.end(request.body);
  });
}

function header(res: http.IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Counts of items by a label, as `label ×n` joined, most frequent first. */
export function tally<T>(outcomes: readonly T[], label: (o: T) => string): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(label(o), (counts.get(label(o)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ×${n}`)
    .join(", ");
}
