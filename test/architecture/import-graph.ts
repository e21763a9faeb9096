/**
 * A small reader of the import graph of src/: every relative import of every src/**.ts file,
 * `import type` and `export ... from` included, since a type-only edge is still an edge a reader
 * must follow. Used by the architecture tests; no tool of the kind (madge, dependency-cruiser)
 * is installed.
 */
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The repository's src/ folder. */
export const SRC = resolve(import.meta.dirname, "../../src");

/** One file's imports: relative ones resolved to src-relative paths, bare ones as written. */
export interface FileImports {
  /** src-relative paths (forward slashes) of the files this one imports. */
  local: string[];
  /** Package specifiers (`better-sqlite3`, `type-graphql`, `node:fs`). */
  packages: string[];
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTs(full));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

const SPECIFIERS = [
  /\b(?:import|export)\b[^;'"`]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

function resolveLocal(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base.replace(/\.js$/, ".ts"), base, `${base}.ts`, join(base, "index.ts")];
  return candidates.find((c) => c.endsWith(".ts") && existsSync(c));
}

/** Whole-src import graph, keyed by src-relative path with forward slashes. */
export function readImportGraph(): Map<string, FileImports> {
  const graph = new Map<string, FileImports>();
  const key = (abs: string) => relative(SRC, abs).split(sep).join("/");
  for (const file of listTs(SRC)) {
    const text = stripComments(readFileSync(file, "utf8"));
    const local = new Set<string>();
    const packages = new Set<string>();
    for (const pattern of SPECIFIERS) {
      for (const match of text.matchAll(pattern)) {
        const spec = match[1]!;
        if (spec.startsWith(".")) {
          const target = resolveLocal(file, spec);
          if (target === undefined) throw new Error(`${key(file)}: cannot resolve ${spec}`);
          local.add(key(target));
        } else {
          packages.add(spec);
        }
      }
    }
    graph.set(key(file), { local: [...local].sort(), packages: [...packages].sort() });
  }
  return graph;
}

/**
 * Strongly connected components of more than one node (or a node importing itself) of a
 * directed graph: each is a set of nodes that reach one another, that is, an import cycle.
 */
export function cycles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
      }
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!indexOf.has(node)) visit(node);
  return found;
}

/** One shortest path round a component, from its first member back to itself, for a message. */
export function exampleLoop(edges: Map<string, string[]>, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component;
}

/** The folder a src file belongs to for layering: its first folder, or the file itself at the top. */
export function folderOf(file: string): string {
  const slash = file.indexOf("/");
  return slash === -1 ? file.replace(/\.ts$/, "") : file.slice(0, slash);
}
