#!/usr/bin/env node
import "reflect-metadata";
import { Command } from "commander";
import { buildKnowledgeBase, checkKnowledgeBase, needsBuild, summarize } from "./ingest/build.js";
import { BuildError, formatProblem } from "./ingest/problems.js";
import { DEFAULT_DATA_DIR, DEFAULT_DB_PATH } from "./paths.js";

/**
 * Command-line entry: `serve`, `schema`, `db build`, `db check`. The only module with side effects on
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

program
  .command("serve")
  .description("serve the GraphQL API over HTTP (POST/GET /graphql, /healthz), building the database first when it is missing or stale")
  .option("--port <n>", "port to listen on (0 picks a free one)", process.env.PORT ?? "4000")
  .option("--host <addr>", "address to listen on", process.env.HOST ?? "127.0.0.1")
  .option("--db <file>", "SQLite knowledge base to serve (opened read-only)", process.env.DB_PATH ?? DEFAULT_DB_PATH)
  .option("--data <dir>", "curated data directory to build it from", process.env.DATA_DIR ?? DEFAULT_DATA_DIR)
  .option("--no-build", "serve the database as it is, even when the curated files changed")
  .action(async (opts: { port: string; host: string; db: string; data: string; build: boolean }) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port must be an integer from 0 to 65535, got ${JSON.stringify(opts.port)}`);
      process.exitCode = 1;
      return;
    }
    if (opts.build && needsBuild(opts.data, opts.db)) {
      try {
        console.log(summarize(buildKnowledgeBase({ dataDir: opts.data, dbPath: opts.db })));
      } catch (e) {
        if (!(e instanceof BuildError)) throw e;
        console.error(e.message);
        process.exitCode = 1;
        return;
      }
    }
    // Loaded here so that the db commands do not pay for building the GraphQL schema.
    const { openKnowledgeBase } = await import("./db/open.js");
    const { createServer } = await import("./server.js");
    const kb = openKnowledgeBase(opts.db);
    const server = await createServer(kb);
    const { url } = await server.listen(port, opts.host);
    console.log(`serving ${url}graphql (data version ${kb.build.dataVersion.slice(0, 12)}, built ${kb.build.builtAt})`);
    const shutdown = async () => {
      await server.stop();
      kb.close();
      process.exit(0);
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
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
