import type { Reporter, TestModule } from "vitest/node";

/** How long one test may take on the 2-core reference machine before the summary flags it. */
export const TEST_BUDGET_MS = 10_000;

/** How many tests and files the summary lists. */
const SHOWN_TESTS = 10;
const SHOWN_FILES = 5;

/** One finished test or file and what it cost. */
interface Timed {
  readonly name: string;
  readonly ms: number;
}

/**
 * A vitest reporter that prints, after the run, the slowest tests and the slowest files (tests
 * plus their hooks, where shared servers and databases are set up), and names every test over
 * TEST_BUDGET_MS. It only reports: a slow test does not fail, because a busy machine would
 * then fail correct code. Listed after "default" in vitest.config.ts so its lines come last.
 */
export default class SlowestTests implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const tests: Timed[] = [];
    const files: Timed[] = [];
    for (const module of modules) {
      const file = module.relativeModuleId;
      const d = module.diagnostic();
      files.push({ name: file, ms: d.duration });
      for (const test of module.children.allTests()) {
        const ms = test.diagnostic()?.duration;
        if (ms !== undefined) tests.push({ name: `${file} > ${test.fullName}`, ms });
      }
    }
    if (tests.length === 0) return;
    const slowest = [...tests].sort((a, b) => b.ms - a.ms);
    const over = slowest.filter((t) => t.ms > TEST_BUDGET_MS);
    const lines = [
      "",
      ` Slowest tests (budget ${TEST_BUDGET_MS / 1000} s each):`,
      ...slowest.slice(0, SHOWN_TESTS).map(format),
      ` Slowest files (tests and hooks):`,
      ...[...files].sort((a, b) => b.ms - a.ms).slice(0, SHOWN_FILES).map(format),
    ];
    if (over.length > 0) lines.push(` ${over.length} test(s) over the ${TEST_BUDGET_MS / 1000} s budget:`, ...over.map(format));
    process.stdout.write(`${lines.join("\n")}\n\n`);
  }
}

function format(t: Timed): string {
  return `   ${(t.ms / 1000).toFixed(2).padStart(7)} s  ${t.name}`;
}
