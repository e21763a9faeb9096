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

/**
 * The deadline of one request. Resolvers are synchronous SQLite calls, so nothing can be
 * interrupted from outside: instead every step consults the deadline (each repository call, via
 * the request context, and each stage of the Apollo pipeline) and throws once it has passed,
 * so the rest of the work is abandoned rather than done.
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

  /** Throws DeadlineExceededError once the deadline has passed. */
  check(): void {
    if (this.expired) throw new DeadlineExceededError(this.ms);
  }
}
