import type http from "node:http";

/**
 * Tracks in-flight requests so that shutdown can let them finish: `drain` stops accepting
 * connections, closes idle keep-alive connections, marks the remaining responses
 * `Connection: close`, waits until every in-flight request has finished or `timeoutMs` has
 * passed, and then cuts whatever connections are left.
 */
export class Drainer {
  private inFlight = 0;
  private readonly waiters = new Set<() => void>();
  private draining = false;
  private closed: Promise<void> | undefined;

  constructor(private readonly server: http.Server) {}

  /**
   * Counts a request until its response is finished or its connection closes, then calls
   * `done` (once).
   */
  track(res: http.ServerResponse, done?: () => void): void {
    this.inFlight++;
    if (this.draining) res.setHeader("connection", "close");
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.inFlight--;
      done?.();
      if (this.inFlight === 0) for (const w of this.waiters) w();
    };
    res.once("finish", finish);
    res.once("close", finish);
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
        this.server.close(() => resolve());
      });
      this.server.closeIdleConnections();
    }
    let finished = true;
    if (this.inFlight > 0) {
      finished = await new Promise<boolean>((resolve) => {
        const waiter = () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(true);
        };
        const timer = setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs);
        this.waiters.add(waiter);
      });
    }
    // Keep-alive connections that served the last requests are idle now.
    this.server.closeIdleConnections();
    if (!finished) this.server.closeAllConnections();
    const closing = this.closed!;
    // Connections that stay open without a request (a client that never sends) are cut after a grace.
    const grace = setTimeout(() => this.server.closeAllConnections(), 1000);
    await closing;
    clearTimeout(grace);
    return finished;
  }
}
