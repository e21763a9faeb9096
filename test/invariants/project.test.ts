import { afterAll, beforeAll } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { type TestApi, projectApi } from "../api/knowledge-bases.js";
import { describeInvariants } from "./invariants.js";

/**
 * The project's own knowledge base (db/) checked only for what holds for any valid data, so
 * that adding documents never breaks it unless the new data is wrong. Behaviour is tested on
 * fixtures; the few tests that name documents of db/ are oracles (the founding article, the
 * secondary figures' list).
 */
let api: TestApi;
beforeAll(async () => {
  api = await projectApi();
});
afterAll(() => api?.close());

describeInvariants("the project's knowledge base (db/)", () => ({ api, dataDir: DEFAULT_DATA_DIR }));
