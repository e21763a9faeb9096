import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql ships both CJS and ESM; one copy must serve the server and the tests.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    setupFiles: ["reflect-metadata"],
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
