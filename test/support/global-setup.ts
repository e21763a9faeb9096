import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { DEFAULT_DATA_DIR } from "../../src/paths.js";
import { FIXTURE_BULK_COUNT, buildInto, freshFixtureDb } from "../fixtures/fixture-db.js";
import type { SharedDatabaseName } from "./shared-databases.js";

/**
 * Builds the knowledge bases most test files serve (see shared-databases.ts) once per run and
 * gives their paths to the workers; test files copy them instead of building their own. A
 * build that fails here is left out, so the files that need it build it themselves and fail
 * with its problems. Removes everything when the run ends.
 */
export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), "lsf-shared-"));
  const built: Partial<Record<SharedDatabaseName, string>> = {};
  const attempt = (name: SharedDatabaseName, build: () => string) => {
    try {
      built[name] = build();
    } catch {
      // Reported by the test files that use it.
    }
  };
  attempt("fixture", () => keep(freshFixtureDb(), join(root, "fixture")));
  attempt(`fixture-bulk-${FIXTURE_BULK_COUNT}`, () => keep(freshFixtureDb({ bulk: FIXTURE_BULK_COUNT }), join(root, "fixture-bulk")));
  attempt("project", () => {
    const dir = join(root, "project");
    mkdirSync(dir);
    return buildInto(dir, DEFAULT_DATA_DIR);
  });
  project.provide("lsf:shared-databases", built);
  return () => rmSync(root, { recursive: true, force: true });
}

/** Moves a freshly built fixture's database under `dir`, removes the rest, and returns the new path. */
function keep(db: { dbPath: string; remove(): void }, dir: string): string {
  mkdirSync(dir);
  const path = join(dir, "knowledge.sqlite");
  // A copy, not a rename: the temporary folder may be on another file system.
  copyFileSync(db.dbPath, path);
  db.remove();
  return path;
}
