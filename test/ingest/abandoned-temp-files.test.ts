import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { buildInto, tempDataDir } from "../fixtures/fixture-db.js";

/**
 * A build killed before it finished (kill -9) leaves its temporary file beside the database;
 * the next build removes such files, and only those of builds no longer running.
 */
const { root, dataDir } = tempDataDir("lsf-abandoned-", "data");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a build after a killed one", () => {
  it("removes the temporary files of builds that are no longer running, and keeps a running build's", () => {
    cpSync(join(PROJECT_ROOT, "test", "fixtures", "kb"), dataDir, { recursive: true });
    // A pid that cannot be running (above Linux's pid_max), and one that is: this test's parent.
    const dead = "knowledge.sqlite.tmp-99999999-1767225600000";
    const alive = `knowledge.sqlite.tmp-${process.ppid}-1767225600000`;
    writeFileSync(join(root, dead), "half a database");
    mkdirSync(join(root, `${dead}-search`));
    writeFileSync(join(root, `${dead}-search`, "part"), "half an index");
    writeFileSync(join(root, alive), "another build's, still being written");
    writeFileSync(join(root, "knowledge.sqlite.bak"), "not a temporary file");
    buildInto(root, dataDir);
    expect(readdirSync(root).sort()).toEqual(["data", "knowledge.sqlite", "knowledge.sqlite.bak", alive].sort());
    expect(existsSync(join(root, dead))).toBe(false);
  });
});
