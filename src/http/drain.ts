import type http from "node:http";
import type { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Tracks in-flight requests so that shutdown loses none of them. `drain`:
 *
 * 1. stops accepting connections, but leaves open the keep-alive connections already made
 *    (Node's `server.close()` would close the idle ones at once, and a request a client had
 *    just sent on one would be reset);
 * 2. lets every request already received run to completion, including pipelined ones queued
 *    behind another on the same connection, and those that arrive on a connection while it
 *    drains;
 * 3. marks `Connection: close` on the last response of each connection (never an earlier one:
 *    Node closes the connection after that response, which would drop the requests queued
 *    behind it), so clients open no new request on it;
 * 4. once nothing is in flight and no connection has sent a request for `idleGraceMs`, closes
 *    the connections left idle, and cuts everything after `timeoutMs` if requests are still
 *    running.
 *
 * A request counts as finished when its response is, or when its connection closes: a client
 * that sends pipelined requests and hangs up without reading them leaves responses that Node
 * never finishes nor closes, and counting only those would make every later shutdown wait out
 * its whole timeout.
 */
export class Drainer {
  private inFlight = 0;
  /** The unfinished responses of each connection, in the order the requests arrived. */
  private readonly bySocket = new Map<Socket, Map<http.ServerResponse, () => void>>();
  private readonly waiters = new Set<() => void>();
  private draining = false;
  private closed: Promise<void> | undefined;

  /** Requests received so far. */
  private received = 0;

  /**
   * @param idleGraceMs how long the drain leaves a connection without a request open once
   *   nothing is in flight, so that a request its client is already sending is still answered.
   */
  constructor(
    private readonly server: http.Server,
    private readonly idleGraceMs = 1000,
  ) {}

  /** Requests received and not yet answered (or abandoned by their client). */
  get pending(): number {
    return this.inFlight;
  }

  /**
   * Counts a request until its response is finished, its response closes or its connection
   * closes, then calls `done` (once).
   */
  track(req: http.IncomingMessage, res: http.ServerResponse, done?: () => void): void {
    this.inFlight++;
    this.received++;
    const socket = req.socket;
    let open = this.bySocket.get(socket);
    if (!open) {
      open = new Map();
      this.bySocket.set(socket, open);
      socket.once("close", () => {
        for (const finish of [...(this.bySocket.get(socket)?.values() ?? [])]) finish();
        this.bySocket.delete(socket);
      });
    }
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.inFlight--;
      const left = this.bySocket.get(socket);
      left?.delete(res);
      if (left?.size === 0 && socket.destroyed) this.bySocket.delete(socket);
      done?.();
      if (this.inFlight === 0) for (const w of this.waiters) w();
    };
    open.set(res, finish);
    res.once("finish", finish);
    res.once("close", finish);
    if (this.draining) this.markLast(socket);
  }

  /**
   * Stops accepting and waits for in-flight requests (at most `timeoutMs`). Resolves true when
   * they all finished, false when connections had to be cut. Idempotent.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    if (!this.draining) {
      this.draining = true;
      this.closed = new Promise((resolve) => {
        if (!this.server.listening) return resolve();
        // http.Server#close first closes every idle keep-alive connection; those close at step 4.
        const closeIdle = this.server.closeIdleConnections;
        this.server.closeIdleConnections = () => undefined;
        try {
          this.server.close(() => resolve());
        } finally {
          this.server.closeIdleConnections = closeIdle;
        }
      });
      for (const socket of this.bySocket.keys()) this.markLast(socket);
    }
    const giveUpAt = performance.now() + timeoutMs;
    let finished = true;
    for (;;) {
      if (!(await this.nothingInFlight(giveUpAt - performance.now()))) {
        finished = false;
        break;
      }
      // A connection between two requests of a busy client looks idle; closing it then would
      // reset the request the client is sending. Linger: a request that comes meanwhile is
      // answered (with Connection: close), and only connections that stay quiet are closed.
      const received = this.received;
      const linger = new AbortController();
      const lingered = await Promise.race([
        this.closed!.then(() => false),
        sleep(Math.min(this.idleGraceMs, Math.max(0, giveUpAt - performance.now())), true, { signal: linger.signal }).catch(() => false),
      ]);
      linger.abort();
      if (!lingered || (this.received === received && this.inFlight === 0)) break;
    }
    // Nothing is in flight: every connection left is idle (or was given up on).
    this.server.closeIdleConnections();
    if (!finished) this.server.closeAllConnections();
    const closing = this.closed!;
    // Connections that stay open without a request (a client that never sends) are cut after a grace.
    const grace = setTimeout(() => this.server.closeAllConnections(), 1000);
    await closing;
    clearTimeout(grace);
    return finished;
  }

  /** Resolves true once no request is in flight, false if `ms` pass first. */
  private async nothingInFlight(ms: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    return new Promise<boolean>((resolve) => {
      const waiter = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, Math.max(0, ms));
      this.waiters.add(waiter);
    });
  }

  /** `Connection: close` on the last unanswered response of a connection, and on no other. */
  private markLast(socket: Socket): void {
    const open = this.bySocket.get(socket);
    if (!open) return;
    const responses = [...open.keys()];
    responses.forEach((res, i) => {
      if (res.headersSent) return;
      if (i === responses.length - 1) res.setHeader("connection", "close");
      else if (res.getHeader("connection") === "close") res.removeHeader("connection");
    });
  }
}
