import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestDatabase } from "../../bench/lib/db-digest.js";
import { checkKnowledgeBase } from "../../src/ingest/build.js";
import { synthesize } from "../../src/ingest/synth.js";
import { writeDatabase } from "../../src/ingest/write.js";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";

/**
 * Large builds fill the full-text index in a worker thread and copy it in (search-writer.ts);
 * small ones fill it in place. Both must give the same database, to the row of FTS5's own
 * tables and of the planner's statistics.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lsf-search-worker-"));
  synthesize({ statistics: 3000, outDir: join(dir, "db"), migrationsDir: join(DEFAULT_DATA_DIR, "migrations") });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(name: string, searchInWorker: boolean): string {
  const { model, problems } = checkKnowledgeBase(join(dir, "db"));
  expect(problems).toEqual([]);
  const path = join(dir, `${name}.sqlite`);
  writeDatabase(model, path, join(dir, "db", "migrations"), { dataVersion: "test", builtAt: "2026-01-01T00:00:00.000Z" }, undefined, { searchInWorker });
  return path;
}

describe("the full-text index built by a worker thread", () => {
  it("gives a database identical to the one built in place, table by table", () => {
    const inPlace = digestDatabase(build("in-place", false));
    const inWorker = digestDatabase(build("in-worker", true));
    expect(inWorker.parts).toEqual(inPlace.parts);
    expect(inWorker.parts["search_index"]!.rows).toBeGreaterThan(3000);
  });

  it("leaves no file of its own behind", () => {
    build("tidy", true);
    expect(readdirSync(dir).filter((f) => f.startsWith("tidy"))).toEqual(["tidy.sqlite"]);
  });
});
