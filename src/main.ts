#!/usr/bin/env node
import "reflect-metadata";
import { Command } from "commander";
import { buildKnowledgeBase, checkKnowledgeBase, summarize } from "./ingest/build.js";
import { BuildError, formatProblem } from "./ingest/problems.js";
import { DEFAULT_DATA_DIR, DEFAULT_DB_PATH } from "./paths.js";

/**
 * Command-line entry: `serve`, `db build`, `db check`. The only module with side effects on
 * start; everything it calls can be imported by tests without running anything.
 */
const program = new Command()
  .name("livestream-facts")
  .description("GraphQL knowledge API about China's live-streaming e-commerce, where every figure traces to its source.");

const db = program.command("db").description("build or check the SQLite knowledge base from the curated files");

db.command("build")
  .description("validate the curated files and (re)build the database atomically")
  .option("--data <dir>", "curated data directory", process.env.DATA_DIR ?? DEFAULT_DATA_DIR)
  .option("--db <file>", "SQLite file to write", process.env.DB_PATH ?? DEFAULT_DB_PATH)
  .action((opts: { data: string; db: string }) => {
    try {
      console.log(summarize(buildKnowledgeBase({ dataDir: opts.data, dbPath: opts.db })));
    } catch (e) {
      if (e instanceof BuildError) {
        console.error(e.message);
        process.exitCode = 1;
      } else throw e;
    }
  });

db.command("check")
  .description("validate the curated files without writing the database")
  .option("--data <dir>", "curated data directory", process.env.DATA_DIR ?? DEFAULT_DATA_DIR)
  .action((opts: { data: string }) => {
    const { problems, model } = checkKnowledgeBase(opts.data);
    for (const p of problems) console.error(formatProblem(p));
    if (problems.length > 0) {
      console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"}`);
      process.exitCode = 1;
    } else console.log(`ok: ${model.sources.length} documents, ${model.statistics.length} statistics`);
  });

await program.parseAsync();
