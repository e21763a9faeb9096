import { createHash } from "node:crypto";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_DIGEST_KEY, contentDigest } from "../../src/db/integrity.js";
import { type FixtureDb, freshFixtureDb } from "../fixtures/fixture-db.js";
import { spawnServe } from "./helpers.js";

/**
 * A database edited after it was built — an archived text, its SHA-256 and a quote changed
 * consistently, so every citation still verifies — is not served: its content is not what the
 * build recorded, and (when the attacker recomputes that too) its archived text is not the
 * committed archive file it was built from.
 */
let db: FixtureDb;
beforeAll(() => {
  // Built here, not copied from the shared build: the committed archive files must sit beside it in `<dir>/data`.
  db = freshFixtureDb();
});
afterAll(() => db?.remove());

const SOURCE = "widget-wire-2021-01-05-widget-sales";

/** A copy of the fixture database with one archived text, its digest and its quotes rewritten consistently. */
function tamperedCopy(name: string, options: { recomputeDigest: boolean }): string {
  const path = join(db.dir, name);
  copyFileSync(db.dbPath, path);
  const sqlite = new Database(path);
  try {
    const { id, text } = sqlite.prepare("SELECT id, archive_text AS text FROM source WHERE slug = ?").get(SOURCE) as { id: number; text: string };
    const edited = text.replaceAll("record", "recorp");
    expect(edited).not.toBe(text);
    const sha = createHash("sha256").update(edited, "utf8").digest("hex");
    sqlite.prepare("UPDATE source SET archive_text = ?, sha256 = ? WHERE id = ?").run(edited, sha, id);
    sqlite.prepare("UPDATE citation SET quote_exact = replace(quote_exact, 'record', 'recorp') WHERE source_id = ?").run(id);
    if (options.recomputeDigest) sqlite.prepare("UPDATE meta SET value = ? WHERE key = ?").run(contentDigest(sqlite), CONTENT_DIGEST_KEY);
  } finally {
    sqlite.close();
  }
  return path;
}

describe("a database edited after it was built", () => {
  it("is refused by serve: its content is not what its build recorded", async () => {
    const path = tamperedCopy("edited.sqlite", { recomputeDigest: false });
    await expect(spawnServe(["--db", path])).rejects.toThrow(/refusing to serve .*edited\.sqlite: the database's content \(SHA-256 [0-9a-f]{64}\) is not what its build recorded/);
  });

  it("is refused by serve when its recorded digest was rewritten too: its archived text is not the committed file", async () => {
    const path = tamperedCopy("edited-and-rehashed.sqlite", { recomputeDigest: true });
    await expect(spawnServe(["--db", path, "--data", join(db.dir, "data")])).rejects.toThrow(
      new RegExp(`refusing to serve .*: archived texts differ from the committed archive files .*${SOURCE}: the archived text hashes to [0-9a-f]{64} and is recorded as [0-9a-f]{64}, but the committed file ${SOURCE}\\.txt hashes to [0-9a-f]{64}`),
    );
  });

  it("is served as built, with the committed archive files checked", async () => {
    const s = await spawnServe(["--db", db.dbPath, "--data", join(db.dir, "data")]);
    try {
      const res = await fetch(`${s.base}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ source(slug: "${SOURCE}") { archive { intact } } }` }),
      });
      expect(await res.json()).toEqual({ data: { source: { archive: { intact: true } } } });
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });
});
