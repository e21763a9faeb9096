import { performance } from "node:perf_hooks";
import { GraphQLError } from "graphql";

/** The `extensions.code` of a request abandoned at its deadline. */
export const DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";

/** The error of a request that ran past its deadline; the HTTP answer is 503. */
export class DeadlineExceededError extends GraphQLError {
  constructor(readonly deadlineMs: number) {
    super(`The request ran past its deadline of ${deadlineMs} ms and was abandoned; ask for less (fewer or smaller pages) and try again.`, {
      extensions: { code: DEADLINE_EXCEEDED, deadlineMs, http: { status: 503 } },
    });
  }
}

/** The longest stretch of paced work between two turns of the event loop. */
export const PACE_MS = 20;

const queue: (() => void)[] = [];
let pumping = false;

/** Runs queued work for up to PACE_MS, then lets the event loop poll for I/O before going on. */
function pump(): void {
  const started = performance.now();
  while (queue.length > 0 && performance.now() - started < PACE_MS) queue.shift()!();
  if (queue.length > 0) setImmediate(pump);
  else pumping = false;
}

/**
 * Runs CPU-heavy synchronous pieces of work one after another, in the order asked, giving the
 * event loop a turn (I/O: health checks, other requests, deadline timers) after every PACE_MS
 * of them. Without it, hundreds of citations resolved in one request ran back to back in
 * microtasks and held the loop for seconds.
 */
export function runPaced<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(work());
      } catch (e) {
        reject(e);
      }
    });
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}

/**
 * The deadline of one request. Resolvers are synchronous SQLite calls, so nothing can be
 * interrupted from outside: instead every step consults the deadline (each statement and each
 * row-cache hit, in the request's Statements, src/db/statements.ts; each stage of the Apollo
 * pipeline) and throws once it has passed, so the rest of the work is abandoned rather than
 * done. It lives in db/ because the statements are what check it.
 */
export class Deadline {
  private readonly at: number;
  private expiredFlag = false;

  constructor(
    readonly ms: number,
    readonly startedAt: number = performance.now(),
  ) {
    this.at = startedAt + ms;
  }

  /** True once the deadline has passed (or was declared passed). */
  get expired(): boolean {
    if (!this.expiredFlag && performance.now() > this.at) this.expiredFlag = true;
    return this.expiredFlag;
  }

  /** Milliseconds left (0 when expired). */
  get remainingMs(): number {
    return this.expiredFlag ? 0 : Math.max(0, this.at - performance.now());
  }

  /** Declares the deadline passed: every later check throws. */
  expire(): void {
    this.expiredFlag = true;
  }

  /**
   * Runs a piece of CPU-heavy synchronous work (a citation) through the process's paced queue
   * (see runPaced), refusing it with DeadlineExceededError if the deadline has passed by the
   * time its turn comes.
   */
  paced<T>(work: () => T): Promise<T> {
    return runPaced(() => {
      this.check();
      return work();
    });
  }

  /** Throws DeadlineExceededError once the deadline has passed. */
  check(): void {
    if (this.expired) throw new DeadlineExceededError(this.ms);
  }
}
