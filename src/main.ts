#!/usr/bin/env node
import "reflect-metadata";
import { Command } from "commander";
import { buildKnowledgeBase, checkKnowledgeBase, needsBuild, summarize } from "./ingest/build.js";
import { BuildError, formatProblem } from "./ingest/problems.js";
import { SETTINGS, type Settings, SettingsError, resolveSettings } from "./config.js";
import { DEFAULT_DATA_DIR, DEFAULT_DB_PATH } from "./paths.js";

/**
 * Command-line entry: `serve`, `schema`, `db build`, `db check`. The only module with side effects on
 * start; everything it calls can be imported by tests without running anything.
 */
const program = new Command()
  .name("livestream-facts")
  .description("GraphQL knowledge API about China's live-streaming e-commerce, where every figure traces to its source.");

/**
 * Builds the database from the curated files and prints the build's summary. Returns false
 * when the build failed with a BuildError, after printing it and setting the exit code to 1.
 */
function build(dataDir: string, dbPath: string): boolean {
  try {
    console.log(summarize(buildKnowledgeBase({ dataDir, dbPath })));
    return true;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
    return false;
  }
}

const db = program.command("db").description("build or check the SQLite knowledge base from the curated files");

db.command("build")
  .description("validate the curated files and (re)build the database atomically")
  .option("--data <dir>", "curated data directory", process.env.DATA_DIR ?? DEFAULT_DATA_DIR)
  .option("--db <file>", "SQLite file to write", process.env.DB_PATH ?? DEFAULT_DB_PATH)
  .action((opts: { data: string; db: string }) => {
    build(opts.data, opts.db);
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

const serve = program
  .command("serve")
  .description(
    "serve the GraphQL API over HTTP (POST/GET /graphql, /healthz, /readyz), building the database first when it is missing or stale. " +
      "Every option can also be set by the environment variable shown; the flag wins.",
  )
  .option("--no-build", "serve the database as it is, even when the curated files changed");
for (const s of SETTINGS) {
  serve.option(`${s.flag} ${s.boolean ? "[bool]" : "<value>"}`, `${s.description.replace(/`/g, "")} [env ${s.env}, default ${s.shown ?? s.default}]`);
}
serve.action(async (opts: Record<string, string | boolean | undefined> & { build: boolean }) => {
  let settings: Settings;
  try {
    settings = resolveSettings(opts as Partial<Record<keyof Settings, string | boolean>>);
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
    return;
  }
  // Loaded here so that the db commands do not pay for the server.
  const { isFirstProcess, runServe } = await import("./serve/start.js");
  // A worker of `serve --workers N` serves at once: the primary built the database already.
  if (isFirstProcess() && opts.build && needsBuild(settings.data, settings.db) && !build(settings.data, settings.db)) return;
  await runServe(settings);
});

program
  .command("schema")
  .description("write the GraphQL schema, sorted, to schema.graphql (or print it)")
  .option("--out <file>", "file to write", "schema.graphql")
  .option("--print", "print to stdout instead of writing", false)
  .action(async (opts: { out: string; print: boolean }) => {
    const { schemaSdl, writeSchemaFile } = await import("./schema/index.js");
    if (opts.print) process.stdout.write(schemaSdl());
    else {
      writeSchemaFile(opts.out);
      console.log(`wrote ${opts.out}`);
    }
  });

await program.parseAsync();
