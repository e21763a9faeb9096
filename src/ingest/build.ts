import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import { dataVersion, openCuratedFiles } from "./load.js";
import { PhaseTimer } from "./phases.js";
import { BuildError, type Problem } from "./problems.js";
import { validate } from "./validate.js";
import { type BuildCounts, writeDatabase } from "./write.js";

/** Where the build reads from and writes to. */
export interface BuildOptions {
  /** The curated data directory (migrations/, registry/, sources/). */
  readonly dataDir: string;
  /** The SQLite file to (re)place. */
  readonly dbPath: string;
  /** Clock for the recorded build time (tests pass a fixed one). */
  readonly now?: () => Date;
}

/** The outcome of a successful build. */
export interface BuildResult {
  readonly counts: BuildCounts;
  readonly dataVersion: string;
  readonly elapsedMs: number;
  /** Milliseconds spent in each phase of the build, in order (for benchmarks). */
  readonly phases: Readonly<Record<string, number>>;
}

/**
 * Validates the curated files and, only if there is no problem at all, writes the database.
 * Throws a BuildError listing every problem otherwise; the previous database is untouched.
 */
export function buildKnowledgeBase(opts: BuildOptions): BuildResult {
  const t0 = performance.now();
  const timer = new PhaseTimer();
  const { model, problems, version } = check(opts.dataDir);
  timer.end("read and validate");
  if (problems.length > 0) throw new BuildError(problems);
  removeAbandonedTempFiles(opts.dbPath);
  const counts = writeDatabase(
    model,
    opts.dbPath,
    join(opts.dataDir, "migrations"),
    { dataVersion: version, builtAt: (opts.now ?? (() => new Date()))().toISOString() },
    timer,
  );
  return { counts, dataVersion: version, elapsedMs: performance.now() - t0, phases: timer.phases };
}

/** Reads and validates the curated files without writing anything. */
export function checkKnowledgeBase(dataDir: string): { model: ReturnType<typeof validate>["model"]; problems: Problem[] } {
  const { model, problems } = check(dataDir);
  return { model, problems };
}

/**
 * Reads every curated file once and validates it, learning the data version from the same
 * bytes. Problems reading the files come first, then validation problems, each in file order.
 */
function check(dataDir: string): { model: ReturnType<typeof validate>["model"]; problems: Problem[]; version: string } {
  const problems: Problem[] = [];
  const files = openCuratedFiles(dataDir, problems);
  const result = validate(files);
  return { model: result.model, problems: [...problems, ...result.problems], version: files.dataVersion() };
}

/**
 * Removes the temporary files that builds killed before they finished left beside `dbPath`
 * (`<name>.tmp-<pid>-<time>`, and its `-search` companion): a build removes its own when it
 * fails, but not when it is killed (`kill -9`, a crash, a power cut), and they were never
 * removed. A file whose process is still running is another build's, and is left alone.
 * Returns the names removed.
 */
export function removeAbandonedTempFiles(dbPath: string): string[] {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isSafeInteger(pid) && pid > 0 && isRunning(pid)) continue;
    rmSync(join(dir, name), { force: true, recursive: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The data version recorded in a built database, or null when it is missing or unreadable. */
export function builtDataVersion(dbPath: string): string | null {
  if (!existsSync(dbPath)) return null;
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Whether the database must be (re)built: it is missing, unreadable, or from other files. */
export function needsBuild(dataDir: string, dbPath: string): boolean {
  return builtDataVersion(dbPath) !== dataVersion(dataDir);
}

/** The one-line summary printed after a build. */
export function summarize(r: BuildResult): string {
  const c = r.counts;
  return `built knowledge base ${r.dataVersion.slice(0, 12)}: ${c.sources} documents, ${c.statistics} statistics, ${c.citations} citations, ${c.entities} entities, ${c.reports} reports, ${c.metrics} metrics in ${(r.elapsedMs / 1000).toFixed(2)} s`;
}
