import type http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

/** Hooks for tests that need a slow or failing request; absent in production. */
export interface TestHooks {
  /** Awaited before a GraphQL operation runs (e.g. to make a request slow). */
  beforeExecute?(req: http.IncomingMessage): Promise<void> | void;
}

/** The environment variable that turns the test hooks on; never set it in production. */
export const TEST_HOOKS_ENV = "LSF_TEST_HOOKS";
/** With the hooks on, a request carrying this header waits that many milliseconds before it runs. */
export const TEST_DELAY_HEADER = "x-test-delay-ms";

/**
 * Hooks for tests that drive a real `serve` process (SIGTERM during a slow request, deadlines):
 * only when `LSF_TEST_HOOKS=1` is in the environment; otherwise undefined, and the server has
 * no such code path at all.
 */
export function testHooksFromEnv(env: NodeJS.ProcessEnv = process.env): TestHooks | undefined {
  if (env[TEST_HOOKS_ENV] !== "1") return undefined;
  return {
    async beforeExecute(req: http.IncomingMessage) {
      const ms = Number(req.headers[TEST_DELAY_HEADER] ?? 0);
      if (Number.isFinite(ms) && ms > 0) await sleep(Math.min(ms, 60_000));
    },
  };
}
