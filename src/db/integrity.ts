import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type Database from "better-sqlite3";
import { parse as parseYaml } from "yaml";

/** The `meta` key under which the build records the content digest. */
export const CONTENT_DIGEST_KEY = "content_sha256";

/**
 * The SHA-256 of what a built database serves: every row of every table, in table-name and
 * rowid (or primary-key) order, except `meta` (where the digest itself is recorded) and the full-text index
 * (derived from the rows, and rebuilt from them). Any edit to a figure, a quote, an archived
 * text or its recorded digest changes it.
 */
export function contentDigest(sqlite: Database.Database): string {
  const hash = createHash("sha256");
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'meta' AND name NOT LIKE 'search_index%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const { name: table, sql } of tables) {
    hash.update(`\u0000table ${table}\n`);
    // A table without rowid is in the order of its primary key.
    const order = /WITHOUT\s+ROWID/i.test(sql)
      ? (sqlite.prepare("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk").pluck().all(table) as string[]).map(quote).join(", ")
      : "rowid";
    const rows = sqlite.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${order}`).raw();
    for (const row of rows.iterate() as Iterable<unknown[]>) hash.update(`${JSON.stringify(row, bigintAsText)}\n`);
  }
  return hash.digest("hex");
}

function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** A database whose content is not what was built, or whose archived texts are not the committed files. */
export class TamperedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TamperedDatabaseError";
  }
}

/**
 * Refuses a database whose content digest is not the one its build recorded: it was changed
 * after it was built (a figure, a quote, an archived text and its SHA-256 edited together
 * still verified before). A database built before the digest was recorded is not checked.
 */
export function checkContentDigest(sqlite: Database.Database): void {
  const recorded = (sqlite.prepare("SELECT value FROM meta WHERE key = ?").pluck().get(CONTENT_DIGEST_KEY) as string | undefined) ?? null;
  if (recorded === null) return;
  const actual = contentDigest(sqlite);
  if (actual !== recorded) {
    throw new TamperedDatabaseError(
      `the database's content (SHA-256 ${actual}) is not what its build recorded (${recorded}): it was changed after it was built; rebuild it from the curated files with \`npm run db:build\``,
    );
  }
}

/**
 * Checks each archived text against the committed archive file it was built from, when that
 * file is present in `dataDir` (the curated files: `sources/<source>.yaml` names its archive
 * file): the database's text must hash to the SHA-256 of the file, and so must the digest
 * recorded for it. Everything in the database could be edited consistently; the committed
 * files are the anchor outside it. Sources whose files are absent are not checked.
 */
export function checkArchives(sqlite: Database.Database, dataDir: string): void {
  const rows = sqlite.prepare("SELECT slug, file, archive_text AS text, sha256 FROM source WHERE archive_text IS NOT NULL ORDER BY slug").all() as { slug: string; file: string; text: string; sha256: string }[];
  const problems: string[] = [];
  for (const row of rows) {
    // `file` is the source file as the build named it: the data directory's name, then its path inside.
    const yamlPath = join(dataDir, row.file.replace(/^[^/]*\//, ""));
    if (!existsSync(yamlPath)) continue;
    let archiveFile: unknown;
    try {
      archiveFile = (parseYaml(readFileSync(yamlPath, "utf8")) as { archive?: { file?: unknown } } | null)?.archive?.file;
    } catch {
      continue;
    }
    if (typeof archiveFile !== "string") continue;
    const archivePath = join(dirname(yamlPath), archiveFile);
    if (!existsSync(archivePath)) continue;
    const committed = createHash("sha256").update(readFileSync(archivePath)).digest("hex");
    const served = createHash("sha256").update(row.text, "utf8").digest("hex");
    if (served !== committed || row.sha256 !== committed) {
      problems.push(`${row.slug}: the archived text hashes to ${served} and is recorded as ${row.sha256}, but the committed file ${archiveFile} hashes to ${committed}`);
    }
  }
  if (problems.length > 0) {
    throw new TamperedDatabaseError(`archived texts differ from the committed archive files (rebuild with \`npm run db:build\`): ${problems.join("; ")}`);
  }
}
