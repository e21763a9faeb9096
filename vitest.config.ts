import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql ships both CJS and ESM; one copy must serve the server and the tests.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    setupFiles: ["reflect-metadata"],
    include: ["test/**/*.test.ts"],
    // The fixture and db/ are built once per run and copied by the files that serve them.
    globalSetup: ["test/support/global-setup.ts"],
    // Timeouts catch hangs; they do not measure speed (a test should take well under 10 s, and
    // the summary printed by test/support/slowest-tests.ts names any that does not).
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Files run one after another in the same worker process (no test changes globals,
    // environment variables or mocks), so the server and its schema are imported once per
    // worker rather than once per file: about half the suite's time on two cores.
    isolate: false,
    // One worker per core (vitest's default leaves one core free): on this 2-core machine the
    // suite takes 97 s instead of 140 s idle, and still passes with another process busy.
    maxWorkers: availableParallelism(),
    reporters: ["default", "./test/support/slowest-tests.ts"],
  },
});
