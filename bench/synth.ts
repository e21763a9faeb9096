import { Command } from "commander";
import { join } from "node:path";
import { synthesize } from "../src/ingest/synth.js";
import { buildKnowledgeBase, summarize } from "../src/ingest/build.js";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../src/paths.js";

/**
 * `npm run db:synth -- --statistics N [--out dir] [--build]`: writes a synthetic knowledge base
 * of N statistics in the curated format and, with --build, builds it through the real build.
 */
const opts = new Command()
  .name("db:synth")
  .requiredOption("--statistics <n>", "number of statistics", (v) => Number.parseInt(v, 10))
  .option("--out <dir>", "output data directory (default var/synth-<n>/db)")
  .option("--db <file>", "database to build (default var/synth-<n>/knowledge.sqlite)")
  .option("--build", "build the database after generating", false)
  .option("--seed <n>", "random seed", (v) => Number.parseInt(v, 10), 1)
  .parse()
  .opts<{ statistics: number; out?: string; db?: string; build: boolean; seed: number }>();

const base = join(PROJECT_ROOT, "var", `synth-${opts.statistics}`);
const outDir = opts.out ?? join(base, "db");
const t0 = performance.now();
const r = synthesize({ statistics: opts.statistics, outDir, migrationsDir: join(DEFAULT_DATA_DIR, "migrations"), seed: opts.seed });
console.log(`synthesized ${r.statistics} statistics in ${r.sources} documents (${(r.bytes / 1e6).toFixed(1)} MB) at ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (opts.build) {
  const built = buildKnowledgeBase({ dataDir: outDir, dbPath: opts.db ?? join(base, "knowledge.sqlite") });
  console.log(summarize(built));
  console.log(`${Math.round(built.counts.statistics / (built.elapsedMs / 1000))} statistics/s; ${Object.entries(built.phases).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`).join(", ")}`);
}
