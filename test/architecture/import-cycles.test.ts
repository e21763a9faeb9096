import { describe, expect, it } from "vitest";
import { cycles, exampleLoop, folderOf, readImportGraph } from "./import-graph.js";

/**
 * The layout of src/ as a reader follows it: no file reaches itself through its imports
 * (type-only ones count), and the folders depend on one another in one direction:
 * cache/ (the one cache abstraction and its catalog) ← facts/ (pure rules) ← db/ (SQLite, the
 * statements a request runs) ← schema/ (with the request context) ← http/ and web/ ← server.ts,
 * main.ts. cache/ is at the bottom because every layer keeps a cache; it imports nothing.
 */
const graph = readImportGraph();
const fileEdges = new Map([...graph].map(([file, imports]) => [file, imports.local]));

/** The files that assemble everything (they may import any folder, and http/lifecycle.ts starts server.ts). */
const COMPOSITION_ROOTS = new Set(["server", "main"]);

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
    expect(graph.get("server.ts")?.local).toContain("schema/context.ts");
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

  it("has no folder-level cycle apart from the composition roots (server.ts, main.ts)", () => {
    const all = folderEdges();
    // The roots are left out: they import every folder, and http/lifecycle.ts starts server.ts.
    const edges = new Map<string, string[]>();
    for (const [from, targets] of all) if (!COMPOSITION_ROOTS.has(from)) edges.set(from, [...targets.keys()].filter((to) => !COMPOSITION_ROOTS.has(to)));
    const loops = cycles(edges).map((component) => {
      const loop = exampleLoop(edges, component);
      return loop
        .slice(0, -1)
        .map((from, i) => all.get(from)!.get(loop[i + 1]!)!)
        .join(", then ");
    });
    expect(loops, `folder cycles:\n${loops.join("\n")}`).toEqual([]);
  });

  it("keeps cache/ free of every other folder (each layer may keep a cache)", () => {
    expect(importsInto("cache", ["facts", "db", "schema", "http", "web", "ingest", "server", "main"])).toEqual([]);
  });

  it("keeps facts/ free of the database, the schema and the server", () => {
    expect(importsInto("facts", ["db", "schema", "http", "web", "ingest", "server", "main"])).toEqual([]);
    const packages = [...graph].filter(([file]) => folderOf(file) === "facts").flatMap(([file, i]) => i.packages.filter((p) => /better-sqlite3|type-graphql|graphql|@apollo/.test(p)).map((p) => `${file} → ${p}`));
    expect(packages).toEqual([]);
  });

  it("keeps db/ below the schema and the server", () => {
    expect(importsInto("db", ["schema", "http", "web", "ingest", "server", "main"])).toEqual([]);
  });

  it("keeps the schema (schema/ → cache/, facts/, db/) out of http/ and web/", () => {
    expect(importsInto("schema", ["http", "web", "ingest", "server", "main"])).toEqual([]);
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
