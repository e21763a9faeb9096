import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYSES, CACHES, KNOWLEDGE_BASE_CACHE_ENTRIES } from "../../src/cache/caches.js";
import { FIXED_LOOKUPS } from "../../src/cache/fixed-lookups.js";
import { SRC } from "./import-graph.js";

/**
 * The server keeps its memories in one place: every cache is a BoundedCache made by the
 * catalog (src/cache/caches.ts), every per-knowledge-base analysis is named there, and every
 * other module-level Map or WeakMap is either a constant table (typed ReadonlyMap) or a fixed
 * lookup the catalog lists with why it stays bounded. A new memory that is none of these fails
 * here, so that it is added to the catalog (with its bound and setting) instead.
 */

/** The catalog itself, where caches are made. */
const CATALOG = "src/cache/caches.ts";

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listTs(full);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const FILES = listTs(SRC).map((full) => ({ path: `src/${relative(SRC, full).split("\\").join("/")}`, text: readFileSync(full, "utf8") }));

/** A `new Map`/`new WeakMap` (or LRU, or BoundedCache) found at the top level of a module. */
interface Found {
  readonly name: string;
  readonly constructed: string;
  /** Declared as ReadonlyMap/ReadonlySet: a constant table, not a memory. */
  readonly readonlyTable: boolean;
}

/**
 * The module-level variables of `source` initialised with `new Map`, `new WeakMap` or a cache
 * class: declarations at the start of a line (the code is formatted, so a top-level statement
 * starts in column 0 and anything indented is inside a function or class).
 */
export function moduleLevelMaps(source: string): Found[] {
  const declaration = /^(?:export\s+)?(?:const|let|var)\s+(\w+)\s*(?::\s*([^=]+?))?\s*=\s*new\s+(Map|WeakMap|LruMap|BoundedCache)\b/gm;
  return [...source.matchAll(declaration)].map((m) => ({ name: m[1]!, constructed: m[3]!, readonlyTable: /^Readonly(Map|Set)</.test(m[2] ?? "") }));
}

/** Module-level maps of src/ that are neither constant tables nor listed in FIXED_LOOKUPS. */
function unlisted(files: readonly { path: string; text: string }[]): string[] {
  const listed = new Set(FIXED_LOOKUPS.map((l) => `${l.file}#${l.name}`));
  return files.flatMap((f) =>
    moduleLevelMaps(f.text)
      .filter((m) => !m.readonlyTable && !listed.has(`${f.path}#${m.name}`))
      .map((m) => `${f.path}: ${m.name} = new ${m.constructed}(…)`),
  );
}

describe("the catalog of caches", () => {
  it("finds a module-level cache that is not in the catalog (the scan is not vacuous)", () => {
    const made = [
      {
        path: "src/x.ts",
        text: "const SEEN = new Map<string, number>();\nexport const TABLE: ReadonlyMap<string, number> = new Map([['a', 1]]);\nfunction f() { const local = new Map(); return local; }",
      },
      { path: "src/y.ts", text: "const byKb = new WeakMap<object, string>();\nexport const rows = new BoundedCache('rows', { maxEntries: 1 });" },
    ];
    expect(unlisted(made)).toEqual(["src/x.ts: SEEN = new Map(…)", "src/y.ts: byKb = new WeakMap(…)", "src/y.ts: rows = new BoundedCache(…)"]);
  });

  it("has no module-level Map or WeakMap in src/ apart from constant tables and the listed fixed lookups", () => {
    expect(unlisted(FILES)).toEqual([]);
  });

  it("makes every BoundedCache in the catalog, and no LruMap anywhere", () => {
    const outside = FILES.filter((f) => f.path !== CATALOG && /\bnew (BoundedCache|LruMap)\b/.test(f.text)).map((f) => f.path);
    expect(outside).toEqual([]);
  });

  it("lists fixed lookups that exist, each with why it stays bounded", () => {
    for (const l of FIXED_LOOKUPS) {
      const file = FILES.find((f) => f.path === l.file);
      expect(file, l.file).toBeDefined();
      expect(file!.text, `${l.file} declares ${l.name}`).toContain(l.name.split(".").pop()!);
      expect(l.bounded.length, l.name).toBeGreaterThan(20);
    }
  });

  it("has every cache and analysis of the catalog used where it says, under its name", () => {
    const uses = (name: string) => new RegExp(`(createCache|cache|rememberFact)(<[^>]*>)?\\([^)]*"${name}"|\\.get\\("${name}"`);
    const names = [...Object.entries(CACHES), ...Object.entries(ANALYSES)];
    for (const [name, entry] of names) {
      const file = FILES.find((f) => f.path === entry.usedIn.split(" ")[0]);
      expect(file, `${name}: ${entry.usedIn}`).toBeDefined();
      const perKb = name in KNOWLEDGE_BASE_CACHE_ENTRIES || name in ANALYSES;
      // A cache of the knowledge base is made by KnowledgeBaseAnalyses; the file that uses it asks for it by name.
      expect(FILES.some((f) => uses(name).test(f.text)) || (!perKb && file!.text.includes(`"${name}"`)), name).toBe(true);
      expect(file!.text.includes(`"${name}"`) || file!.text.includes(`\`${name}\``), `${entry.usedIn} names ${name}`).toBe(true);
    }
  });
});
