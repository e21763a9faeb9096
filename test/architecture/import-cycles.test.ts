import { describe, expect, it } from "vitest";
import { cycles, exampleLoop, folderOf, readImportGraph } from "./import-graph.js";

/**
 * The layout of src/ as a reader follows it: no file reaches itself through its imports
 * (type-only ones count), and the folders, with the files at the top of src/ each a unit of its
 * own, are layered: each may import only those below it in LAYERS.
 */
const LAYERS = [
  "cache", // the one cache abstraction and the catalog of every cache (each layer may keep one)
  "paths", // where the project's files are
  "facts", // pure rules about figures, units, periods and sources
  "db", // SQLite: the knowledge base, its repositories and the statements a request runs (deadline, row cache)
  "ingest", // builds the database from the curated files
  "schema", // the GraphQL schema (type-graphql) and the request context its resolvers run in
  "config", // the settings table: flags, environment variables, defaults
  "logger", // the JSON log
  "api", // Apollo Server and the GraphQL execution policy (limits, cost, errors, executor); no node:http
  "http", // node:http: routing, the GraphQL route, body, CORS, caching, health, drain
  "web", // the pages: a client of the API through web/deps.ts, sent with http/'s helpers
  "server", // createServer: the API, the pages and the HTTP server put together
  "serve", // the process: lifecycle, signals, cluster workers
  "main", // the command line
];

const graph = readImportGraph();
const fileEdges = new Map([...graph].map(([file, imports]) => [file, imports.local]));

/** Imports that cross folders: for each pair of folders, one file-to-file import as an example. */
function folderEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, imports] of graph) {
    for (const target of imports.local) {
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  return edges;
}

/** The imports (as examples, `file → file`) that go from a layer to one at or above it. */
function upwardImports(edges: Map<string, Map<string, string>>, layers: readonly string[]): string[] {
  const found: string[] = [];
  for (const [from, targets] of edges) {
    for (const [to, example] of targets) if (layers.indexOf(to) >= layers.indexOf(from)) found.push(`${from} → ${to} (${example})`);
  }
  return found.sort();
}

/** Every import of a file under `folder` that reaches into one of `forbidden`. */
function importsInto(folder: string, forbidden: readonly string[]): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    if (folderOf(file) !== folder) continue;
    for (const target of imports.local) if (forbidden.includes(folderOf(target))) found.push(`${file} → ${target}`);
  }
  return found;
}

describe("import layout of src/", () => {
  it("reads a plausible graph (the reader found the files and their imports)", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get("server.ts")?.local).toContain("http/server.ts");
    expect(graph.get("web/fact-card/load-fact-card.ts")?.local).toContain("web/deps.ts");
  });

  it("finds a cycle when there is one (the checker is not vacuous)", () => {
    const made = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
    ]);
    expect(cycles(made)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(exampleLoop(made, ["a.ts", "b.ts", "c.ts"])).toEqual(["a.ts", "b.ts", "c.ts", "a.ts"]);
  });

  it("has no file-level import cycle", () => {
    const loops = cycles(fileEdges).map((component) => `${exampleLoop(fileEdges, component).join(" → ")}  (files in the cycle: ${component.join(", ")})`);
    expect(loops, `import cycles:\n${loops.join("\n")}`).toEqual([]);
  });

  it("finds an import that goes up the layers (the layering check is not vacuous)", () => {
    const made = new Map([
      ["db", new Map([["facts", "db/a.ts → facts/b.ts"]])],
      ["facts", new Map([["db", "facts/b.ts → db/a.ts"]])],
    ]);
    expect(upwardImports(made, ["facts", "db"])).toEqual(["facts → db (facts/b.ts → db/a.ts)"]);
  });

  it("places every folder and top-level file of src/ in the layers", () => {
    const units = [...new Set([...graph.keys()].map(folderOf))].sort();
    expect(units.filter((u) => !LAYERS.includes(u))).toEqual([]);
  });

  it("imports only down the layers (so no folder-level cycle)", () => {
    expect(upwardImports(folderEdges(), LAYERS)).toEqual([]);
  });

  it("keeps cache/ free of every other folder (each layer may keep a cache)", () => {
    expect(importsInto("cache", ["paths", "facts", "db", "schema", "api", "http", "web", "ingest", "server", "serve", "main"])).toEqual([]);
  });

  it("keeps facts/ free of the database, the schema and the server", () => {
    expect(importsInto("facts", ["db", "schema", "api", "http", "web", "ingest", "server", "serve", "main"])).toEqual([]);
    const packages = [...graph].filter(([file]) => folderOf(file) === "facts").flatMap(([file, i]) => i.packages.filter((p) => /better-sqlite3|type-graphql|graphql|@apollo/.test(p)).map((p) => `${file} → ${p}`));
    expect(packages).toEqual([]);
  });

  it("keeps db/ below the schema and the server", () => {
    expect(importsInto("db", ["schema", "api", "http", "web", "ingest", "server", "serve", "main"])).toEqual([]);
  });

  it("keeps the schema (schema/ → cache/, facts/, db/) out of the server and the database build", () => {
    expect(importsInto("schema", ["ingest", "config", "logger", "api", "http", "web", "server", "serve", "main"])).toEqual([]);
  });

  it("keeps node:http out of api/ (the GraphQL API apart from HTTP)", () => {
    const found = [...graph].filter(([file, i]) => folderOf(file) === "api" && i.packages.some((p) => p === "node:http" || p === "http")).map(([file]) => file);
    expect(found).toEqual([]);
  });

  it("lets web/ reach the API only through its own interface (web/deps.ts), never the server's parts", () => {
    expect(importsInto("web", ["db", "config", "logger", "api", "server", "serve", "main"])).toEqual([]);
  });

  it("keeps better-sqlite3 to db/ (which serves) and ingest/ (which builds the database)", () => {
    const outside = [...graph].filter(([file, i]) => !["db", "ingest"].includes(folderOf(file)) && i.packages.some((p) => p.startsWith("better-sqlite3"))).map(([file]) => file);
    expect(outside).toEqual([]);
  });

  it("keeps the repositories free of type-graphql", () => {
    const repos = [...graph].filter(([file, i]) => folderOf(file) === "db" && i.packages.includes("type-graphql")).map(([file]) => file);
    expect(repos).toEqual([]);
  });
});
